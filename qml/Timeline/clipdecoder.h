// ClipDecoder: streams one take (MP4, H.264 + AAC) picture by picture and sound sample by sample,
// with exact seeking. The timeline's playback worker owns one per clip it is reading or about to.
#pragma once

#include "core/result.h"
#include "videopicture.h"

#include <QString>
#include <memory>

namespace kinora::timeline {

/// @brief Sequential reader of one media file: decodes only what is asked for, in order.
/// Video comes out as YUV 4:2:0 pictures indexed from 0 at the first frame; sound as 48 kHz
/// stereo float, positioned in the same time base. Not thread-safe: use from one thread.
class ClipDecoder
{
public:
    static constexpr int kSampleRate = 48000;
    static constexpr int kChannels = 2;

    /// @brief Opens @p path; fails with a message a user can act on (missing, damaged, no video).
    static core::Result<std::unique_ptr<ClipDecoder>> open(const QString &path);
    ~ClipDecoder();
    ClipDecoder(const ClipDecoder &) = delete;
    ClipDecoder &operator=(const ClipDecoder &) = delete;

    QString path() const;
    int width() const;
    int height() const;
    double fps() const;
    bool hasAudio() const;
    /// @brief Frames in the video track (from the container; 0 when it does not say).
    qint64 frameCount() const;

    /// @brief Positions both tracks so the next picture is @p frame and the next sound starts at
    /// frame / fps. Seeks to the keyframe before and decodes forward; a short hop forward only
    /// decodes forward.
    core::Status seekToFrame(qint64 frame);
    /// @brief Index of the picture the next readVideo() returns.
    qint64 nextFrame() const;

    /// @brief The next picture; false at the end of the track.
    core::Result<bool> readVideo(VideoPicture *out);
    /// @brief Up to @p count sample frames of interleaved stereo into @p out; returns how many
    /// (fewer only at the end of the track, 0 without an audio track).
    core::Result<int> readAudio(float *out, int count);

private:
    struct Impl;
    explicit ClipDecoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kinora::timeline
