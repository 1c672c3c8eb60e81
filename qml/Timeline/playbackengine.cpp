// PlaybackEngine implementation: the worker fills the queue (and the sound FIFO) in timeline
// order; the GUI tick compares the clock with the queue and presents the picture that is due.
#include "playbackengine.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QIODevice>
#include <QMediaDevices>
#include <algorithm>
#include <cmath>
#include <optional>

namespace kinora::timeline {

/// Pull-mode source for QAudioSink: hands out the sound FIFO as 16-bit stereo. Returning
/// nothing when the FIFO is empty lets the device idle, which also stops the clock.
class PcmSource : public QIODevice
{
public:
    explicit PcmSource(PlaybackEngine *engine) : QIODevice(engine), m_engine(engine) {}
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return 4096 + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxlen) override { return m_engine->readSound(data, int(std::min<qint64>(maxlen, 1 << 20))); }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    PlaybackEngine *m_engine;
};

PlaybackEngine::PlaybackEngine(QObject *parent) : PlaybackEngine(Options{}, parent) {}

PlaybackEngine::PlaybackEngine(Options options, QObject *parent) : QObject(parent), m_options(options)
{
    qRegisterMetaType<kinora::timeline::TimelineUnit>();
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(4);
    connect(&m_tick, &QTimer::timeout, this, &PlaybackEngine::tick);
    if (m_options.useAudioDevice) {
        const QAudioDevice device = QMediaDevices::defaultAudioOutput();
        QAudioFormat format;
        format.setSampleRate(48000);
        format.setChannelCount(2);
        format.setSampleFormat(QAudioFormat::Int16);
        if (!device.isNull() && device.isFormatSupported(format)) {
            m_sink = new QAudioSink(device, format, this);
            m_sink->setBufferSize(format.bytesForDuration(100000)); // 100 ms: responsive pause and seek
            m_pcm = new PcmSource(this);
            m_pcm->open(QIODevice::ReadOnly);
        }
    }
    m_worker = std::thread([this] { workerLoop(); });
}

PlaybackEngine::~PlaybackEngine()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_worker.join();
    if (m_sink)
        m_sink->stop();
}

void PlaybackEngine::workerLoop()
{
    TimelineReader reader;
    quint64 generation = 0;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] {
                return m_quit || m_planPending || m_seekPending
                    || (!m_workerAtEnd && int(m_units.size()) < m_options.queueFrames);
            });
            if (m_quit)
                return;
            if (m_planPending || m_seekPending) {
                if (m_planPending)
                    reader.setPlan(m_workerPlan);
                reader.seek(m_seekTarget);
                m_planPending = m_seekPending = false;
                generation = m_generation;
                m_workerAtEnd = false;
                continue;
            }
        }
        TimelineUnit unit;
        const bool ok = reader.next(&unit); // decoding runs unlocked
        const QStringList problems = reader.takeProblems();
        std::lock_guard<std::mutex> lock(m_mutex);
        if (generation != m_generation)
            continue; // a seek arrived meanwhile: this unit belongs to the old position
        if (!ok) {
            m_workerAtEnd = true;
            continue;
        }
        m_sound.insert(m_sound.end(), unit.sound.begin(), unit.sound.end());
        unit.sound.clear();
        m_units.push_back(std::move(unit));
        if (!problems.isEmpty())
            QMetaObject::invokeMethod(this, [this, problems] { Q_EMIT problem(problems.join(QLatin1Char('\n'))); },
                                      Qt::QueuedConnection);
    }
}

void PlaybackEngine::restartWorkerAt(qint64 frame)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_generation;
        m_seekPending = true;
        m_seekTarget = frame;
        m_units.clear();
        m_sound.clear();
        m_soundHead = frame * m_plan.samplesPerFrame();
        m_workerAtEnd = false;
    }
    m_wake.notify_all();
}

void PlaybackEngine::setPlan(const TimelinePlan &plan)
{
    m_plan = plan;
    const qint64 total = m_plan.totalFrames();
    m_position = std::clamp<qint64>(m_position, 0, std::max<qint64>(0, total - 1));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_workerPlan = plan;
        m_planPending = true;
    }
    seek(m_position);
}

void PlaybackEngine::seek(qint64 frame)
{
    const qint64 total = m_plan.totalFrames();
    frame = std::clamp<qint64>(frame, 0, std::max<qint64>(0, total - 1));
    stopAudio();
    m_clockRunning = false;
    m_playFrom = frame;
    m_shownAfterSeek = false;
    if (m_position != frame) {
        m_position = frame;
        Q_EMIT positionChanged(frame);
    }
    bool reuse = false;
    {
        // A frame already decoded ahead (stepping forward, a short jump) needs no new decoding.
        std::lock_guard<std::mutex> lock(m_mutex);
        const qint64 firstSample = frame * m_plan.samplesPerFrame();
        reuse = !m_seekPending && !m_planPending && !m_units.empty() && m_units.front().frame <= frame
            && m_units.back().frame >= frame && m_soundHead <= firstSample;
        if (reuse) {
            while (m_units.front().frame < frame)
                m_units.pop_front();
            const qint64 drop = std::min<qint64>(firstSample - m_soundHead, qint64(m_sound.size()) / 2);
            m_sound.erase(m_sound.begin(), m_sound.begin() + drop * 2);
            m_soundHead += drop;
        }
    }
    if (reuse)
        m_wake.notify_all();
    else
        restartWorkerAt(frame);
    m_tick.start();
}

void PlaybackEngine::play()
{
    if (m_playing || m_plan.totalFrames() == 0)
        return;
    if (m_playFrom >= m_plan.totalFrames())
        seek(0); // play at the end starts over
    m_playing = true;
    m_clockRunning = false;
    m_tick.start();
    Q_EMIT playingChanged(true);
}

void PlaybackEngine::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_clockRunning = false;
    stopAudio();
    // Resume right after the picture on screen: drop its sound and anything queued before.
    m_playFrom = std::min(m_position + 1, m_plan.totalFrames());
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        while (!m_units.empty() && m_units.front().frame < m_playFrom)
            m_units.pop_front();
        const qint64 drop = std::clamp<qint64>(m_playFrom * m_plan.samplesPerFrame() - m_soundHead, 0,
                                               qint64(m_sound.size()) / 2);
        m_sound.erase(m_sound.begin(), m_sound.begin() + drop * 2);
        m_soundHead += drop;
        if (m_units.empty() || m_units.front().frame != m_playFrom || m_soundHead != m_playFrom * m_plan.samplesPerFrame())
            m_units.clear();
    }
    m_wake.notify_all();
    bool restart = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        restart = m_units.empty() && m_playFrom < m_plan.totalFrames();
    }
    if (restart)
        restartWorkerAt(m_playFrom);
    m_shownAfterSeek = true; // the picture on screen stays
    Q_EMIT playingChanged(false);
}

void PlaybackEngine::stopAudio()
{
    if (m_sink && m_sink->state() != QAudio::StoppedState)
        m_sink->stop();
}

void PlaybackEngine::startClock()
{
    m_clockRunning = true;
    m_lastClockUs = m_playFrom * 1000000 / m_plan.fps;
    m_monotonic.start();
    if (m_sink)
        m_sink->start(m_pcm);
}

qint64 PlaybackEngine::clockUs() const
{
    const qint64 startUs = m_playFrom * 1000000 / m_plan.fps;
    if (!m_sink)
        return startUs + m_monotonic.nsecsElapsed() / 1000;
    // Sound handed to the device, less what still waits in its buffer, is what has been heard.
    const qint64 buffered = m_sink->format().durationForBytes(std::max<qint64>(0, m_sink->bufferSize() - m_sink->bytesFree()));
    return std::max(m_lastClockUs, startUs + m_sink->processedUSecs() - buffered);
}

int PlaybackEngine::readSound(char *data, int maxBytes)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const int count = std::min<int>(maxBytes / 4, int(m_sound.size() / 2));
    auto *out = reinterpret_cast<qint16 *>(data);
    for (int i = 0; i < count * 2; ++i)
        out[i] = qint16(std::lround(std::clamp(m_sound[size_t(i)], -1.f, 1.f) * 32767.f));
    m_sound.erase(m_sound.begin(), m_sound.begin() + count * 2);
    m_soundHead += count;
    m_samplesPlayed += count;
    return count * 4;
}

void PlaybackEngine::consumeSound(qint64 untilSample)
{
    // Without a device the sound is "heard" at the pace of the clock (caller holds the lock).
    const qint64 n = std::clamp<qint64>(untilSample - m_soundHead, 0, qint64(m_sound.size()) / 2);
    m_sound.erase(m_sound.begin(), m_sound.begin() + n * 2);
    m_soundHead += n;
    m_samplesPlayed += n;
}

void PlaybackEngine::tick()
{
    const qint64 total = m_plan.totalFrames();
    std::unique_lock<std::mutex> lock(m_mutex);
    const bool pending = m_seekPending || m_planPending;
    if (!m_playing) {
        // Paused: show the frame a seek asked for as soon as it is decoded, then rest.
        if (!m_shownAfterSeek && !pending && !m_units.empty() && m_units.front().frame == m_playFrom) {
            const TimelineUnit unit = m_units.front();
            lock.unlock();
            m_shownAfterSeek = true;
            ++m_presented;
            Q_EMIT framePresented(unit);
        } else if (m_shownAfterSeek || total == 0) {
            m_tick.stop();
        }
        return;
    }
    if (!m_clockRunning) {
        // Preroll: start the clock only once a few frames wait, so playback never starts starved.
        const qint64 ready = pending || m_units.empty() ? 0 : m_units.back().frame - m_playFrom + 1;
        if (ready < std::min<qint64>(m_options.prerollFrames, total - m_playFrom) && !(m_workerAtEnd && !pending))
            return;
        lock.unlock();
        startClock();
        lock.lock();
    }
    const qint64 now = clockUs();
    m_lastClockUs = now;
    const qint64 due = std::min(now * m_plan.fps / 1000000, total);
    std::optional<TimelineUnit> show;
    while (!m_units.empty() && m_units.front().frame <= due && !pending) {
        if (show)
            ++m_dropped; // a later picture is already due: this one is skipped
        show = std::move(m_units.front());
        m_units.pop_front();
    }
    if (!m_sink)
        consumeSound(now * m_plan.sampleRate / 1000000);
    const bool ended = due >= total && m_units.empty();
    if (ended && !m_sink)
        consumeSound(total * m_plan.samplesPerFrame());
    lock.unlock();
    m_wake.notify_all();
    if (show) {
        ++m_presented;
        if (m_position != show->frame) {
            m_position = show->frame;
            Q_EMIT positionChanged(m_position);
        }
        Q_EMIT framePresented(*show);
    }
    if (ended) {
        m_playing = false;
        m_clockRunning = false;
        stopAudio();
        m_playFrom = total;
        m_shownAfterSeek = true;
        Q_EMIT playingChanged(false);
        Q_EMIT finished();
    }
}

} // namespace kinora::timeline
