// Storyboard files by extension: .fountain (read only), .json (kinora.storyboard.v1), .kinora.
// Synchronous: for the CLI, tests and background jobs, never the GUI thread.
#pragma once

#include "core/result.h"
#include "story/storyboard.h"

#include <QString>

namespace kinora::story {

enum class StoryboardFileKind { Invalid = 0, Fountain, Json, Project };

StoryboardFileKind fileKindOf(const QString &path);

/// @brief Reads a storyboard from any supported file; errors name the file and the line.
core::Result<Storyboard> readStoryboardFile(const QString &path);

/// @brief Writes @p board to @p path (.json or .kinora). The file appears only once complete;
/// an existing .kinora is never overwritten.
core::Status writeStoryboardFile(const Storyboard &board, const QString &path);

/// @brief Writes @p data to @p path through a temporary file, fsync and rename.
core::Status writeFileAtomically(const QString &path, const QByteArray &data);

} // namespace kinora::story
