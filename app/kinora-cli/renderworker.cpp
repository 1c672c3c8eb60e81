// The wait for a render's jobs. The job rows in the project are the truth: the worker's messages
// only say when to look again (and carry the progress shown), and a timer looks anyway, so a lost
// message can delay the end of a render by half a second but never hang it.
#include "renderworker.h"

#include "engine/enginesupervisor.h"
#include "stopsignal.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

namespace kinora::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("render", text);
}

/// A worker that dies this many times in a row without rendering anything is broken (a missing
/// library, no memory); the job's own three attempts only count deaths during a job.
constexpr int kMaxFruitlessDeaths = 5;

} // namespace

void ProgressLine::update(const QString &text)
{
    if (text == m_last && m_open)
        return;
    m_err << "\r" << text << "   ";
    m_err.flush();
    m_last = text;
    m_open = true;
}

void ProgressLine::message(const QString &text)
{
    end();
    m_err << text << "\n";
    m_err.flush();
}

void ProgressLine::end()
{
    if (m_open)
        m_err << "\n";
    m_err.flush();
    m_open = false;
    m_last.clear();
}

int renderQueuedShots(RenderProject &project, engine::RenderBatch &batch, ProgressLine &line)
{
    store::JobRepository jobs(project.db->db());
    const QString worker = engine::EngineSupervisor::locateWorker();
    if (worker.isEmpty()) {
        batch.cancel(jobs);
        line.message(tr("error: the generation worker (kinora-engine) was not found beside kinora-cli in %1; "
                        "reinstall Kinora, or set KINORA_ENGINE to its path.")
                         .arg(QDir::toNativeSeparators(QCoreApplication::applicationDirPath())));
        return 1;
    }
    const int shotCount = int(project.board.shots.size());
    engine::EngineSupervisor supervisor(project.path, worker);
    QEventLoop loop;
    int exitCode = -1;
    int fruitlessDeaths = 0;
    int idleWakes = 0;
    const auto finish = [&](int code) {
        if (exitCode < 0) {
            exitCode = code;
            loop.quit();
        }
    };
    // Reads the jobs back: done when every shot has its take, failed when one job failed.
    const auto check = [&] {
        if (exitCode >= 0)
            return;
        if (core::Status st = batch.refresh(jobs); !st) {
            line.message(tr("error: the render queue cannot be read: %1").arg(st.error().toString()));
            finish(1);
            return;
        }
        if (const engine::BatchShot *failed = batch.firstFailure()) {
            const QString reason = failed->error.isEmpty() ? tr("its job was cancelled") : failed->error;
            line.message(tr("error: shot %1 could not be rendered (%2 %3): %4")
                             .arg(failed->number)
                             .arg(failed->attempts)
                             .arg(failed->attempts == 1 ? tr("attempt") : tr("attempts"), reason));
            finish(1);
            return;
        }
        if (batch.allDone())
            finish(0);
    };

    QObject::connect(&supervisor, &engine::EngineSupervisor::workerStarted, &loop, [&](qint64 pid) {
        line.message(tr("kinora-engine started (pid %1) for %2").arg(pid).arg(QDir::toNativeSeparators(project.path)));
    });
    QObject::connect(&supervisor, &engine::EngineSupervisor::progress, &loop,
                     [&](const QString &jobId, const QString &stage, int done, int total) {
                         fruitlessDeaths = 0;
                         const int shot = batch.shotForJob(jobId);
                         if (shot == 0)
                             return; // work queued in the studio, done after this render's shots
                         const int percent = total > 0 ? done * 100 / total : 0;
                         line.update(QStringLiteral("shot %1/%2 %3 %4%").arg(shot).arg(shotCount).arg(stage).arg(percent));
                     });
    QObject::connect(&supervisor, &engine::EngineSupervisor::jobFinished, &loop, [&] { check(); });
    QObject::connect(&supervisor, &engine::EngineSupervisor::workerDied, &loop, [&](const QString &reason) {
        if (exitCode >= 0 || StopSignalGuard::received() != 0)
            return; // already ending (a cancel, a worker that cannot start)
        if (++fruitlessDeaths >= kMaxFruitlessDeaths) {
            line.message(tr("error: the generation worker keeps stopping (%1); giving up.").arg(reason));
            finish(1);
            return;
        }
        line.message(tr("note: %1; it is restarted and the shot starts again.").arg(reason));
        check();
    });
    QObject::connect(&supervisor, &engine::EngineSupervisor::workerFailedToStart, &loop, [&](const QString &reason) {
        line.message(QStringLiteral("error: ") + reason);
        finish(1);
    });
    QObject::connect(&supervisor, &engine::EngineSupervisor::idle, &loop, [&] {
        check();
        // The worker found the queue empty while shots are missing: a job was taken by no one
        // (a race with a restart). Wake it a few times before calling it a failure.
        if (exitCode < 0 && ++idleWakes <= 3)
            supervisor.wake();
        else if (exitCode < 0) {
            line.message(tr("error: the generation worker found nothing to do, but %1 shots have no take.")
                             .arg(batch.pendingCount()));
            finish(1);
        }
    });
    QTimer poll;
    int ticks = 0;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (StopSignalGuard::received() != 0) {
            finish(130);
            return;
        }
        if (++ticks % 5 == 0)
            check();
    });
    poll.start(100);
    QTimer::singleShot(0, &loop, [&] { supervisor.start(); });
    loop.exec();

    if (exitCode != 0) {
        // Cancel first: the worker sees its job cancelled, and stop() then puts back only the
        // studio's work, never this render's.
        const auto cancelled = batch.cancel(jobs);
        if (exitCode == 130)
            line.message(QCoreApplication::translate("render", "cancelled: %n shot(s) not rendered; no film was written.",
                                                     nullptr, cancelled ? cancelled.value() : batch.pendingCount()));
    }
    supervisor.stop(); // the queue may hold the studio's work: that waits for the studio
    return exitCode;
}

} // namespace kinora::cli
