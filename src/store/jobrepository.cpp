// JobRepository: every state change is one short transaction, so the studio, the CLI and the
// worker can share the queue through the project file (WAL) without stepping on each other.
#include "store/jobrepository.h"

#include "core/ids.h"
#include "store/sqlutil.h"

#include <QSqlQuery>
#include <functional>

namespace kinora::store {
namespace {

constexpr const char *kJobColumns =
    "id, shot_id, state, position, spec, spec_hash, attempts, error, stage, frames_done, frames_total, "
    "take_id, worker_pid, updated_at";
constexpr const char *kTakeColumns =
    "id, shot_id, spec_hash, seed, engine_version, media, plan, end_state, timings, is_hero, created_at";

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Job jobFrom(const QSqlQuery &q)
{
    Job j;
    j.id = q.value(0).toString();
    j.shotId = q.value(1).toString();
    j.state = jobStateFromString(q.value(2).toString());
    j.position = q.value(3).toLongLong();
    j.spec = q.value(4).toString().toUtf8();
    j.specHash = q.value(5).toString();
    j.attempts = q.value(6).toInt();
    j.error = q.value(7).toString();
    j.stage = q.value(8).toString();
    j.framesDone = q.value(9).toInt();
    j.framesTotal = q.value(10).toInt();
    j.takeId = q.value(11).toString();
    j.workerPid = q.value(12).toLongLong();
    j.updatedAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    return j;
}

Take takeFrom(const QSqlQuery &q)
{
    Take t;
    t.id = q.value(0).toString();
    t.shotId = q.value(1).toString();
    t.specHash = q.value(2).toString();
    t.seed = quint32(q.value(3).toLongLong());
    t.engineVersion = q.value(4).toString();
    t.media = q.value(5).toString();
    t.plan = q.value(6).toString().toUtf8();
    t.endState = q.value(7).toString().toUtf8();
    t.timings = q.value(8).toString().toUtf8();
    t.hero = q.value(9).toBool();
    t.createdAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    return t;
}

/// Runs a prepared SELECT and maps every row.
template <typename T>
core::Result<QList<T>> rows(QSqlQuery &q, const QString &doing, T (*map)(const QSqlQuery &))
{
    if (core::Status st = exec(q, doing); !st)
        return st.error();
    QList<T> out;
    while (q.next())
        out << map(q);
    return out;
}

} // namespace

QString toString(JobState state)
{
    switch (state) {
    case JobState::Queued: return QStringLiteral("queued");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Done: return QStringLiteral("done");
    case JobState::Failed: return QStringLiteral("failed");
    case JobState::Cancelled: return QStringLiteral("cancelled");
    case JobState::Invalid: break;
    }
    return {};
}

JobState jobStateFromString(const QString &text)
{
    for (JobState s : {JobState::Queued, JobState::Running, JobState::Done, JobState::Failed, JobState::Cancelled})
        if (toString(s) == text)
            return s;
    return JobState::Invalid;
}

JobRepository::JobRepository(QSqlDatabase db) : m_db(std::move(db)) {}

core::Status JobRepository::inTransaction(const QString &doing, const std::function<core::Status()> &work)
{
    // BEGIN IMMEDIATE takes the write lock up front: a claim can never race another claim.
    if (core::Status st = exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), doing); !st)
        return st;
    core::Status st = work();
    if (st)
        st = exec(m_db, QStringLiteral("COMMIT"), doing);
    if (!st)
        exec(m_db, QStringLiteral("ROLLBACK"), doing);
    return st;
}

core::Result<Job> JobRepository::enqueue(const QString &shotId, const QByteArray &spec, const QString &specHash)
{
    Job job;
    job.id = core::newId();
    core::Status st = inTransaction(QStringLiteral("queue a job"), [&]() -> core::Status {
        job.position = scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(position), 0) + 1 FROM jobs")).toLongLong();
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO jobs (id, shot_id, state, position, spec, spec_hash, created_at, updated_at) "
                                 "VALUES (?, ?, 'queued', ?, ?, ?, ?, ?)"));
        const QString stamp = now();
        for (const QVariant &v : {QVariant(job.id), QVariant(shotId), QVariant(job.position),
                                  QVariant(QString::fromUtf8(spec)), QVariant(specHash), QVariant(stamp), QVariant(stamp)})
            q.addBindValue(v);
        return exec(q, QStringLiteral("queue a job"));
    });
    if (!st)
        return st.error();
    job.shotId = shotId;
    job.state = JobState::Queued;
    job.spec = spec;
    job.specHash = specHash;
    return job;
}

core::Result<std::optional<Job>> JobRepository::claimNext(qint64 workerPid)
{
    std::optional<Job> claimed;
    core::Status st = inTransaction(QStringLiteral("take the next job"), [&]() -> core::Status {
        if (scalar(m_db, QStringLiteral("SELECT value FROM project_meta WHERE key = 'queue.paused'")).toString()
            == QLatin1String("1"))
            return {};
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE state = 'queued' ORDER BY position LIMIT 1")
                      .arg(QLatin1String(kJobColumns)));
        if (core::Status s = exec(q, QStringLiteral("take the next job")); !s)
            return s;
        if (!q.next())
            return {};
        Job job = jobFrom(q);
        QSqlQuery u(m_db);
        u.prepare(QStringLiteral("UPDATE jobs SET state = 'running', attempts = attempts + 1, worker_pid = ?, "
                                 "stage = '', frames_done = 0, updated_at = ? WHERE id = ?"));
        u.addBindValue(workerPid);
        u.addBindValue(now());
        u.addBindValue(job.id);
        if (core::Status s = exec(u, QStringLiteral("take the next job")); !s)
            return s;
        job.state = JobState::Running;
        job.attempts += 1;
        job.workerPid = workerPid;
        claimed = job;
        return {};
    });
    if (!st)
        return st.error();
    return claimed;
}

core::Status JobRepository::reportProgress(const QString &jobId, const QString &stage, int done, int total)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET stage = ?, frames_done = ?, frames_total = ?, updated_at = ? "
                             "WHERE id = ? AND state = 'running'"));
    for (const QVariant &v : {QVariant(stage), QVariant(done), QVariant(total), QVariant(now()), QVariant(jobId)})
        q.addBindValue(v);
    return exec(q, QStringLiteral("record job progress"));
}

core::Status JobRepository::complete(const QString &jobId, const Take &take)
{
    return inTransaction(QStringLiteral("store the finished take"), [&]() -> core::Status {
        QSqlQuery hero(m_db);
        hero.prepare(QStringLiteral("SELECT COUNT(*) FROM takes WHERE shot_id = ? AND is_hero = 1"));
        hero.addBindValue(take.shotId);
        if (core::Status s = exec(hero, QStringLiteral("store the finished take")); !s)
            return s;
        const bool firstHero = hero.next() && hero.value(0).toInt() == 0;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO takes (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?)").arg(QLatin1String(kTakeColumns)));
        for (const QVariant &v : {QVariant(take.id), QVariant(take.shotId), QVariant(take.specHash),
                                  QVariant(qint64(take.seed)), QVariant(take.engineVersion), QVariant(take.media),
                                  QVariant(QString::fromUtf8(take.plan)), QVariant(QString::fromUtf8(take.endState)),
                                  QVariant(QString::fromUtf8(take.timings)), QVariant(firstHero ? 1 : 0), QVariant(now())})
            q.addBindValue(v);
        if (core::Status s = exec(q, QStringLiteral("store the finished take")); !s)
            return s;
        QSqlQuery u(m_db);
        u.prepare(QStringLiteral("UPDATE jobs SET state = 'done', take_id = ?, error = '', updated_at = ? "
                                 "WHERE id = ? AND state = 'running'"));
        u.addBindValue(take.id);
        u.addBindValue(now());
        u.addBindValue(jobId);
        if (core::Status s = exec(u, QStringLiteral("store the finished take")); !s)
            return s;
        if (u.numRowsAffected() != 1)
            return core::Error{QStringLiteral("The job is no longer running (cancelled?); the take was not kept."), jobId};
        return {};
    });
}

core::Status JobRepository::fail(const QString &jobId, const QString &reason)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET state = CASE WHEN attempts < ? THEN 'queued' ELSE 'failed' END, "
                             "error = ?, worker_pid = NULL, updated_at = ? WHERE id = ? AND state = 'running'"));
    for (const QVariant &v : {QVariant(kMaxJobAttempts), QVariant(reason), QVariant(now()), QVariant(jobId)})
        q.addBindValue(v);
    return exec(q, QStringLiteral("record a failed job"));
}

core::Status JobRepository::cancel(const QString &jobId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET state = 'cancelled', updated_at = ? WHERE id = ? "
                             "AND state IN ('queued', 'running')"));
    q.addBindValue(now());
    q.addBindValue(jobId);
    return exec(q, QStringLiteral("cancel a job"));
}

core::Result<int> JobRepository::recoverRunning(qint64 workerPid, const QString &reason)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE jobs SET state = CASE WHEN attempts < ? THEN 'queued' ELSE 'failed' END, "
                             "error = ?, worker_pid = NULL, updated_at = ? "
                             "WHERE state = 'running' AND (? = 0 OR worker_pid = ?)"));
    for (const QVariant &v : {QVariant(kMaxJobAttempts), QVariant(reason), QVariant(now()), QVariant(workerPid),
                              QVariant(workerPid)})
        q.addBindValue(v);
    if (core::Status st = exec(q, QStringLiteral("recover interrupted jobs")); !st)
        return st.error();
    return q.numRowsAffected();
}

core::Status JobRepository::moveQueued(const QString &jobId, int index)
{
    return inTransaction(QStringLiteral("reorder the queue"), [&]() -> core::Status {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT id FROM jobs WHERE state = 'queued' ORDER BY position")))
            return core::Error{QStringLiteral("Could not read the queue."), {}};
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        if (!ids.removeOne(jobId))
            return core::Error{QStringLiteral("Only a queued job can be moved."), jobId};
        ids.insert(std::clamp(index, 0, int(ids.size())), jobId);
        const qint64 base = scalar(m_db, QStringLiteral("SELECT COALESCE(MAX(position), 0) + 1 FROM jobs")).toLongLong();
        QSqlQuery u(m_db);
        u.prepare(QStringLiteral("UPDATE jobs SET position = ? WHERE id = ?"));
        for (int i = 0; i < ids.size(); ++i) {
            u.addBindValue(base + i);
            u.addBindValue(ids.at(i));
            if (core::Status s = exec(u, QStringLiteral("reorder the queue")); !s)
                return s;
        }
        return {};
    });
}

core::Status JobRepository::setPaused(bool paused)
{
    return exec(m_db, QStringLiteral("INSERT INTO project_meta (key, value) VALUES ('queue.paused', '%1') "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value").arg(paused ? 1 : 0),
                QStringLiteral("pause the queue"));
}

bool JobRepository::isPaused()
{
    return scalar(m_db, QStringLiteral("SELECT value FROM project_meta WHERE key = 'queue.paused'")).toString()
        == QLatin1String("1");
}

core::Result<QList<Job>> JobRepository::jobs()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM jobs ORDER BY position").arg(QLatin1String(kJobColumns)));
    return rows(q, QStringLiteral("read the queue"), jobFrom);
}

core::Result<std::optional<Job>> JobRepository::job(const QString &jobId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(QLatin1String(kJobColumns)));
    q.addBindValue(jobId);
    if (core::Status st = exec(q, QStringLiteral("read a job")); !st)
        return st.error();
    if (!q.next())
        return std::optional<Job>();
    return std::optional<Job>(jobFrom(q));
}

core::Result<std::optional<Take>> JobRepository::takeForSpec(const QString &specHash)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM takes WHERE spec_hash = ? ORDER BY created_at LIMIT 1")
                  .arg(QLatin1String(kTakeColumns)));
    q.addBindValue(specHash);
    if (core::Status st = exec(q, QStringLiteral("look up a cached take")); !st)
        return st.error();
    if (!q.next())
        return std::optional<Take>();
    return std::optional<Take>(takeFrom(q));
}

core::Result<QList<Take>> JobRepository::takesForShot(const QString &shotId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM takes WHERE shot_id = ? ORDER BY created_at").arg(QLatin1String(kTakeColumns)));
    q.addBindValue(shotId);
    return rows(q, QStringLiteral("read the takes"), takeFrom);
}

core::Result<QList<Take>> JobRepository::allTakes()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM takes ORDER BY created_at").arg(QLatin1String(kTakeColumns)));
    return rows(q, QStringLiteral("read the takes"), takeFrom);
}

core::Status JobRepository::setHero(const QString &takeId)
{
    return inTransaction(QStringLiteral("choose the hero take"), [&]() -> core::Status {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE takes SET is_hero = (id = ?) WHERE shot_id = (SELECT shot_id FROM takes WHERE id = ?)"));
        q.addBindValue(takeId);
        q.addBindValue(takeId);
        if (core::Status s = exec(q, QStringLiteral("choose the hero take")); !s)
            return s;
        if (q.numRowsAffected() == 0)
            return core::Error{QStringLiteral("There is no such take."), takeId};
        return {};
    });
}

} // namespace kinora::store
