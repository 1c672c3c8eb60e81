// Internal to the media module: the export's picture and sound source. A thread of its own reads
// the clips and composes finished frames (fitted, watermarked, captioned) a few frames ahead of
// the encoder, so decoding overlaps encoding instead of stalling it.
#pragma once

#include "core/result.h"
#include "media/exporter.h"

#include <QList>
#include <QSize>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct AVFrame;

namespace kinora::media::detail {

/// @brief One film frame ready to encode, with the sound that belongs to its duration.
struct ComposedFrame
{
    AVFrame *picture = nullptr; ///< yuv420p at the canvas size; give it back with recycle()
    std::vector<float> pcm;     ///< 48 kHz stereo interleaved
    qint64 index = 0;           ///< film frame number
};

class FrameSource
{
public:
    /// @brief @p bounds: the film frame at which each clip starts, then the total.
    /// @p watermark: draw the visible mark (with @p handle); @p burnCues: film-time cues to draw
    /// into the picture (empty: none).
    FrameSource(QList<ExportClip> clips, QList<qint64> bounds, int fps, QSize canvas, bool watermark, QString handle,
                QList<SubtitleCue> burnCues);
    /// @brief Stops the thread (if running) and frees every frame.
    ~FrameSource();

    FrameSource(const FrameSource &) = delete;
    FrameSource &operator=(const FrameSource &) = delete;

    void start();
    /// @brief The next frame, waiting for it. False at the end of the film or on an error
    /// (then *error is set).
    bool next(ComposedFrame &frame, core::Status *error);
    /// @brief Returns a picture from next() for reuse once the encoder is done with it.
    void recycle(AVFrame *picture);

private:
    void run();
    core::Status produce();
    core::Result<AVFrame *> freePicture();
    bool push(ComposedFrame frame);

    static constexpr size_t kAhead = 6; ///< frames composed ahead of the encoder

    QList<ExportClip> m_clips;
    QList<qint64> m_bounds;
    int m_fps = 24;
    QSize m_canvas;
    bool m_watermark = true;
    QString m_handle;
    QList<SubtitleCue> m_burnCues;

    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ComposedFrame> m_ready;
    std::vector<AVFrame *> m_free;
    bool m_stop = false;
    bool m_done = false;
    core::Status m_error;
};

} // namespace kinora::media::detail
