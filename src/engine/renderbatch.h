// RenderBatch: one render request (kinora-cli render) as jobs in a project's queue. Each chosen
// shot either reuses the take of the same spec, seed and engine version, or is queued, in
// storyboard order and ahead of older work; the batch then follows its jobs in the project file.
#pragma once

#include "core/result.h"
#include "engine/filmspec.h"
#include "store/jobrepository.h"
#include "story/storyboard.h"

#include <QList>
#include <QString>
#include <optional>

namespace kinora::engine {

struct BatchShot
{
    int number = 0;  ///< 1-based position in the storyboard
    QString specHash;
    QString jobId;   ///< the job that renders it; empty when the take was reused
    bool ownJob = false; ///< queued by this batch (a cancel touches only these)
    store::JobState state = store::JobState::Invalid;
    int attempts = 0;
    QString error;   ///< the job's last error (why it failed or was retried)
    bool reused = false;
    std::optional<store::Take> take; ///< once done (or reused)
};

class RenderBatch
{
public:
    /// @brief Looks every shot of @p numbers up in the take cache (a take whose file is still in
    /// @p mediaFolder) and queues the others, exactly as the studio's jobs are specified. A job
    /// already queued or running for the same spec is followed instead of queued twice.
    static core::Result<RenderBatch> queue(store::JobRepository &jobs, const QString &mediaFolder,
                                           const story::Storyboard &board, const FilmOverrides &overrides,
                                           const QList<int> &numbers);

    /// @brief Reads the jobs' states (and finished takes) back from the project.
    core::Status refresh(store::JobRepository &jobs);
    /// @brief Cancels this batch's own queued or running jobs; returns how many.
    core::Result<int> cancel(store::JobRepository &jobs);

    const QList<BatchShot> &shots() const { return m_shots; }
    /// @brief The shot (1-based) that job @p jobId renders, or 0.
    int shotForJob(const QString &jobId) const;
    bool allDone() const;
    /// @brief The first shot whose job failed or was cancelled, if any.
    const BatchShot *firstFailure() const;
    int reusedCount() const;
    int pendingCount() const;

private:
    QList<BatchShot> m_shots;
};

} // namespace kinora::engine
