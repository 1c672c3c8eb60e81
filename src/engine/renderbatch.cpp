// RenderBatch implementation. The job rows are the truth: the batch only remembers which jobs
// are its own and reads their states back, so a restarted worker or a retried job needs no care.
#include "engine/renderbatch.h"

#include "engine/jobspec.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace kinora::engine {
namespace {

bool fileExists(const QString &mediaFolder, const store::Take &take)
{
    return QFileInfo(QDir(mediaFolder).filePath(take.media)).isFile();
}

/// The take of @p hash whose media file is still there: the oldest one first (what the studio
/// reuses), else any later take of the same spec.
core::Result<std::optional<store::Take>> cachedTake(store::JobRepository &jobs, const QString &mediaFolder,
                                                    const QString &hash)
{
    auto first = jobs.takeForSpec(hash);
    if (!first || !first.value())
        return first;
    if (fileExists(mediaFolder, *first.value()))
        return first;
    auto siblings = jobs.takesForShot(first.value()->shotId);
    if (!siblings)
        return siblings.error();
    for (const store::Take &t : siblings.value())
        if (t.specHash == hash && fileExists(mediaFolder, t))
            return std::optional<store::Take>(t);
    return std::optional<store::Take>();
}

bool isWaiting(store::JobState state)
{
    return state == store::JobState::Queued || state == store::JobState::Running;
}

} // namespace

core::Result<RenderBatch> RenderBatch::queue(store::JobRepository &jobs, const QString &mediaFolder,
                                             const story::Storyboard &board, const FilmOverrides &overrides,
                                             const QList<int> &numbers)
{
    auto existing = jobs.jobs();
    if (!existing)
        return existing.error();
    QList<int> ordered = numbers;
    std::sort(ordered.begin(), ordered.end()); // the film is in storyboard order, as the pipeline's
    ordered.erase(std::unique(ordered.begin(), ordered.end()), ordered.end());
    RenderBatch batch;
    QStringList queuedIds;
    for (int n : ordered) {
        if (n < 1 || n > board.shots.size())
            return core::Error{QStringLiteral("There is no shot %1; the storyboard has %2 shots.").arg(n).arg(board.shots.size()),
                               QStringLiteral("--shots")};
        // The job carries the overrides as the studio's do (the shot list is the batch's business).
        JobSpec spec{board, overrides, n};
        spec.overrides.shots.clear();
        BatchShot shot;
        shot.number = n;
        shot.specHash = specHash(spec);
        auto cached = cachedTake(jobs, mediaFolder, shot.specHash);
        if (!cached)
            return cached.error();
        if (cached.value()) {
            shot.reused = true;
            shot.take = cached.value();
            shot.state = store::JobState::Done;
            batch.m_shots << shot;
            continue;
        }
        const auto pending = std::find_if(existing.value().cbegin(), existing.value().cend(), [&](const store::Job &j) {
            return j.specHash == shot.specHash && isWaiting(j.state);
        });
        if (pending != existing.value().cend()) {
            shot.jobId = pending->id;
            shot.state = pending->state;
            shot.attempts = pending->attempts;
        } else {
            auto job = jobs.enqueue(board.shots.at(n - 1).id, toJson(spec), shot.specHash);
            if (!job)
                return job.error();
            shot.jobId = job.value().id;
            shot.ownJob = true;
            shot.state = store::JobState::Queued;
        }
        if (shot.state == store::JobState::Queued)
            queuedIds << shot.jobId;
        batch.m_shots << shot;
    }
    // This render goes first: work queued earlier (in the studio) waits until it is done.
    for (int i = 0; i < queuedIds.size(); ++i)
        if (core::Status st = jobs.moveQueued(queuedIds.at(i), i); !st)
            return st.error();
    return batch;
}

core::Status RenderBatch::refresh(store::JobRepository &jobs)
{
    for (BatchShot &shot : m_shots) {
        if (shot.reused || shot.take)
            continue;
        auto job = jobs.job(shot.jobId);
        if (!job)
            return job.error();
        if (!job.value()) {
            shot.state = store::JobState::Failed;
            shot.error = QStringLiteral("Its job disappeared from the project's queue.");
            continue;
        }
        const store::Job &j = *job.value();
        shot.state = j.state;
        shot.attempts = j.attempts;
        shot.error = j.error;
        if (j.state != store::JobState::Done)
            continue;
        auto takes = jobs.takesForShot(j.shotId);
        if (!takes)
            return takes.error();
        const auto take = std::find_if(takes.value().cbegin(), takes.value().cend(),
                                       [&](const store::Take &t) { return t.id == j.takeId; });
        if (take == takes.value().cend()) {
            shot.state = store::JobState::Failed;
            shot.error = QStringLiteral("The job finished, but its take is not in the project.");
            continue;
        }
        shot.take = *take;
    }
    return {};
}

core::Result<int> RenderBatch::cancel(store::JobRepository &jobs)
{
    int cancelled = 0;
    for (BatchShot &shot : m_shots) {
        if (!shot.ownJob || !isWaiting(shot.state))
            continue;
        if (core::Status st = jobs.cancel(shot.jobId); !st)
            return st.error();
        shot.state = store::JobState::Cancelled;
        ++cancelled;
    }
    return cancelled;
}

int RenderBatch::shotForJob(const QString &jobId) const
{
    for (const BatchShot &shot : m_shots)
        if (!shot.jobId.isEmpty() && shot.jobId == jobId)
            return shot.number;
    return 0;
}

bool RenderBatch::allDone() const
{
    return std::all_of(m_shots.cbegin(), m_shots.cend(), [](const BatchShot &s) { return s.take.has_value(); });
}

const BatchShot *RenderBatch::firstFailure() const
{
    for (const BatchShot &shot : m_shots)
        if (shot.state == store::JobState::Failed || shot.state == store::JobState::Cancelled)
            return &shot;
    return nullptr;
}

int RenderBatch::reusedCount() const
{
    return int(std::count_if(m_shots.cbegin(), m_shots.cend(), [](const BatchShot &s) { return s.reused; }));
}

int RenderBatch::pendingCount() const
{
    return int(std::count_if(m_shots.cbegin(), m_shots.cend(), [](const BatchShot &s) { return !s.take; }));
}

} // namespace kinora::engine
