// Internal to the media module: the export's output file. libx264 from yuv420p frames, AAC from
// float PCM (AacFeed), an optional mov_text subtitle track, MP4 with faststart, via a temp file.
#pragma once

#include "core/result.h"
#include "media/mediaformat.h"
#include "media/subtitles.h"

#include <QString>
#include <memory>

struct AVFrame;

namespace kinora::media::detail {

/// @brief Writes "<finalPath>.partial" and renames it to finalPath in finish(). Any failure, or
/// destruction before finish() succeeded, removes the temp file. Every write is checked, so a
/// full disk is reported as such.
class FilmEncoder
{
public:
    struct Config
    {
        QString finalPath;
        VideoFormat video;
        EncodeOptions options;
        bool subtitleTrack = false;
    };

    static core::Result<std::unique_ptr<FilmEncoder>> open(const Config &config);
    ~FilmEncoder();

    FilmEncoder(const FilmEncoder &) = delete;
    FilmEncoder &operator=(const FilmEncoder &) = delete;

    /// @brief Encodes @p picture (yuv420p at the configured size, BT.709 limited range) as the
    /// next frame, 1/fps after the one before. The encoder copies or references it; the caller
    /// must make it writable (av_frame_make_writable) before drawing into it again.
    core::Status writeFrame(AVFrame *picture);
    /// @brief Queues 48 kHz stereo interleaved float; encoded as far as the picture has come.
    core::Status writeAudio(const float *interleaved, qint64 frameCount);
    /// @brief Adds one cue (film time) to the subtitle track; cues must come in time order.
    core::Status writeCue(const SubtitleCue &cue);
    /// @brief Drains the encoders, pads or cuts the sound to the picture's length, writes the
    /// index (moved to the front), fsyncs and renames into place.
    core::Status finish();

    qint64 framesWritten() const;
    QString temporaryPath() const;

private:
    struct Impl;
    explicit FilmEncoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kinora::media::detail
