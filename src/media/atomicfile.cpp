// POSIX implementation of the fsync + rename commit of a finished media file.
// QFile::rename is not used: it refuses to replace an existing file, rename(2) does so atomically.
#include "media/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kinora::media::detail {

namespace {

int syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int rc = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return rc;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

core::Status commitFile(const QString &tempPath, const QString &finalPath)
{
    const QString where = QDir::toNativeSeparators(finalPath);
    if (const int error = syncPath(tempPath, O_RDONLY)) {
        if (error == ENOSPC || error == EDQUOT)
            return core::Error{QStringLiteral("The disk is full: the video could not be saved. Free some space "
                                              "or choose a folder on another drive."),
                               where};
        return core::Error{QStringLiteral("Could not save the video to disk: %1.").arg(errnoText(error)), where};
    }
    if (::rename(QFile::encodeName(tempPath).constData(), QFile::encodeName(finalPath).constData()) != 0)
        return core::Error{QStringLiteral("Could not move the finished video into place: %1. Check that the "
                                          "folder is writable.")
                               .arg(errnoText(errno)),
                           where};
    // A failed folder sync is not fatal: the data is safe, only the new name might be lost.
    syncPath(QFileInfo(finalPath).absolutePath(), O_RDONLY | O_DIRECTORY);
    return {};
}

} // namespace kinora::media::detail
