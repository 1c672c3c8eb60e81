// FrameMeter: `kinora PROJECT --measure-frames SECONDS` measures the window's frame times and the
// event loop's lateness while idle, then while the worker generates every shot, prints both, quits.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

class QQmlApplicationEngine;
class QQuickWindow;

namespace kinora::app {

class FrameMeter : public QObject
{
    Q_OBJECT

public:
    FrameMeter(QQmlApplicationEngine *engine, double seconds, QObject *parent = nullptr);

private:
    enum class Phase { WaitingForProject, Idle, Generating, Done };
    struct Samples
    {
        std::vector<double> frameMs;
        std::vector<double> lateMs;
    };

    void poll();
    void onFrameSwapped();
    void onTick();
    void startPhase(Phase phase);
    void finish();
    QObject *generation() const;

    QQmlApplicationEngine *m_engine;
    QQuickWindow *m_window = nullptr;
    double m_seconds;
    Phase m_phase = Phase::WaitingForProject;
    QElapsedTimer m_phaseClock;
    QElapsedTimer m_frameClock;
    QElapsedTimer m_tickClock;
    QTimer m_tick;
    Samples m_idle;
    Samples m_busy;
    int m_polls = 0;
    bool m_sawJobs = false;
};

} // namespace kinora::app
