// Plain descriptions of the video and audio that the media module encodes and decodes.
// Kept free of FFmpeg types so any module can include them.
#pragma once

#include <QString>

namespace kinora::media {

/// @brief Picture size and constant frame rate of a video track.
struct VideoFormat
{
    int width = 0;
    int height = 0;
    int fps = 0;
};

/// @brief Layout of the PCM the caller hands over (float, interleaved). The file always gets
/// 48 kHz stereo; other rates or channel counts are converted.
struct AudioFormat
{
    int sampleRate = 48000;
    int channels = 2;
};

/// @brief Quality knobs of the H.264 encoder (libx264) and of the MP4 muxer.
struct EncodeOptions
{
    int crf = 20;                                ///< 0 (lossless) .. 51 (worst); 18-23 looks good
    QString preset = QStringLiteral("veryfast"); ///< an x264 preset name: ultrafast .. placebo
    bool faststart = true;                       ///< index ('moov') before the media, for streaming
};

} // namespace kinora::media
