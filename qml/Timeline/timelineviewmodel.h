// TimelineViewModel: the Timeline screen's view-model. Lays the storyboard's hero takes out as one
// film, drives the PlaybackEngine (transport, keys) and turns trim handles into undoable edits.
#pragma once

#include "playbackengine.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariantList>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

namespace kinora::story {
class StoryboardDocument;
}
namespace kinora::storyboard {
class StoryboardViewModel;
}

namespace kinora::timeline {

class TimelineViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *storyboard READ storyboard WRITE setStoryboard NOTIFY storyboardChanged)
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(QVariantList clips READ clips NOTIFY clipsChanged)
    Q_PROPERTY(int fps READ fps NOTIFY clipsChanged)
    Q_PROPERTY(int totalFrames READ totalFrames NOTIFY clipsChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY clipsChanged)
    Q_PROPERTY(int position READ position NOTIFY positionChanged)
    Q_PROPERTY(QString positionText READ positionText NOTIFY positionChanged)
    Q_PROPERTY(int currentClip READ currentClip NOTIFY positionChanged)
    Q_PROPERTY(bool playing READ playing NOTIFY playingChanged)
    Q_PROPERTY(bool audioDevice READ audioDevice CONSTANT)
    Q_PROPERTY(int droppedFrames READ droppedFrames NOTIFY playingChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit TimelineViewModel(QObject *parent = nullptr);
    ~TimelineViewModel() override;

    QObject *storyboard() const;
    void setStoryboard(QObject *storyboard);
    QVideoSink *videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink *sink);
    QVariantList clips() const { return m_clips; }
    int fps() const { return m_engine.plan().fps; }
    int totalFrames() const { return int(m_engine.plan().totalFrames()); }
    QString totalText() const { return formatTime(totalFrames()); }
    int position() const { return int(m_engine.position()); }
    QString positionText() const { return formatTime(position()); }
    int currentClip() const { return m_engine.plan().clipAt(m_engine.position()); }
    bool playing() const { return m_engine.isPlaying(); }
    bool audioDevice() const { return m_engine.hasAudioDevice(); }
    int droppedFrames() const { return int(m_engine.droppedFrames()); }
    QString message() const { return m_message; }

    Q_INVOKABLE void play();
    Q_INVOKABLE void pause();
    Q_INVOKABLE void togglePlay();
    Q_INVOKABLE void seekFrame(int frame);
    Q_INVOKABLE void stepFrames(int frames);
    /// @brief J: back one second (keeps playing if it was).
    Q_INVOKABLE void backOneSecond();
    Q_INVOKABLE void previousShot();
    Q_INVOKABLE void nextShot();
    Q_INVOKABLE void home() { seekFrame(0); }
    Q_INVOKABLE void end() { seekFrame(totalFrames() - 1); }
    /// @brief Sets a clip's trims in seconds (clamped so 0.5 s stays); @p dragging merges the
    /// calls of one handle drag into one undo step, closed by endTrimDrag().
    Q_INVOKABLE bool trimClip(int index, double trimInSeconds, double trimOutSeconds, bool dragging = false);
    Q_INVOKABLE void endTrimDrag();
    /// @brief I / O: the current clip starts / ends at the playhead.
    Q_INVOKABLE bool setInAtPlayhead();
    Q_INVOKABLE bool setOutAtPlayhead();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    Q_INVOKABLE QString formatTime(int frame) const;

Q_SIGNALS:
    void storyboardChanged();
    void videoSinkChanged();
    void clipsChanged();
    void positionChanged();
    void playingChanged();
    void messageChanged();

private:
    struct MediaInfo
    {
        qint64 frames = 0;
        QVariantList peaks; ///< loudness per 1/50 s of the whole take, 0..1
    };
    void rebuild();
    void probe(const QString &path);
    void present(const TimelineUnit &unit);
    void setMessage(const QString &message);

    QPointer<storyboard::StoryboardViewModel> m_storyboard;
    QPointer<QVideoSink> m_sink;
    PlaybackEngine m_engine;
    QVariantList m_clips;
    QHash<QString, MediaInfo> m_media; ///< take path -> probed facts
    QSet<QString> m_probing;
    QString m_message;
    bool m_dragging = false;
};

} // namespace kinora::timeline
