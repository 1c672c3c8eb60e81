// The worker under fire: SIGKILL it in the middle of jobs, again and again. The supervisor must
// notice within 2 s, restart it, and every job must finish with exactly one playable take; a job
// killed three times fails with the reason; the storyboard itself never changes.
#include "engine/enginesupervisor.h"
#include "engine/jobspec.h"
#include "media/mediadecoder.h"
#include "store/jobrepository.h"
#include "store/projectdatabase.h"
#include "story/projectio.h"
#include "story/storyboardjson.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace kinora;

namespace {

story::Storyboard tinyFilm(int shots)
{
    story::Storyboard board;
    board.title = QStringLiteral("Tiny");
    board.resolution = story::Resolution::P480;
    board.fps = 24;
    const QStringList prompts{QStringLiteral("A red ball bounces in a gym."), QStringLiteral("A dog runs on a beach."),
                              QStringLiteral("A man walks on a street at night.")};
    for (int i = 0; i < shots; ++i) {
        story::Shot shot = story::makeShot(prompts.at(i % prompts.size()));
        shot.durationDs = 10; // 1 s
        shot.seed = 100 + i;
        board.shots << shot;
    }
    return board;
}

QString worker()
{
    return QStringLiteral(KINORA_BINARY_DIR "/app/kinora-engine/kinora-engine");
}

} // namespace

class TestEngineWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWorkerIsRestartedAndLosesNothing()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("film.kinora"));
        const story::Storyboard board = tinyFilm(5);
        QVERIFY(story::writeStoryboardFile(board, project).ok());
        const QByteArray storyboardBefore = story::toJsonText(story::readStoryboardFile(project).value());
        QStringList jobIds;
        {
            auto db = store::ProjectDatabase::open(project);
            store::JobRepository jobs(db.value()->db());
            for (int n = 1; n <= board.shots.size(); ++n) {
                engine::JobSpec spec{board, {story::Resolution::P480, 12, std::nullopt, {}}, n};
                jobIds << jobs.enqueue(board.shots.at(n - 1).id, engine::toJson(spec), engine::specHash(spec)).value().id;
            }
        }
        engine::EngineSupervisor supervisor(project, worker());
        QSignalSpy died(&supervisor, &engine::EngineSupervisor::workerDied);
        QSignalSpy idle(&supervisor, &engine::EngineSupervisor::idle);
        // Kill the worker once per job, in the render stage.
        QSet<QString> killedJobs;
        QList<qint64> noticeMs;
        QElapsedTimer sinceKill;
        connect(&supervisor, &engine::EngineSupervisor::progress, this,
                [&](const QString &job, const QString &stage, int done, int) {
                    if (stage == QLatin1String("render") && done >= 2 && !killedJobs.contains(job)) {
                        killedJobs.insert(job);
                        sinceKill.start();
                        ::kill(pid_t(supervisor.workerPid()), SIGKILL);
                    }
                });
        connect(&supervisor, &engine::EngineSupervisor::workerDied, this, [&] {
            if (sinceKill.isValid())
                noticeMs << sinceKill.elapsed();
        });
        supervisor.start();
        QVERIFY2(idle.wait(240000) || !idle.isEmpty(), "the queue did not finish");
        QCOMPARE(int(killedJobs.size()), 5);
        QCOMPARE(int(died.size()), 5);
        for (qint64 ms : noticeMs)
            QVERIFY2(ms < 2000, qPrintable(QStringLiteral("noticed after %1 ms").arg(ms)));

        auto db = store::ProjectDatabase::open(project);
        store::JobRepository jobs(db.value()->db());
        for (const QString &id : jobIds) {
            const store::Job job = *jobs.job(id).value();
            QCOMPARE(store::toString(job.state), QStringLiteral("done"));
            QCOMPARE(job.attempts, 2);
            const auto takes = jobs.takesForShot(job.shotId).value();
            QCOMPARE(takes.size(), 1); // the killed attempt left no take
            const QString media = store::ProjectDatabase::mediaFolderFor(project) + QLatin1Char('/') + takes.first().media;
            const auto video = media::decodeVideoFrames(media, 0);
            QVERIFY2(video.ok(), qPrintable(video.error().toString()));
            QCOMPARE(video.value().frames.size(), 12);
        }
        const QStringList partials = QDir(store::ProjectDatabase::mediaFolderFor(project) + QStringLiteral("/takes"))
                                         .entryList({QStringLiteral("*.partial")}, QDir::Files);
        QVERIFY2(partials.isEmpty(), qPrintable(partials.join(QLatin1Char(' '))));
        QCOMPARE(story::toJsonText(story::readStoryboardFile(project).value()), storyboardBefore);
    }

    void jobKilledThreeTimesFailsWithTheReason()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("film.kinora"));
        const story::Storyboard board = tinyFilm(1);
        QVERIFY(story::writeStoryboardFile(board, project).ok());
        QString jobId;
        {
            auto db = store::ProjectDatabase::open(project);
            engine::JobSpec spec{board, {story::Resolution::P480, 12, std::nullopt, {}}, 1};
            jobId = store::JobRepository(db.value()->db())
                        .enqueue(board.shots.first().id, engine::toJson(spec), engine::specHash(spec)).value().id;
        }
        engine::EngineSupervisor supervisor(project, worker());
        QSignalSpy idle(&supervisor, &engine::EngineSupervisor::idle);
        connect(&supervisor, &engine::EngineSupervisor::progress, this,
                [&](const QString &, const QString &stage, int done, int) {
                    if (stage == QLatin1String("render") && done >= 1)
                        ::kill(pid_t(supervisor.workerPid()), SIGKILL);
                });
        supervisor.start();
        QVERIFY(idle.wait(120000) || !idle.isEmpty());
        auto db = store::ProjectDatabase::open(project);
        const store::Job job = *store::JobRepository(db.value()->db()).job(jobId).value();
        QCOMPARE(store::toString(job.state), QStringLiteral("failed"));
        QCOMPARE(job.attempts, 3);
        QVERIFY2(job.error.contains(QStringLiteral("killed or crashed")), qPrintable(job.error));
        QVERIFY(store::JobRepository(db.value()->db()).takesForShot(job.shotId).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEngineWorker)
#include "tst_engine_worker.moc"
