// TimelinePlan layout: trims are converted to whole frames so every clip starts on a frame and
// the film's length is an exact number of frames (and of audio samples).
#include "timelineplan.h"

#include <algorithm>

namespace kinora::timeline {

int TimelinePlan::clipAt(qint64 frame) const
{
    if (clips.isEmpty())
        return -1;
    auto it = std::upper_bound(clips.begin(), clips.end(), frame,
                               [](qint64 f, const PlanClip &c) { return f < c.endFrame(); });
    return it == clips.end() ? int(clips.size()) - 1 : int(it - clips.begin());
}

TimelinePlan buildPlan(const story::Storyboard &board, const QHash<QString, HeroTake> &heroTakes)
{
    TimelinePlan plan;
    plan.fps = story::isValidFps(board.fps) ? board.fps : 24;
    qint64 at = 0;
    for (const story::Shot &shot : board.shots) {
        PlanClip clip;
        clip.shotId = shot.id;
        clip.prompt = shot.prompt;
        clip.durationDs = shot.durationDs;
        clip.trimInDs = shot.trimInDs;
        clip.trimOutDs = shot.trimOutDs;
        const HeroTake take = heroTakes.value(shot.id);
        clip.mediaPath = take.mediaPath;
        clip.posterUrl = take.posterUrl;
        clip.sourceFrames = take.frameCount > 0 ? take.frameCount : plan.framesForDs(shot.durationDs);
        // Trims never remove the last frame of a clip, even on a take shorter than its shot.
        clip.sourceIn = std::min(plan.framesForDs(shot.trimInDs), clip.sourceFrames - 1);
        const qint64 out = std::min(plan.framesForDs(shot.trimOutDs), clip.sourceFrames - clip.sourceIn - 1);
        clip.frameCount = clip.sourceFrames - clip.sourceIn - out;
        clip.startFrame = at;
        at += clip.frameCount;
        plan.clips << clip;
    }
    return plan;
}

} // namespace kinora::timeline
