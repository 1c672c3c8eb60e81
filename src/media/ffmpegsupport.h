// Internal to the media module: FFmpeg error codes turned into user-facing errors, and FFmpeg's
// log routed into Qt logging. Declares no FFmpeg types, so it can be included anywhere in media.
#pragma once

#include "core/result.h"

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcMedia)

struct AVFormatContext;

namespace kinora::media::detail {

/// @brief FFmpeg's text for an AVERROR code.
QString avErrorText(int averror);

/// @brief True when the AVERROR means the drive has no room (ENOSPC, EDQUOT, EFBIG).
bool isOutOfSpace(int averror);

/// @brief An error for a failed write to path: "The disk is full: ..." when there is no room,
/// otherwise what FFmpeg reported, prefixed with what was being done.
core::Error writeError(int averror, const QString &path, const QString &doing);

/// @brief Sends FFmpeg's log to the kinora.media category (once per process; thread-safe).
void routeFfmpegLog();

/// @brief Closes the output's file (when open) and removes the half-written temp file; used by
/// every writer that fails or is cancelled before its rename.
void closeAndRemoveOutput(AVFormatContext *format, const QString &tempPath, bool &fileCreated);

/// @brief "file:" + path, so that names with a colon are never taken for a protocol.
QByteArray fileUrl(const QString &path);

} // namespace kinora::media::detail
