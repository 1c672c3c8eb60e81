// TimelineViewModel implementation. Takes are probed (frame count, waveform) on the thread pool;
// the layout is rebuilt on every storyboard or take change and handed to the engine.
#include "timelineviewmodel.h"

#include "clipdecoder.h"
#include "generationviewmodel.h"
#include "media/mediadecoder.h"
#include "story/storyboarddocument.h"
#include "storyboardviewmodel.h"

#include <QFutureWatcher>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

namespace kinora::timeline {
namespace {

constexpr int kPeaksPerSecond = 50;

struct Probe
{
    QString path;
    qint64 frames = 0;
    QVariantList peaks;
    QString error;
};

Probe probeTake(const QString &path)
{
    Probe p{path, 0, {}, {}};
    auto decoder = ClipDecoder::open(path);
    if (!decoder) {
        p.error = decoder.error().toString();
        return p;
    }
    p.frames = decoder.value()->frameCount();
    decoder.value().reset();
    auto sound = media::decodeAudio(path);
    if (!sound)
        return p; // a take without sound still plays; its waveform stays flat
    const auto &s = sound.value().samples;
    const size_t window = size_t(sound.value().sampleRate / kPeaksPerSecond) * 2;
    for (size_t at = 0; at < s.size(); at += window) {
        float peak = 0;
        for (size_t i = at; i < std::min(s.size(), at + window); ++i)
            peak = std::max(peak, std::abs(s[i]));
        p.peaks << double(std::min(1.f, peak));
    }
    return p;
}

bool samePlan(const TimelinePlan &a, const TimelinePlan &b)
{
    if (a.fps != b.fps || a.clips.size() != b.clips.size())
        return false;
    for (int i = 0; i < a.clips.size(); ++i) {
        const PlanClip &x = a.clips.at(i), &y = b.clips.at(i);
        if (x.shotId != y.shotId || x.mediaPath != y.mediaPath || x.startFrame != y.startFrame
            || x.frameCount != y.frameCount || x.sourceIn != y.sourceIn || x.sourceFrames != y.sourceFrames)
            return false;
    }
    return true;
}

} // namespace

TimelineViewModel::TimelineViewModel(QObject *parent) : QObject(parent)
{
    connect(&m_engine, &PlaybackEngine::positionChanged, this, &TimelineViewModel::positionChanged);
    connect(&m_engine, &PlaybackEngine::playingChanged, this, &TimelineViewModel::playingChanged);
    connect(&m_engine, &PlaybackEngine::framePresented, this, &TimelineViewModel::present);
    connect(&m_engine, &PlaybackEngine::problem, this, &TimelineViewModel::setMessage);
}

TimelineViewModel::~TimelineViewModel() = default;

QObject *TimelineViewModel::storyboard() const
{
    return m_storyboard.data();
}

void TimelineViewModel::setStoryboard(QObject *object)
{
    auto *board = qobject_cast<storyboard::StoryboardViewModel *>(object);
    if (board == m_storyboard)
        return;
    if (m_storyboard)
        disconnect(m_storyboard, nullptr, this, nullptr);
    m_storyboard = board;
    if (board) {
        // totalChanged follows every document change (edits, undo, redo, reset).
        connect(board, &storyboard::StoryboardViewModel::totalChanged, this, &TimelineViewModel::rebuild);
        connect(board, &storyboard::StoryboardViewModel::settingsChanged, this, &TimelineViewModel::rebuild);
        connect(board, &storyboard::StoryboardViewModel::projectChanged, this, &TimelineViewModel::rebuild);
        connect(board->generation(), &storyboard::GenerationViewModel::statusChanged, this, &TimelineViewModel::rebuild);
    }
    rebuild();
    Q_EMIT storyboardChanged();
}

void TimelineViewModel::setVideoSink(QVideoSink *sink)
{
    if (sink == m_sink)
        return;
    m_sink = sink;
    Q_EMIT videoSinkChanged();
}

void TimelineViewModel::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

void TimelineViewModel::probe(const QString &path)
{
    if (m_media.contains(path) || m_probing.contains(path))
        return;
    m_probing.insert(path);
    auto *watcher = new QFutureWatcher<Probe>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Probe p = watcher->result();
        m_probing.remove(p.path);
        m_media.insert(p.path, MediaInfo{p.frames, p.peaks});
        if (!p.error.isEmpty())
            setMessage(p.error);
        rebuild();
    });
    watcher->setFuture(QtConcurrent::run(probeTake, path));
}

void TimelineViewModel::rebuild()
{
    story::Storyboard board;
    QHash<QString, HeroTake> takes;
    if (m_storyboard && m_storyboard->isOpen()) {
        board = m_storyboard->storyboardSnapshot();
        for (const story::Shot &shot : board.shots) {
            for (const QVariant &v : m_storyboard->generation()->takesFor(shot.id)) {
                const QVariantMap t = v.toMap();
                if (!t.value(QStringLiteral("hero")).toBool())
                    continue;
                const QString media = t.value(QStringLiteral("media")).toString();
                probe(media);
                takes.insert(shot.id, {media, t.value(QStringLiteral("poster")).toString(), m_media.value(media).frames});
            }
        }
    }
    const TimelinePlan plan = buildPlan(board, takes);
    QVariantList clips;
    for (int i = 0; i < plan.clips.size(); ++i) {
        const PlanClip &c = plan.clips.at(i);
        const double sourceFrames = double(std::max<qint64>(1, c.sourceFrames));
        clips << QVariantMap{{QStringLiteral("index"), i},
                             {QStringLiteral("shotId"), c.shotId},
                             {QStringLiteral("prompt"), c.prompt},
                             {QStringLiteral("gap"), c.isGap()},
                             {QStringLiteral("poster"), c.posterUrl},
                             {QStringLiteral("startFrame"), c.startFrame},
                             {QStringLiteral("frameCount"), c.frameCount},
                             {QStringLiteral("durationSeconds"), c.durationDs / 10.0},
                             {QStringLiteral("trimIn"), c.trimInDs / 10.0},
                             {QStringLiteral("trimOut"), c.trimOutDs / 10.0},
                             {QStringLiteral("sourceFrames"), c.sourceFrames},
                             {QStringLiteral("from"), c.sourceIn / sourceFrames},
                             {QStringLiteral("to"), (c.sourceIn + c.frameCount) / sourceFrames},
                             {QStringLiteral("peaks"), m_media.value(c.mediaPath).peaks}};
    }
    const bool layoutChanged = !samePlan(plan, m_engine.plan());
    if (layoutChanged)
        m_engine.setPlan(plan);
    if (clips != m_clips) {
        m_clips = clips;
        Q_EMIT clipsChanged();
    }
    if (layoutChanged)
        Q_EMIT positionChanged();
}

void TimelineViewModel::present(const TimelineUnit &unit)
{
    if (!m_sink)
        return;
    const VideoPicture &pic = unit.picture;
    const QSize size = pic.isBlack() ? QSize(16, 16) : QSize(pic.width, pic.height);
    QVideoFrameFormat format(size, QVideoFrameFormat::Format_YUV420P);
    format.setColorSpace(QVideoFrameFormat::ColorSpace_BT709);
    format.setColorRange(pic.fullRange ? QVideoFrameFormat::ColorRange_Full : QVideoFrameFormat::ColorRange_Video);
    QVideoFrame frame(format);
    if (!frame.map(QVideoFrame::WriteOnly))
        return;
    const int widths[3] = {size.width(), (size.width() + 1) / 2, (size.width() + 1) / 2};
    const int heights[3] = {size.height(), (size.height() + 1) / 2, (size.height() + 1) / 2};
    const uchar *planes[3] = {pic.isBlack() ? nullptr : pic.y(), pic.isBlack() ? nullptr : pic.u(),
                              pic.isBlack() ? nullptr : pic.v()};
    for (int p = 0; p < 3; ++p) {
        uchar *dst = frame.bits(p);
        const int stride = frame.bytesPerLine(p);
        for (int row = 0; row < heights[p]; ++row) {
            if (planes[p])
                memcpy(dst + qsizetype(row) * stride, planes[p] + qsizetype(row) * widths[p], widths[p]);
            else
                memset(dst + qsizetype(row) * stride, p == 0 ? 16 : 128, widths[p]);
        }
    }
    frame.unmap();
    frame.setStartTime(unit.ptsUs);
    m_sink->setVideoFrame(frame);
}

void TimelineViewModel::play() { m_engine.play(); }
void TimelineViewModel::pause() { m_engine.pause(); }

void TimelineViewModel::togglePlay()
{
    m_engine.isPlaying() ? m_engine.pause() : m_engine.play();
}

void TimelineViewModel::seekFrame(int frame)
{
    m_engine.seek(frame);
}

void TimelineViewModel::stepFrames(int frames)
{
    // Stepping is a paused operation, as in every editor: the first step stops playback.
    if (m_engine.isPlaying())
        m_engine.pause();
    m_engine.seek(m_engine.position() + frames);
}

void TimelineViewModel::backOneSecond()
{
    m_engine.seek(m_engine.position() - fps());
}

void TimelineViewModel::previousShot()
{
    const TimelinePlan &plan = m_engine.plan();
    const int c = plan.clipAt(m_engine.position());
    if (c < 0)
        return;
    // Inside a clip: to its start; at its start: to the previous clip's start.
    const qint64 start = plan.clips.at(c).startFrame;
    m_engine.seek(m_engine.position() > start || c == 0 ? start : plan.clips.at(c - 1).startFrame);
}

void TimelineViewModel::nextShot()
{
    const TimelinePlan &plan = m_engine.plan();
    const int c = plan.clipAt(m_engine.position());
    if (c < 0)
        return;
    m_engine.seek(c + 1 < plan.clips.size() ? plan.clips.at(c + 1).startFrame : plan.totalFrames() - 1);
}

bool TimelineViewModel::trimClip(int index, double trimInSeconds, double trimOutSeconds, bool dragging)
{
    if (!m_storyboard || index < 0 || index >= m_engine.plan().clips.size())
        return false;
    // The document is the view-model's child; its requests are the only way edits are made.
    auto *document = m_storyboard->findChild<story::StoryboardDocument *>();
    const story::Storyboard &board = m_storyboard->storyboardSnapshot();
    const int row = board.indexOf(m_engine.plan().clips.at(index).shotId);
    if (!document || row < 0)
        return false;
    const QString shotId = board.shots.at(row).id; // a copy: the edit replaces the shot
    const int duration = board.shots.at(row).durationDs;
    const int room = duration - story::kMinKeptDs;
    int inDs = std::clamp(int(std::lround(trimInSeconds * 10)), 0, room);
    int outDs = std::clamp(int(std::lround(trimOutSeconds * 10)), 0, room);
    // The edge being moved gives way, so the other edge stays where the editor left it.
    if (inDs == board.shots.at(row).trimInDs)
        outDs = std::min(outDs, room - inDs);
    else
        inDs = std::min(inDs, room - outDs);
    if (dragging && !m_dragging)
        m_storyboard->undoStack()->closeMerge(); // a new drag never merges into an earlier edit
    m_dragging = dragging;
    return document->requestTrim(shotId, inDs, outDs, dragging);
}

void TimelineViewModel::endTrimDrag()
{
    m_dragging = false;
    if (m_storyboard)
        m_storyboard->undoStack()->closeMerge();
}

bool TimelineViewModel::setInAtPlayhead()
{
    const TimelinePlan &plan = m_engine.plan();
    const int c = plan.clipAt(m_engine.position());
    if (c < 0)
        return false;
    const PlanClip &clip = plan.clips.at(c);
    const qint64 offset = m_engine.position() - clip.startFrame;
    const double in = (clip.trimInDs + offset * 10 / plan.fps) / 10.0;
    const qint64 start = clip.startFrame;
    if (!trimClip(c, in, clip.trimOutDs / 10.0))
        return false;
    m_engine.seek(start);
    return true;
}

bool TimelineViewModel::setOutAtPlayhead()
{
    const TimelinePlan &plan = m_engine.plan();
    const int c = plan.clipAt(m_engine.position());
    if (c < 0)
        return false;
    const PlanClip &clip = plan.clips.at(c);
    const qint64 after = clip.endFrame() - m_engine.position() - 1;
    return trimClip(c, clip.trimInDs / 10.0, (clip.trimOutDs + after * 10 / plan.fps) / 10.0);
}

void TimelineViewModel::undo()
{
    if (m_storyboard)
        m_storyboard->undo();
}

void TimelineViewModel::redo()
{
    if (m_storyboard)
        m_storyboard->redo();
}

QString TimelineViewModel::formatTime(int frame) const
{
    const int fpsValue = std::max(1, fps());
    const int f = std::max(0, frame);
    const int seconds = f / fpsValue;
    return QStringLiteral("%1:%2.%3")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .arg(f % fpsValue, 2, 10, QLatin1Char('0'));
}

} // namespace kinora::timeline
