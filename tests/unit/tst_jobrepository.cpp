// The generation queue in the project file: order, pause, progress, retries, recovery after a
// dead worker, cancel, reorder, takes and hero takes, the cache lookup, and concurrent claims.
#include "store/jobrepository.h"
#include "store/projectdatabase.h"

#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace kinora;
using store::Job;
using store::JobState;

class TestJobRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::ProjectDatabase> m_project;
    int m_counter = 0;

    store::JobRepository repo() { return store::JobRepository(m_project->db()); }

    store::Take takeFor(const Job &job, const QString &id)
    {
        store::Take t;
        t.id = id;
        t.shotId = job.shotId;
        t.specHash = job.specHash;
        t.seed = 7;
        t.engineVersion = QStringLiteral("test");
        t.media = id + QStringLiteral(".mp4");
        t.plan = "{}";
        t.endState = "[]";
        t.timings = "{}";
        return t;
    }

private Q_SLOTS:
    void init()
    {
        m_project.reset();
        auto created = store::ProjectDatabase::create(m_dir.filePath(QStringLiteral("q%1.kinora").arg(++m_counter)));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        m_project = std::move(created.value());
    }

    void claimsInQueueOrderAndRespectsPause()
    {
        auto r = repo();
        const Job a = r.enqueue(QStringLiteral("shot-a"), "{\"n\":1}", QStringLiteral("h1")).value();
        const Job b = r.enqueue(QStringLiteral("shot-b"), "{\"n\":2}", QStringLiteral("h2")).value();
        QVERIFY(r.setPaused(true).ok());
        QVERIFY(r.isPaused());
        QVERIFY(!r.claimNext(42).value().has_value());
        QVERIFY(r.setPaused(false).ok());
        const auto first = r.claimNext(42).value();
        QVERIFY(first.has_value());
        QCOMPARE(first->id, a.id);
        QCOMPARE(store::toString(first->state), QStringLiteral("running"));
        QCOMPARE(first->attempts, 1);
        QCOMPARE(r.claimNext(42).value()->id, b.id);
        QVERIFY(!r.claimNext(42).value().has_value());
        QCOMPARE(QString::fromUtf8(r.job(a.id).value()->spec), QStringLiteral("{\"n\":1}"));
    }

    void progressCompleteAndHeroTakes()
    {
        auto r = repo();
        const Job a = r.enqueue(QStringLiteral("shot-a"), "{}", QStringLiteral("h1")).value();
        const Job running = *r.claimNext(1).value();
        QVERIFY(r.reportProgress(a.id, QStringLiteral("render"), 12, 120).ok());
        const Job seen = *r.job(a.id).value();
        QCOMPARE(seen.stage, QStringLiteral("render"));
        QCOMPARE(seen.framesDone, 12);
        QCOMPARE(seen.framesTotal, 120);
        QVERIFY(r.complete(a.id, takeFor(running, QStringLiteral("take-1"))).ok());
        QCOMPARE(store::toString(r.job(a.id).value()->state), QStringLiteral("done"));
        QCOMPARE(r.job(a.id).value()->takeId, QStringLiteral("take-1"));

        r.enqueue(QStringLiteral("shot-a"), "{}", QStringLiteral("h1b"));
        const Job again = *r.claimNext(1).value();
        QVERIFY(r.complete(again.id, takeFor(again, QStringLiteral("take-2"))).ok());
        auto takes = r.takesForShot(QStringLiteral("shot-a")).value();
        QCOMPARE(takes.size(), 2);
        QVERIFY(takes.at(0).hero);   // the first take of a shot is its hero
        QVERIFY(!takes.at(1).hero);
        QVERIFY(r.setHero(QStringLiteral("take-2")).ok());
        takes = r.takesForShot(QStringLiteral("shot-a")).value();
        QVERIFY(!takes.at(0).hero);
        QVERIFY(takes.at(1).hero);
        QCOMPARE(r.takeForSpec(QStringLiteral("h1")).value()->id, QStringLiteral("take-1"));
        QVERIFY(!r.takeForSpec(QStringLiteral("nope")).value().has_value());
        QVERIFY(!r.setHero(QStringLiteral("missing")).ok());
    }

    void failureRetriesThenFailsWithReason()
    {
        auto r = repo();
        const Job a = r.enqueue(QStringLiteral("shot-a"), "{}", QStringLiteral("h")).value();
        for (int attempt = 1; attempt <= store::kMaxJobAttempts; ++attempt) {
            const auto claimed = r.claimNext(5).value();
            QVERIFY(claimed.has_value());
            QCOMPARE(claimed->attempts, attempt);
            QVERIFY(r.fail(a.id, QStringLiteral("out of memory in render")).ok());
        }
        const Job failed = *r.job(a.id).value();
        QCOMPARE(store::toString(failed.state), QStringLiteral("failed"));
        QCOMPARE(failed.error, QStringLiteral("out of memory in render"));
        QVERIFY(!r.claimNext(5).value().has_value());
    }

    void deadWorkerJobsReturnToTheQueue()
    {
        auto r = repo();
        const Job a = r.enqueue(QStringLiteral("shot-a"), "{}", QStringLiteral("h")).value();
        const Job b = r.enqueue(QStringLiteral("shot-b"), "{}", QStringLiteral("h2")).value();
        r.claimNext(100);
        r.claimNext(200);
        QCOMPARE(r.recoverRunning(100, QStringLiteral("worker killed by signal 9")).value(), 1);
        QCOMPARE(store::toString(r.job(a.id).value()->state), QStringLiteral("queued"));
        QCOMPARE(r.job(a.id).value()->error, QStringLiteral("worker killed by signal 9"));
        QCOMPARE(store::toString(r.job(b.id).value()->state), QStringLiteral("running")); // another worker's job is untouched
        QCOMPARE(r.recoverRunning(0, QStringLiteral("studio restarted")).value(), 1);
        QCOMPARE(store::toString(r.job(b.id).value()->state), QStringLiteral("queued"));
    }

    void cancelAndReorder()
    {
        auto r = repo();
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids << r.enqueue(QStringLiteral("shot-%1").arg(i), "{}", QStringLiteral("h%1").arg(i)).value().id;
        QVERIFY(r.moveQueued(ids.at(3), 0).ok());
        QVERIFY(r.cancel(ids.at(1)).ok());
        QCOMPARE(store::toString(r.job(ids.at(1)).value()->state), QStringLiteral("cancelled"));
        QStringList order;
        while (auto next = r.claimNext(9).value())
            order << next->id;
        QCOMPARE(order, (QStringList{ids.at(3), ids.at(0), ids.at(2)}));
        QVERIFY(!r.moveQueued(ids.at(0), 0).ok()); // no longer queued
        // A cancelled running job does not take a late result.
        const Job late = r.enqueue(QStringLiteral("shot-x"), "{}", QStringLiteral("hx")).value();
        const Job running = *r.claimNext(9).value();
        QVERIFY(r.cancel(late.id).ok());
        QVERIFY(!r.complete(running.id, takeFor(running, QStringLiteral("late-take"))).ok());
        QVERIFY(r.takesForShot(QStringLiteral("shot-x")).value().isEmpty());
    }

    void concurrentWorkersNeverClaimTheSameJob()
    {
        auto r = repo();
        for (int i = 0; i < 60; ++i)
            r.enqueue(QStringLiteral("shot-%1").arg(i), "{}", QStringLiteral("h%1").arg(i));
        const QString path = m_project->path();
        QList<QStringList> claimedBy(3);
        QList<QThread *> threads;
        for (int w = 0; w < 3; ++w) {
            threads << QThread::create([path, w, &claimedBy] {
                auto db = store::ProjectDatabase::open(path);
                store::JobRepository own(db.value()->db());
                while (true) {
                    auto next = own.claimNext(1000 + w);
                    if (!next.ok() || !next.value())
                        break;
                    claimedBy[w] << next.value()->id;
                }
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QSet<QString> all;
        int total = 0;
        for (const QStringList &ids : claimedBy) {
            total += int(ids.size());
            for (const QString &id : ids)
                all.insert(id);
        }
        QCOMPARE(total, 60);
        QCOMPARE(int(all.size()), 60);
    }
};

QTEST_GUILESS_MAIN(TestJobRepository)
#include "tst_jobrepository.moc"
