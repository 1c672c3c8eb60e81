// Qt Quick Test runner for the Timeline page: writes a small project with real takes (and one
// shot not generated yet) and gives its path to the suite as the context property timelineProject.
#include "timelineproject.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Kinora_TimelinePlugin)
Q_IMPORT_QML_PLUGIN(Kinora_StoryboardPlugin)
Q_IMPORT_QML_PLUGIN(Kinora_ControlsPlugin)

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KinoraTests"));
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        const kinora::core::Status st = kinora::test::writeTimelineProject(m_dir.filePath(QStringLiteral("film.kinora")));
        if (!st)
            qFatal("cannot write the timeline fixture: %s", qPrintable(st.error().toString()));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("timelineProject"),
                                                  m_dir.filePath(QStringLiteral("film.kinora")));
    }

private:
    QTemporaryDir m_dir;
};

QUICK_TEST_MAIN_WITH_SETUP(timeline, Setup)
#include "tst_qml_timeline.moc"
