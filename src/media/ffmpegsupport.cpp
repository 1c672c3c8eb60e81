// FFmpeg error text, disk-full detection and log routing for the media module.
// The log callback is process-wide: the media module is the app's only FFmpeg user.
#include "media/ffmpegsupport.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <mutex>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
}

Q_LOGGING_CATEGORY(lcMedia, "kinora.media", QtInfoMsg) // FFmpeg chatter only on request

namespace kinora::media::detail {

QString avErrorText(int averror)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, text, sizeof text);
    return QString::fromUtf8(text);
}

bool isOutOfSpace(int averror)
{
    return averror == AVERROR(ENOSPC) || averror == AVERROR(EDQUOT) || averror == AVERROR(EFBIG);
}

core::Error writeError(int averror, const QString &path, const QString &doing)
{
    const QString where = QDir::toNativeSeparators(path);
    if (averror == AVERROR(EFBIG))
        return core::Error{QStringLiteral("The disk is full: the file reached the largest size this drive or "
                                          "account allows. Choose a folder on another drive."),
                           where};
    if (isOutOfSpace(averror))
        return core::Error{QStringLiteral("The disk is full: there is no room left to write the video. "
                                          "Free some space or choose a folder on another drive."),
                           where};
    return core::Error{QStringLiteral("%1 failed: %2.").arg(doing, avErrorText(averror)), where};
}

namespace {

// FFmpeg may log a line in several calls; assemble lines per thread and emit whole ones.
void logCallback(void *avcl, int level, const char *fmt, va_list args)
{
    if (level > AV_LOG_INFO)
        return;
    thread_local int printPrefix = 1;
    thread_local QByteArray pending;
    char line[1024];
    av_log_format_line2(avcl, level, fmt, args, line, sizeof line, &printPrefix);
    pending += line;
    if (!pending.endsWith('\n'))
        return;
    const QByteArray text = pending.trimmed();
    pending.clear();
    if (text.isEmpty())
        return;
    if (level <= AV_LOG_WARNING)
        qCWarning(lcMedia, "ffmpeg: %s", text.constData());
    else
        qCDebug(lcMedia, "ffmpeg: %s", text.constData());
}

} // namespace

void routeFfmpegLog()
{
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback(logCallback); });
}

QByteArray fileUrl(const QString &path)
{
    return QByteArrayLiteral("file:") + QFile::encodeName(path);
}

void closeAndRemoveOutput(AVFormatContext *format, const QString &tempPath, bool &fileCreated)
{
    if (format && format->pb)
        avio_closep(&format->pb);
    if (fileCreated)
        QFile::remove(tempPath);
    fileCreated = false;
}

} // namespace kinora::media::detail
