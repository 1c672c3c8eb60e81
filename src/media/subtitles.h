// Subtitle cues from the dialogue: written as SRT and WebVTT beside takes and films, read back by
// export (soft mov_text track or burned into the picture).
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace kinora::media {

struct SubtitleCue
{
    double startSeconds = 0;
    double endSeconds = 0;
    QString speaker; ///< "MAYA", or "" when the line has no speaker
    QString text;    ///< the spoken words, one or more lines separated by '\n'
};

/// @brief The cues as an SRT document (1-based numbering, "HH:MM:SS,mmm --> ...").
QString toSrt(const QList<SubtitleCue> &cues);
/// @brief The cues as a WebVTT document ("WEBVTT" header, "HH:MM:SS.mmm --> ...").
QString toWebVtt(const QList<SubtitleCue> &cues);
/// @brief Parses an SRT document; errors name the cue number and line.
core::Result<QList<SubtitleCue>> parseSrt(const QString &text);
/// @brief Cues shifted by @p offsetSeconds and clipped to [@p from, @p to) of the new time line.
QList<SubtitleCue> shiftCues(const QList<SubtitleCue> &cues, double offsetSeconds, double from, double to);

} // namespace kinora::media
