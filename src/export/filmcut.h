// FilmCut: which pieces of which takes make up the exported film. Reads the project file
// read-only (storyboard order, hero takes, subtitle sidecars) and never writes to it.
#pragma once

#include "core/result.h"
#include "media/exporter.h"
#include "story/storyboard.h"

#include <QList>
#include <QString>
#include <optional>

namespace kinora::exporting {

/// @brief A span of the film's time line in seconds, e.g. 2.5 to 10.
struct TimeRange
{
    double startSeconds = 0;
    double endSeconds = 0;
};

struct CutRequest
{
    QList<int> shots;                ///< 1-based storyboard shot numbers; empty = every shot
    std::optional<TimeRange> range;  ///< seconds of the film made of those shots; absent = all
    bool skipMissing = false;        ///< leave out shots with no take instead of failing
};

struct FilmCut
{
    QString title;
    int fps = 24;
    media::ExportPreset suggestedPreset = media::ExportPreset::Landscape1080; ///< from the aspect
    QList<media::ExportClip> clips;  ///< in film order; each the hero take's [in, out)
    QList<int> skippedShots;         ///< 1-based shots left out for having no take
    double durationSeconds = 0;
};

/// @brief The storyboard of @p projectPath, read through a read-only connection after a
/// read-only health check (ProjectDatabase::inspect).
core::Result<story::Storyboard> readStoryboardReadOnly(const QString &projectPath);

/// @brief Builds the cut of @p projectPath. Errors name what to do: shots without a take must be
/// generated first (unless skipMissing), a missing media file, a bad range, a broken .srt.
core::Result<FilmCut> buildFilmCut(const QString &projectPath, const CutRequest &request);

/// @brief Parses "START-END" in seconds ("2.5-10"); errors say what a valid range looks like.
core::Result<TimeRange> parseTimeRange(const QString &text);

/// @brief The cues of a take's .srt sidecar ("<take>.srt" beside "<take>.mp4"), in the take's
/// own time; none when the take has no dialogue. Errors name the file.
core::Result<QList<media::SubtitleCue>> readSubtitleSidecar(const QString &mediaPath);

/// @brief "2", "2 and 4", "2, 4 and 5": shot numbers for messages.
QString shotNumberList(const QList<int> &shots);

} // namespace kinora::exporting
