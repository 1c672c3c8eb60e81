// Small decoders for tests and the timeline: whole clips to RGB24 frames or to 48 kHz stereo
// float PCM. Meant for short clips; long media should be read in windows (not done yet).
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <vector>

namespace kinora::media {

/// @brief Decoded picture frames, each packed RGB24 (width * 3 bytes per row, no padding).
struct DecodedVideo
{
    int width = 0;
    int height = 0;
    double fps = 0;          ///< the stream's frame rate, e.g. 24 or 29.97
    QList<QByteArray> frames; ///< in presentation order
};

/// @brief Decoded sound, interleaved float in [-1, 1].
struct DecodedAudio
{
    int sampleRate = 48000;
    int channels = 2;
    std::vector<float> samples;

    qint64 frameCount() const { return channels > 0 ? qint64(samples.size()) / channels : 0; }
};

/// @brief Decodes up to maxFrames frames (all when maxFrames <= 0) of the first video track.
core::Result<DecodedVideo> decodeVideoFrames(const QString &path, int maxFrames);

/// @brief Decodes the first audio track, resampled to 48 kHz stereo float.
core::Result<DecodedAudio> decodeAudio(const QString &path);

} // namespace kinora::media
