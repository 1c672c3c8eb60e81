// TimelinePlan: the storyboard as one film on a frame grid: each shot's hero take (or a gap where
// none exists yet) at its trimmed length, back to back. Playback, layout and tests share it.
#pragma once

#include "story/storyboard.h"

#include <QHash>
#include <QList>
#include <QString>

namespace kinora::timeline {

/// @brief What the timeline knows about a shot's hero take.
struct HeroTake
{
    QString mediaPath;     ///< absolute path of the MP4
    QString posterUrl;     ///< file URL of the poster PNG beside it; may be empty
    qint64 frameCount = 0; ///< frames in the file once probed; 0 = not probed yet
};

/// @brief One clip on the timeline. Frames are timeline frames at the plan's fps.
struct PlanClip
{
    QString shotId;
    QString prompt;
    QString mediaPath;      ///< empty: a gap (not generated yet) that plays black and silent
    QString posterUrl;
    qint64 startFrame = 0;  ///< first timeline frame of the clip
    qint64 frameCount = 0;  ///< frames that play (after trims)
    qint64 sourceIn = 0;    ///< first frame of the take that plays (the trim in, in frames)
    qint64 sourceFrames = 0; ///< frames of the untrimmed take (or of the shot for a gap)
    int durationDs = 0;
    int trimInDs = 0;
    int trimOutDs = 0;

    bool isGap() const { return mediaPath.isEmpty(); }
    qint64 endFrame() const { return startFrame + frameCount; }
};

struct TimelinePlan
{
    int fps = 24;
    int sampleRate = 48000;
    QList<PlanClip> clips;

    qint64 totalFrames() const { return clips.isEmpty() ? 0 : clips.last().endFrame(); }
    /// @brief Audio sample frames per video frame: 2000, 1920 or 1600 at 24, 25 or 30 fps.
    int samplesPerFrame() const { return sampleRate / fps; }
    /// @brief Index of the clip playing at @p frame (the last clip past the end); -1 when empty.
    int clipAt(qint64 frame) const;
    qint64 framesForDs(int ds) const { return (qint64(ds) * fps + 5) / 10; }
};

/// @brief Lays out @p board with the given hero takes (shot id -> take). A take's own frame
/// count wins over the shot's duration once known, since the take is what plays.
TimelinePlan buildPlan(const story::Storyboard &board, const QHash<QString, HeroTake> &heroTakes);

} // namespace kinora::timeline
