// ProjectLock: one studio (or tool) at a time may write a project. A lock left by a killed
// process is detected as stale and taken over.
#pragma once

#include "core/result.h"

#include <QString>
#include <memory>

class QLockFile;

namespace kinora::store {

class ProjectLock
{
public:
    ~ProjectLock();
    /// @brief Takes the lock for @p projectPath, or explains who holds it.
    static core::Result<std::unique_ptr<ProjectLock>> acquire(const QString &projectPath);
    static QString lockPathFor(const QString &projectPath);

private:
    explicit ProjectLock(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace kinora::store
