// StartupCheck: `kinora --check [--screenshot FILE]` waits for the project to load, reports what
// the window shows (shot cards) on stdout, optionally saves a screenshot, and quits.
#pragma once

#include <QObject>
#include <QString>

class QQmlApplicationEngine;
class QQuickWindow;

namespace kinora::app {

class StartupCheck : public QObject
{
    Q_OBJECT

public:
    StartupCheck(QQmlApplicationEngine *engine, QString screenshotPath, QObject *parent = nullptr);

private:
    void poll();
    void finish(QQuickWindow *window);

    QQmlApplicationEngine *m_engine;
    QString m_screenshotPath;
    int m_polls = 0;
};

} // namespace kinora::app
