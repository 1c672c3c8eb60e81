// JobRunner: what the kinora-engine worker does with one job: claim it from the project's queue,
// render the take into the media folder, record it, or record why it failed. A cancel written to
// the job row by the studio or the CLI is noticed during rendering.
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace kinora::engine {

class JobRunner
{
public:
    using Notify = std::function<void(const QJsonObject &message)>;

    JobRunner(QString projectPath, QString device = QStringLiteral("cpu"));

    /// @brief Runs the next queued job, if any. True when a job was taken (whatever its outcome),
    /// false when the queue is empty or paused; an Error when the project cannot be used at all.
    core::Result<bool> runNext(qint64 workerPid, const Notify &notify = {});

private:
    QString m_projectPath;
    QString m_device;
};

} // namespace kinora::engine
