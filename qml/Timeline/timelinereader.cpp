// TimelineReader implementation. Decoders are kept per media path across plan changes and seeks,
// so trimming or scrubbing within a clip costs a seek inside an open file, not a reopen.
#include "timelinereader.h"

#include "clipdecoder.h"

#include <algorithm>

namespace kinora::timeline {

TimelineReader::TimelineReader(TimelinePlan plan) : m_plan(std::move(plan)) {}
TimelineReader::~TimelineReader() = default;

void TimelineReader::setPlan(const TimelinePlan &plan)
{
    m_plan = plan;
    // Keep open decoders whose take is still on the timeline, at its new index.
    for (Open *open : {&m_current, &m_ahead}) {
        if (!open->decoder) {
            open->clip = -1;
            continue;
        }
        auto it = std::find_if(m_plan.clips.begin(), m_plan.clips.end(),
                               [&](const PlanClip &c) { return c.mediaPath == open->decoder->path(); });
        open->clip = it == m_plan.clips.end() ? -1 : int(it - m_plan.clips.begin());
        if (open->clip < 0)
            open->decoder.reset();
    }
    if (m_ahead.clip >= 0 && m_ahead.clip == m_current.clip)
        m_ahead = {};
    m_expectSource = -1;
    m_next = std::clamp<qint64>(m_next, 0, m_plan.totalFrames());
}

void TimelineReader::seek(qint64 frame)
{
    m_next = std::clamp<qint64>(frame, 0, m_plan.totalFrames());
    m_expectSource = -1;
}

QStringList TimelineReader::takeProblems()
{
    QStringList out;
    out.swap(m_problems);
    return out;
}

std::unique_ptr<ClipDecoder> TimelineReader::openAt(int clip, qint64 sourceFrame)
{
    auto opened = ClipDecoder::open(m_plan.clips.at(clip).mediaPath);
    if (!opened) {
        m_problems << opened.error().toString();
        return nullptr;
    }
    std::unique_ptr<ClipDecoder> decoder = std::move(opened.value());
    if (core::Status st = decoder->seekToFrame(sourceFrame); !st) {
        m_problems << st.error().toString();
        return nullptr;
    }
    return decoder;
}

void TimelineReader::prepareNext(int clip)
{
    const int next = clip + 1;
    if (next >= m_plan.clips.size() || m_ahead.clip == next || m_plan.clips.at(next).isGap())
        return;
    const PlanClip &c = m_plan.clips.at(next);
    if (m_current.decoder && m_current.decoder->path() == c.mediaPath)
        return; // the same take twice in a row: opened separately when reached
    m_ahead = {next, openAt(next, c.sourceIn)};
}

void TimelineReader::enterClip(int clip, qint64 sourceFrame)
{
    if (m_ahead.clip == clip && m_ahead.decoder) {
        m_current = std::move(m_ahead); // opened and positioned ahead of time: no stall here
        m_ahead = {};
    } else if (m_current.clip != clip || !m_current.decoder) {
        m_current = {clip, openAt(clip, sourceFrame)};
        m_lastPicture = {};
        return;
    }
    if (m_current.decoder->nextFrame() != sourceFrame)
        if (core::Status st = m_current.decoder->seekToFrame(sourceFrame); !st) {
            m_problems << st.error().toString();
            m_current.decoder.reset();
        }
    m_lastPicture = {};
}

bool TimelineReader::next(TimelineUnit *out)
{
    if (atEnd())
        return false;
    const int c = m_plan.clipAt(m_next);
    const PlanClip &clip = m_plan.clips.at(c);
    const int spf = m_plan.samplesPerFrame();
    out->frame = m_next;
    out->ptsUs = m_next * 1000000 / m_plan.fps;
    out->clip = c;
    out->sourceFrame = -1;
    out->picture = {};
    out->sound.assign(size_t(spf) * ClipDecoder::kChannels, 0.f);
    if (!clip.isGap()) {
        const qint64 source = clip.sourceIn + (m_next - clip.startFrame);
        out->sourceFrame = source;
        if (m_current.clip != c || m_expectSource != source)
            enterClip(c, source);
        m_expectSource = source + 1;
        if (ClipDecoder *d = m_current.decoder.get()) {
            VideoPicture pic;
            auto got = d->readVideo(&pic);
            if (got && got.value())
                m_lastPicture = pic;
            else if (!got)
                m_problems << got.error().toString();
            out->picture = m_lastPicture; // past the take's end: hold its last picture
            auto heard = d->readAudio(out->sound.data(), spf);
            if (!heard)
                m_problems << heard.error().toString();
        }
    }
    prepareNext(c);
    ++m_next;
    return true;
}

} // namespace kinora::timeline
