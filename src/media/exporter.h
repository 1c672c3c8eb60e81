// Film export: the clips of a cut decoded in order, fitted into a delivery size, watermarked,
// optionally subtitled, and encoded to one MP4 (H.264 + AAC, faststart) through a temp file.
#pragma once

#include "core/result.h"
#include "media/mediaformat.h"
#include "media/subtitles.h"

#include <QList>
#include <QSize>
#include <QString>
#include <functional>

namespace kinora::media {

enum class ExportPreset { Invalid = 0, Landscape1080, Landscape720, Vertical1080, Square1080 };
enum class ExportQuality { Invalid = 0, High, Balanced, Fast };
enum class SubtitleMode { Invalid = 0, None, Soft, Burn };

/// Canonical names shared by the CLI and the studio ("landscape-1080", "balanced", "burn").
QString toString(ExportPreset preset);
QString toString(ExportQuality quality);
QString toString(SubtitleMode mode);
ExportPreset exportPresetFromString(const QString &name); ///< Invalid when unknown
ExportQuality exportQualityFromString(const QString &name);
SubtitleMode subtitleModeFromString(const QString &name);

/// @brief Output picture size: 1920x1080, 1280x720, 1080x1920 or 1080x1080 (empty when Invalid).
QSize presetSize(ExportPreset preset);

/// @brief The libx264 CRF and preset behind a quality name (high 18/medium, balanced 20/veryfast,
/// fast 23/superfast): the faster presets matter more than a point of CRF for a share copy.
EncodeOptions encodeOptionsFor(ExportQuality quality);

/// @brief One piece of the film: [inSeconds, outSeconds) of a media file, in the file's own time.
struct ExportClip
{
    QString mediaPath;
    double inSeconds = 0;
    double outSeconds = 0;
    QList<SubtitleCue> cues; ///< in the file's own time; cut to [in, out) by the exporter
    QString label;           ///< how errors and progress name the clip, e.g. "shot 2"
};

struct ExportSettings
{
    ExportPreset preset = ExportPreset::Landscape1080;
    ExportQuality quality = ExportQuality::Balanced;
    SubtitleMode subtitles = SubtitleMode::Soft;
    int fps = 24;       ///< output frame rate; clips at another rate are resampled by time
    QString handle;     ///< the creator, e.g. "@maya"; shown in the watermark (may be empty)
    QString posterPath; ///< when set, a PNG of the frame at 1 s (or mid first clip) is saved
    /// When valid, the output size instead of the preset's (kinora-cli render keeps the takes'
    /// own size); both sides even.
    QSize canvasSize;
    /// The visible mark. Only a user's own render (kinora-cli render) goes without it; every
    /// film exported for sharing carries it.
    bool watermark = true;
};

struct ExportProgress
{
    qint64 framesDone = 0;
    qint64 framesTotal = 0;
    int clip = 0; ///< 1-based
    int clipCount = 0;
};

/// @brief Called after every output frame; returning false cancels the export.
using ExportProgressFn = std::function<bool(const ExportProgress &)>;

struct ExportStats
{
    qint64 frames = 0;
    double durationSeconds = 0;
    qint64 bytes = 0;
    QList<SubtitleCue> cues; ///< every clip's cues on the film's time line, as exported
};

/// @brief Frame count the film will have: the clip boundaries rounded to whole output frames
/// on the running total, so the sum never drifts by more than half a frame.
qint64 exportFrameCount(const QList<ExportClip> &clips, int fps);

/// @brief Duration of a media file's picture in seconds (the video track's, else the file's).
core::Result<double> mediaDurationSeconds(const QString &path);

/// @brief Encodes @p clips into @p outputPath. Blocking and self-contained: run it on a worker
/// thread, never the GUI thread (a QGuiApplication must exist for the text in the watermark).
/// The file is written as "<outputPath>.partial" and renamed when complete; on failure or
/// cancel nothing is left (no file, no temp file, no poster).
core::Result<ExportStats> exportFilm(const QList<ExportClip> &clips, const ExportSettings &settings,
                                     const QString &outputPath, const ExportProgressFn &progress = {});

} // namespace kinora::media
