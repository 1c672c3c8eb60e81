// StartupCheck: counts the shot cards really present in the window's item tree.
#include "startupcheck.h"

#include <QCoreApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

namespace kinora::app {
namespace {

int countVisible(QQuickItem *item, const QString &name)
{
    int n = item->isVisible() && item->objectName() == name ? 1 : 0;
    for (QQuickItem *child : item->childItems())
        n += countVisible(child, name);
    return n;
}

} // namespace

StartupCheck::StartupCheck(QQmlApplicationEngine *engine, QString screenshotPath, QObject *parent)
    : QObject(parent), m_engine(engine), m_screenshotPath(std::move(screenshotPath))
{
    QTimer::singleShot(100, this, &StartupCheck::poll);
}

void StartupCheck::poll()
{
    auto *window = m_engine->rootObjects().isEmpty()
        ? nullptr : qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
    const bool loaded = window && window->property("projectOpen").toBool();
    QObject *banner = window ? window->findChild<QObject *>(QStringLiteral("errorBanner")) : nullptr;
    const QString error = banner ? banner->property("text").toString() : QString();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "kinora: %s\n", qPrintable(error));
        QCoreApplication::exit(1);
        return;
    }
    if (loaded && ++m_polls > 3) // a few frames after loading, so delegates exist
        return finish(window);
    if (!loaded && ++m_polls > 300) {
        std::fprintf(stderr, "kinora: the project did not load within 30 s\n");
        QCoreApplication::exit(1);
        return;
    }
    QTimer::singleShot(100, this, &StartupCheck::poll);
}

void StartupCheck::finish(QQuickWindow *window)
{
    const int cards = countVisible(window->contentItem(), QStringLiteral("shotCard"));
    std::printf("kinora: window \"%s\", shot cards shown: %d\n", qPrintable(window->title()), cards);
    std::fflush(stdout);
    if (!m_screenshotPath.isEmpty()) {
        const QImage image = window->grabWindow();
        if (image.isNull() || !image.save(m_screenshotPath)) {
            std::fprintf(stderr, "kinora: could not save the screenshot to %s\n", qPrintable(m_screenshotPath));
            QCoreApplication::exit(1);
            return;
        }
    }
    window->close();
    QCoreApplication::exit(cards > 0 ? 0 : 3);
}

} // namespace kinora::app
