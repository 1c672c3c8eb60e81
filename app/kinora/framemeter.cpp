// FrameMeter implementation. The window is asked for a new frame after every swap, as an animation
// would, so frame intervals show how long the GUI thread and the renderer really take; a 10 ms
// timer's lateness shows how quickly input would be handled.
#include "framemeter.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <algorithm>
#include <cstdio>

namespace kinora::app {
namespace {

constexpr int kTickMs = 10;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

void report(const char *phase, const std::vector<double> &frames, const std::vector<double> &late)
{
    std::printf("%-10s frames %5zu  frame ms median %6.2f  p95 %6.2f  max %7.2f  |  input lateness ms median %5.2f  p95 %6.2f  max %7.2f\n",
                phase, frames.size(), percentile(frames, 0.5), percentile(frames, 0.95), percentile(frames, 1.0),
                percentile(late, 0.5), percentile(late, 0.95), percentile(late, 1.0));
}

} // namespace

FrameMeter::FrameMeter(QQmlApplicationEngine *engine, double seconds, QObject *parent)
    : QObject(parent), m_engine(engine), m_seconds(seconds)
{
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &FrameMeter::onTick);
    QTimer::singleShot(100, this, &FrameMeter::poll);
}

QObject *FrameMeter::generation() const
{
    // The storyboard view model is the window's child declared in Main.qml; its generation
    // property is the queue the Generate buttons drive.
    for (QObject *child : m_window->findChildren<QObject *>()) {
        if (child->inherits("kinora::storyboard::StoryboardViewModel"))
            return child->property("generation").value<QObject *>();
    }
    return nullptr;
}

void FrameMeter::poll()
{
    if (m_phase == Phase::WaitingForProject) {
        m_window = m_engine->rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        if (m_window && m_window->property("projectOpen").toBool()) {
            connect(m_window, &QQuickWindow::frameSwapped, this, &FrameMeter::onFrameSwapped);
            startPhase(Phase::Idle);
        } else if (++m_polls > 300) {
            std::fprintf(stderr, "kinora: the project did not load within 30 s\n");
            QCoreApplication::exit(1);
            return;
        }
    } else if (m_phase == Phase::Idle && m_phaseClock.elapsed() >= m_seconds * 1000) {
        QObject *queue = generation();
        if (!queue) {
            std::fprintf(stderr, "kinora: no generation queue in the window\n");
            QCoreApplication::exit(1);
            return;
        }
        QMetaObject::invokeMethod(queue, "generateAll");
        startPhase(Phase::Generating);
    } else if (m_phase == Phase::Generating) {
        const int active = generation()->property("activeJobs").toInt();
        m_sawJobs = m_sawJobs || active > 0;
        // Measure for the asked time while the worker is busy; stop early when the queue drains.
        if (m_phaseClock.elapsed() >= m_seconds * 1000 || (m_sawJobs && active == 0 && m_phaseClock.elapsed() > 1000))
            return finish();
        if (!m_sawJobs && m_phaseClock.elapsed() > 10000) {
            std::fprintf(stderr, "kinora: Generate all queued no jobs (are all shots generated already?)\n");
            QCoreApplication::exit(1);
            return;
        }
    }
    QTimer::singleShot(100, this, &FrameMeter::poll);
}

void FrameMeter::startPhase(Phase phase)
{
    m_phase = phase;
    m_phaseClock.start();
    m_frameClock.invalidate();
    m_tickClock.start();
    m_tick.start();
    m_window->update();
}

void FrameMeter::onFrameSwapped()
{
    Samples &s = m_phase == Phase::Generating ? m_busy : m_idle;
    if (m_frameClock.isValid() && m_phase != Phase::WaitingForProject && m_phase != Phase::Done)
        s.frameMs.push_back(m_frameClock.nsecsElapsed() / 1e6);
    m_frameClock.start();
    if (m_phase != Phase::Done)
        m_window->update();
}

void FrameMeter::onTick()
{
    Samples &s = m_phase == Phase::Generating ? m_busy : m_idle;
    s.lateMs.push_back(std::max(0.0, m_tickClock.nsecsElapsed() / 1e6 - kTickMs));
    m_tickClock.start();
}

void FrameMeter::finish()
{
    m_phase = Phase::Done;
    m_tick.stop();
    report("idle", m_idle.frameMs, m_idle.lateMs);
    report("generating", m_busy.frameMs, m_busy.lateMs);
    std::fflush(stdout);
    const bool ok = m_idle.frameMs.size() > 10 && m_busy.frameMs.size() > 10;
    if (!ok)
        std::fprintf(stderr, "kinora: too few frames were drawn to measure\n");
    // The worker keeps going in the background; quitting asks it to stop with the studio.
    QCoreApplication::exit(ok ? 0 : 1);
}

} // namespace kinora::app
