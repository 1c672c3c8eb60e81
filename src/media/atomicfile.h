// Internal to the media module: make a finished temp file durable and move it into place
// (fsync the file, rename over the target, fsync the folder), as ARCHITECTURE.md asks of media.
#pragma once

#include "core/result.h"

#include <QString>

namespace kinora::media::detail {

/// @brief fsync(tempPath), rename it to finalPath (replacing an older file atomically), then
/// fsync the folder so the new name survives a power cut.
core::Status commitFile(const QString &tempPath, const QString &finalPath);

} // namespace kinora::media::detail
