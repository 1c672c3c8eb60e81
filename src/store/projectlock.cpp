// Project lock on "<project>.lock" beside the file (QLockFile: pid + host, stale detection).
#include "store/projectlock.h"

#include <QDir>
#include <QLockFile>

namespace kinora::store {

ProjectLock::ProjectLock(std::unique_ptr<QLockFile> lock) : m_lock(std::move(lock)) {}

ProjectLock::~ProjectLock() = default;

QString ProjectLock::lockPathFor(const QString &projectPath)
{
    return projectPath + QStringLiteral(".lock");
}

core::Result<std::unique_ptr<ProjectLock>> ProjectLock::acquire(const QString &projectPath)
{
    auto lock = std::make_unique<QLockFile>(lockPathFor(projectPath));
    lock->setStaleLockTime(0); // never time out a live holder; dead holders are still detected
    if (lock->tryLock(0))
        return std::unique_ptr<ProjectLock>(new ProjectLock(std::move(lock)));
    const QString where = QDir::toNativeSeparators(projectPath);
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        return core::Error{QStringLiteral("This project is already open in %1 (process %2 on %3). "
                                          "Close it there first, or open a copy.")
                               .arg(app.isEmpty() ? QStringLiteral("another program") : app)
                               .arg(pid)
                               .arg(host),
                           where};
    }
    return core::Error{QStringLiteral("Could not lock the project (the folder may be read-only)."), where};
}

} // namespace kinora::store
