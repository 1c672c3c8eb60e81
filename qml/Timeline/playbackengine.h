// PlaybackEngine: plays a TimelinePlan in real time. A worker thread decodes ahead into a small
// queue; the GUI thread only picks the picture that is due and hands sound to the audio device.
#pragma once

#include "timelinereader.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

class QAudioSink;

namespace kinora::timeline {

class PcmSource;

/// @brief Transport (play, pause, seek) over a timeline. Design note: the master clock is the
/// audio device's processed time less what still waits in its buffer, so picture follows sound;
/// without an audio device (offscreen, CI) it is a monotonic clock and the sound is consumed
/// at the same pace. Every queue entry is a whole frame (picture + its sound), so sound and
/// picture can never drift apart: skipping a picture also skips exactly its sound.
class PlaybackEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool useAudioDevice = true; ///< false: always the monotonic clock (tests, benchmarks)
        int queueFrames = 24;       ///< decoded look-ahead (24 = one second at 24 fps)
        int prerollFrames = 6;      ///< frames decoded before the clock starts after a seek
    };

    explicit PlaybackEngine(QObject *parent = nullptr);
    PlaybackEngine(Options options, QObject *parent = nullptr);
    ~PlaybackEngine() override;

    const TimelinePlan &plan() const { return m_plan; }
    /// @brief Replaces the film (an edit, a new take); keeps the position where it still exists.
    void setPlan(const TimelinePlan &plan);

    bool isPlaying() const { return m_playing; }
    /// @brief The frame on screen (or about to be, right after a seek).
    qint64 position() const { return m_position; }
    bool hasAudioDevice() const { return m_sink != nullptr; }

    void play();
    void pause();
    /// @brief Shows @p frame exactly (clamped to the film); playback continues from there.
    void seek(qint64 frame);

    // Figures for tests and the benchmark.
    qint64 presentedFrames() const { return m_presented; }
    qint64 droppedFrames() const { return m_dropped; }
    qint64 samplesPlayed() const { return m_samplesPlayed; }

Q_SIGNALS:
    void positionChanged(qint64 frame);
    void playingChanged(bool playing);
    /// @brief A picture is due on screen now (GUI thread).
    void framePresented(const kinora::timeline::TimelineUnit &unit);
    void finished(); ///< playback reached the end of the film
    void problem(const QString &message);

private:
    friend class PcmSource;
    void workerLoop();
    void tick();
    void restartWorkerAt(qint64 frame);
    qint64 clockUs() const;
    void startClock();
    void stopAudio();
    void consumeSound(qint64 untilSample);
    int readSound(char *data, int maxBytes); ///< PcmSource: int16 stereo for the device

    Options m_options;
    TimelinePlan m_plan; ///< GUI thread's copy
    QTimer m_tick;
    bool m_playing = false;
    bool m_clockRunning = false;
    qint64 m_position = 0;
    qint64 m_playFrom = 0; ///< frame the clock starts at on play()
    qint64 m_presented = 0;
    qint64 m_dropped = 0;
    qint64 m_samplesPlayed = 0;
    bool m_shownAfterSeek = false;
    QElapsedTimer m_monotonic;
    QAudioSink *m_sink = nullptr;
    PcmSource *m_pcm = nullptr;
    qint64 m_lastClockUs = 0;

    // Shared with the worker (m_mutex).
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<TimelineUnit> m_units;
    std::deque<float> m_sound;  ///< sound of the queued frames (and of shown ones not yet heard)
    qint64 m_soundHead = 0;     ///< timeline sample index of m_sound.front()
    quint64 m_generation = 0;   ///< bumped by every seek or plan change
    bool m_seekPending = false;
    qint64 m_seekTarget = 0;
    bool m_planPending = false;
    TimelinePlan m_workerPlan;
    bool m_workerAtEnd = false;
    bool m_quit = false;
    std::thread m_worker;
};

} // namespace kinora::timeline

Q_DECLARE_METATYPE(kinora::timeline::TimelineUnit)
