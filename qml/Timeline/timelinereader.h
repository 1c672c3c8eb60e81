// TimelineReader: reads the film of a TimelinePlan as one stream of units (a picture and exactly
// one frame's worth of sound each), across clip boundaries with the next clip opened ahead.
#pragma once

#include "timelineplan.h"
#include "videopicture.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace kinora::timeline {

class ClipDecoder;

/// @brief One timeline frame: its picture (black in a gap) and its sound (silence in a gap).
struct TimelineUnit
{
    qint64 frame = 0;    ///< timeline frame index
    qint64 ptsUs = 0;    ///< presentation time: frame / fps, in microseconds
    int clip = -1;       ///< index into the plan's clips
    qint64 sourceFrame = -1; ///< frame of the take shown (-1 in a gap)
    VideoPicture picture;
    std::vector<float> sound; ///< samplesPerFrame() stereo sample frames, interleaved
};

/// @brief Single-threaded: the playback worker owns it. Design note: the sound of a unit is cut
/// on the frame grid (samplesPerFrame per frame), so the sound of consecutive units is one
/// continuous stream whose length always equals the film's length.
class TimelineReader
{
public:
    explicit TimelineReader(TimelinePlan plan = {});
    ~TimelineReader();

    const TimelinePlan &plan() const { return m_plan; }
    /// @brief Replaces the plan; the next unit is the current position in the new plan.
    void setPlan(const TimelinePlan &plan);
    /// @brief The next unit will be @p frame (clamped to the film).
    void seek(qint64 frame);
    qint64 position() const { return m_next; }
    bool atEnd() const { return m_next >= m_plan.totalFrames(); }
    /// @brief Reads the next unit; false at the end of the film.
    bool next(TimelineUnit *out);
    /// @brief Problems met so far (a take that could not be opened plays as a gap); cleared on read.
    QStringList takeProblems();

private:
    struct Open
    {
        int clip = -1;
        std::unique_ptr<ClipDecoder> decoder;
    };
    std::unique_ptr<ClipDecoder> openAt(int clip, qint64 sourceFrame);
    void prepareNext(int clip);
    void enterClip(int clip, qint64 sourceFrame);

    TimelinePlan m_plan;
    qint64 m_next = 0;
    qint64 m_expectSource = -1; ///< source frame the current decoder is positioned at
    Open m_current;
    Open m_ahead; ///< the next media clip, opened and positioned at its first frame
    VideoPicture m_lastPicture; ///< repeated when a take has fewer frames than its shot
    QStringList m_problems;
};

} // namespace kinora::timeline
