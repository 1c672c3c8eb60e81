// Mp4Writer: H.264 + AAC-LC in an MP4, written to "<path>.partial" and renamed into place only
// when finish() succeeds, so a crash, a cancel or a full disk never leaves a half file at <path>.
#pragma once

#include "core/result.h"
#include "media/mediaformat.h"

#include <QtGlobal>
#include <cstdint>
#include <memory>

namespace kinora::media {

/// @brief Encodes RGB frames and float PCM into an MP4 (H.264 High yuv420p bt709, AAC-LC 48 kHz
/// stereo 160 kb/s). Use from one thread at a time.
///
/// Design note: audio is encoded only up to the duration of the video written so far; at
/// finish() it is padded with silence (or cut) to exactly frames / fps, so every file has a full
/// audio track that starts and ends with the picture. Both tracks start at time 0.
class Mp4Writer
{
public:
    /// @brief Creates "<path>.partial" and prepares both encoders. Fails (and creates nothing)
    /// on odd or non-positive sizes, a bad frame rate, an unknown preset or an unwritable folder.
    static core::Result<std::unique_ptr<Mp4Writer>> open(const QString &path, VideoFormat video, AudioFormat audio,
                                                         EncodeOptions options = {});

    /// @brief Without a successful finish(): stops, and removes the temp file. <path> is untouched.
    ~Mp4Writer();

    Mp4Writer(const Mp4Writer &) = delete;
    Mp4Writer &operator=(const Mp4Writer &) = delete;

    /// @brief Encodes one frame of packed RGB24 (width * 3 bytes used per row, rows strideBytes
    /// apart). After any failure the writer is dead: the temp file is gone and calls keep failing.
    core::Status writeVideoFrame(const std::uint8_t *rgb24, int strideBytes);

    /// @brief Queues frameCount frames of interleaved float PCM in the AudioFormat given to open().
    /// Audio ahead of the picture waits in memory until the video catches up (about 0.4 MB/s).
    core::Status writeAudio(const float *interleaved, int frameCount);

    /// @brief Flushes both encoders, writes the index, fsyncs and renames the file to <path>.
    core::Status finish();

    /// @brief Frames accepted by writeVideoFrame() so far.
    qint64 videoFramesWritten() const;

    /// @brief The file being written ("<path>.partial") until finish() succeeds.
    QString temporaryPath() const;

private:
    struct Impl;
    explicit Mp4Writer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kinora::media
