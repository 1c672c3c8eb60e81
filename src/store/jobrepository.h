// JobRepository: the generation job queue and the takes it produces, in the project file.
// A job is queued, running, done, failed or cancelled; a running job whose worker died goes back
// to the queue (or fails after three attempts), so no job is ever lost.
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace kinora::store {

enum class JobState { Invalid = 0, Queued, Running, Done, Failed, Cancelled };
QString toString(JobState state);
JobState jobStateFromString(const QString &text);

inline constexpr int kMaxJobAttempts = 3;

struct Job
{
    QString id;
    QString shotId;
    JobState state = JobState::Invalid;
    qint64 position = 0;
    QByteArray spec;  ///< what to render (JSON), fixed when queued
    QString specHash; ///< cache key: spec + seed + engine version
    int attempts = 0;
    QString error;
    QString stage;
    int framesDone = 0;
    int framesTotal = 0;
    QString takeId;
    qint64 workerPid = 0;
    QDateTime updatedAt;
};

struct Take
{
    QString id;
    QString shotId;
    QString specHash;
    quint32 seed = 0;
    QString engineVersion;
    QString media; ///< file name inside the project's media folder
    QByteArray plan;
    QByteArray endState;
    QByteArray timings;
    bool hero = false;
    QDateTime createdAt;
};

class JobRepository
{
public:
    explicit JobRepository(QSqlDatabase db);

    core::Result<Job> enqueue(const QString &shotId, const QByteArray &spec, const QString &specHash);
    /// @brief Atomically takes the first queued job (unless the queue is paused) for @p workerPid.
    core::Result<std::optional<Job>> claimNext(qint64 workerPid);
    core::Status reportProgress(const QString &jobId, const QString &stage, int done, int total);
    /// @brief Stores @p take and marks the job done, in one transaction. The first take of a shot
    /// becomes its hero take.
    core::Status complete(const QString &jobId, const Take &take);
    /// @brief A failed attempt: back to the queue while attempts remain, else failed with @p reason.
    core::Status fail(const QString &jobId, const QString &reason);
    core::Status cancel(const QString &jobId);
    /// @brief Running jobs of @p workerPid (0 = any worker) return to the queue or fail; count.
    core::Result<int> recoverRunning(qint64 workerPid, const QString &reason);
    /// @brief Puts a queued job at @p index among the queued jobs.
    core::Status moveQueued(const QString &jobId, int index);
    core::Status setPaused(bool paused);
    bool isPaused();

    core::Result<QList<Job>> jobs();
    core::Result<std::optional<Job>> job(const QString &jobId);
    core::Result<std::optional<Take>> takeForSpec(const QString &specHash);
    core::Result<QList<Take>> takesForShot(const QString &shotId);
    core::Result<QList<Take>> allTakes();
    core::Status setHero(const QString &takeId);

private:
    core::Status inTransaction(const QString &doing, const std::function<core::Status()> &work);

    QSqlDatabase m_db;
};

} // namespace kinora::store
