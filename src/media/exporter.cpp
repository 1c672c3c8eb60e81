// exportFilm: validates the cut, puts every clip's cues on the film's time line, and encodes the
// frames the FrameSource composes (on its own thread) into the film, the poster alongside.
#include "media/exporter.h"

#include "media/exporterencoder.h"
#include "media/exporterframes.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <memory>

extern "C" {
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

namespace kinora::media {

namespace {

core::Error inputError(const QString &message, const QString &where = {})
{
    return core::Error{message, where};
}

/// The film's frame index at which each clip starts (and, last, the total).
QList<qint64> clipBoundaries(const QList<ExportClip> &clips, int fps)
{
    QList<qint64> bounds{0};
    double seconds = 0;
    for (const ExportClip &clip : clips) {
        seconds += clip.outSeconds - clip.inSeconds;
        bounds << std::llround(seconds * fps);
    }
    return bounds;
}

core::Status validate(const QList<ExportClip> &clips, const ExportSettings &settings, const QString &outputPath)
{
    if (clips.isEmpty())
        return inputError(QStringLiteral("There is nothing to export: the cut has no clips."));
    if (settings.canvasSize.isValid()) {
        if (settings.canvasSize.width() < 16 || settings.canvasSize.height() < 16 || settings.canvasSize.width() % 2
            || settings.canvasSize.height() % 2)
            return inputError(QStringLiteral("The output size %1x%2 is not supported; use even sizes of at least 16.")
                                  .arg(settings.canvasSize.width())
                                  .arg(settings.canvasSize.height()));
    } else if (presetSize(settings.preset).isEmpty())
        return inputError(QStringLiteral("Choose an export size: landscape-1080, landscape-720, vertical-1080 or square-1080."));
    if (settings.quality == ExportQuality::Invalid)
        return inputError(QStringLiteral("Choose an export quality: high, balanced or fast."));
    if (settings.subtitles == SubtitleMode::Invalid)
        return inputError(QStringLiteral("Choose how to export subtitles: soft, burn or none."));
    if (settings.fps < 1 || settings.fps > 240)
        return inputError(QStringLiteral("The frame rate %1 fps is not supported; use 1 to 240.").arg(settings.fps));
    const QString output = QFileInfo(outputPath).absoluteFilePath();
    for (const ExportClip &clip : clips) {
        if (clip.inSeconds < 0 || !(clip.outSeconds > clip.inSeconds))
            return inputError(QStringLiteral("%1: the clip's in point (%2 s) must come before its out point (%3 s).")
                                  .arg(clip.label)
                                  .arg(clip.inSeconds)
                                  .arg(clip.outSeconds),
                              QDir::toNativeSeparators(clip.mediaPath));
        if (QFileInfo(clip.mediaPath).absoluteFilePath() == output)
            return inputError(QStringLiteral("The export would overwrite one of its own clips; choose another file name."),
                              QDir::toNativeSeparators(outputPath));
    }
    return {};
}

QImage toImage(const AVFrame *frame)
{
    QImage image(frame->width, frame->height, QImage::Format_RGB888);
    SwsContext *rgb = sws_getContext(frame->width, frame->height, AV_PIX_FMT_YUV420P, frame->width, frame->height,
                                     AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
    if (!rgb)
        return {};
    sws_setColorspaceDetails(rgb, sws_getCoefficients(SWS_CS_ITU709), 0, sws_getCoefficients(SWS_CS_ITU709), 1, 0,
                             1 << 16, 1 << 16);
    std::uint8_t *dst[1] = {image.bits()};
    const int stride[1] = {int(image.bytesPerLine())};
    sws_scale(rgb, frame->data, frame->linesize, 0, frame->height, dst, stride);
    sws_freeContext(rgb);
    return image;
}

} // namespace

QString toString(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Landscape1080: return QStringLiteral("landscape-1080");
    case ExportPreset::Landscape720: return QStringLiteral("landscape-720");
    case ExportPreset::Vertical1080: return QStringLiteral("vertical-1080");
    case ExportPreset::Square1080: return QStringLiteral("square-1080");
    case ExportPreset::Invalid: break;
    }
    return {};
}

QString toString(ExportQuality quality)
{
    switch (quality) {
    case ExportQuality::High: return QStringLiteral("high");
    case ExportQuality::Balanced: return QStringLiteral("balanced");
    case ExportQuality::Fast: return QStringLiteral("fast");
    case ExportQuality::Invalid: break;
    }
    return {};
}

QString toString(SubtitleMode mode)
{
    switch (mode) {
    case SubtitleMode::None: return QStringLiteral("none");
    case SubtitleMode::Soft: return QStringLiteral("soft");
    case SubtitleMode::Burn: return QStringLiteral("burn");
    case SubtitleMode::Invalid: break;
    }
    return {};
}

ExportPreset exportPresetFromString(const QString &name)
{
    for (ExportPreset p : {ExportPreset::Landscape1080, ExportPreset::Landscape720, ExportPreset::Vertical1080,
                           ExportPreset::Square1080})
        if (toString(p) == name)
            return p;
    return ExportPreset::Invalid;
}

ExportQuality exportQualityFromString(const QString &name)
{
    for (ExportQuality q : {ExportQuality::High, ExportQuality::Balanced, ExportQuality::Fast})
        if (toString(q) == name)
            return q;
    return ExportQuality::Invalid;
}

SubtitleMode subtitleModeFromString(const QString &name)
{
    for (SubtitleMode m : {SubtitleMode::None, SubtitleMode::Soft, SubtitleMode::Burn})
        if (toString(m) == name)
            return m;
    return SubtitleMode::Invalid;
}

QSize presetSize(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Landscape1080: return {1920, 1080};
    case ExportPreset::Landscape720: return {1280, 720};
    case ExportPreset::Vertical1080: return {1080, 1920};
    case ExportPreset::Square1080: return {1080, 1080};
    case ExportPreset::Invalid: break;
    }
    return {};
}

EncodeOptions encodeOptionsFor(ExportQuality quality)
{
    EncodeOptions options;
    options.faststart = true;
    switch (quality) {
    case ExportQuality::High: options.crf = 18; options.preset = QStringLiteral("medium"); break;
    case ExportQuality::Fast: options.crf = 23; options.preset = QStringLiteral("superfast"); break;
    case ExportQuality::Balanced:
    case ExportQuality::Invalid: options.crf = 20; options.preset = QStringLiteral("veryfast"); break;
    }
    return options;
}

qint64 exportFrameCount(const QList<ExportClip> &clips, int fps)
{
    return fps > 0 ? clipBoundaries(clips, fps).last() : 0;
}

core::Result<ExportStats> exportFilm(const QList<ExportClip> &clips, const ExportSettings &settings,
                                     const QString &outputPath, const ExportProgressFn &progress)
{
    if (core::Status st = validate(clips, settings, outputPath); !st)
        return st.error();
    const int fps = settings.fps;
    const QSize canvas = settings.canvasSize.isValid() ? settings.canvasSize : presetSize(settings.preset);
    const QList<qint64> bounds = clipBoundaries(clips, fps);
    const qint64 totalFrames = bounds.last();

    // Every clip's cues on the film's time line, cut to the part of the clip that is used.
    QList<SubtitleCue> filmCues;
    for (int i = 0; i < clips.size(); ++i) {
        const double start = double(bounds[i]) / fps, end = double(bounds[i + 1]) / fps;
        filmCues << shiftCues(clips[i].cues, start - clips[i].inSeconds, start, end);
    }
    std::stable_sort(filmCues.begin(), filmCues.end(),
                     [](const SubtitleCue &a, const SubtitleCue &b) { return a.startSeconds < b.startSeconds; });

    detail::FilmEncoder::Config config;
    config.finalPath = outputPath;
    config.video = VideoFormat{canvas.width(), canvas.height(), fps};
    config.options = encodeOptionsFor(settings.quality);
    config.subtitleTrack = settings.subtitles == SubtitleMode::Soft && !filmCues.isEmpty();
    auto opened = detail::FilmEncoder::open(config);
    if (!opened)
        return opened.error();
    std::unique_ptr<detail::FilmEncoder> encoder = std::move(opened).value();

    // Declared after the encoder so it stops (and joins its thread) before the encoder goes.
    detail::FrameSource source(clips, bounds, fps, canvas, settings.watermark, settings.handle,
                               settings.subtitles == SubtitleMode::Burn ? filmCues : QList<SubtitleCue>{});
    source.start();

    const double firstClipSeconds = double(bounds[1]) / fps;
    const qint64 posterFrame = std::min<qint64>(bounds[1] - 1, std::llround(std::min(1.0, firstClipSeconds / 2) * fps));
    QImage poster;
    int nextCue = 0;
    ExportProgress report{0, totalFrames, 1, int(clips.size())};
    detail::ComposedFrame frame;
    core::Status sourceError;
    while (source.next(frame, &sourceError)) {
        const double filmSeconds = double(frame.index) / fps;
        core::Status st;
        while (st && nextCue < filmCues.size() && filmCues[nextCue].startSeconds < filmSeconds + 0.5 / fps)
            st = encoder->writeCue(filmCues[nextCue++]);
        if (st && frame.index == posterFrame && !settings.posterPath.isEmpty())
            poster = toImage(frame.picture);
        if (st)
            st = encoder->writeFrame(frame.picture);
        source.recycle(frame.picture);
        if (st)
            st = encoder->writeAudio(frame.pcm.data(), qint64(frame.pcm.size()) / 2);
        if (!st)
            return st.error();
        while (report.clip < clips.size() && frame.index >= bounds[report.clip])
            ++report.clip;
        report.framesDone = frame.index + 1;
        if (progress && !progress(report))
            return core::Error{QStringLiteral("The export was cancelled; no file was written."),
                               QDir::toNativeSeparators(outputPath)};
    }
    if (!sourceError)
        return sourceError.error();

    QSaveFile posterFile(settings.posterPath);
    if (!settings.posterPath.isEmpty()) {
        // The poster is staged before the film is committed, and committed only after it.
        QBuffer png;
        png.open(QIODevice::WriteOnly);
        if (poster.isNull() || !poster.save(&png, "PNG"))
            return core::Error{QStringLiteral("The poster frame could not be encoded as PNG."),
                               QDir::toNativeSeparators(settings.posterPath)};
        if (!posterFile.open(QIODevice::WriteOnly) || posterFile.write(png.data()) != png.data().size())
            return core::Error{QStringLiteral("The poster could not be written: %1.").arg(posterFile.errorString()),
                               QDir::toNativeSeparators(settings.posterPath)};
    }
    if (core::Status st = encoder->finish(); !st)
        return st.error();
    if (!settings.posterPath.isEmpty() && !posterFile.commit()) {
        QFile::remove(outputPath);
        return core::Error{QStringLiteral("The poster could not be saved (is the disk full?): %1; the film was "
                                          "removed too.").arg(posterFile.errorString()),
                           QDir::toNativeSeparators(settings.posterPath)};
    }
    ExportStats stats;
    stats.frames = totalFrames;
    stats.durationSeconds = double(totalFrames) / fps;
    stats.bytes = QFileInfo(outputPath).size();
    stats.cues = filmCues;
    return stats;
}

} // namespace kinora::media
