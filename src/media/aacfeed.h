// Internal to the media module: the audio half of Mp4Writer. Converts the caller's float PCM to
// 48 kHz stereo planar, cuts it into the AAC encoder's 1024-sample frames and encodes them.
#pragma once

#include "core/result.h"
#include "media/mediaformat.h"

#include <QtGlobal>
#include <functional>
#include <memory>
#include <vector>

struct AVAudioFifo;
struct AVCodecContext;
struct AVPacket;
struct SwrContext;

namespace kinora::media::detail {

/// @brief Resampler + sample FIFO + native FFmpeg AAC-LC encoder (stereo, 48 kHz, 160 kb/s).
/// Packets come out with timestamps in 1/48000 s, the first one at -1024 (encoder priming,
/// which the MP4 edit list hides so the track starts at 0).
class AacFeed
{
public:
    static constexpr int kSampleRate = 48000;
    static constexpr int kChannels = 2;
    static constexpr int kBitRate = 160000;

    using PacketSink = std::function<core::Status(AVPacket *)>;

    /// @brief globalHeader: the container wants the codec config out of band (MP4 does).
    static core::Result<std::unique_ptr<AacFeed>> create(const AudioFormat &input, bool globalHeader);
    ~AacFeed();

    AVCodecContext *codec() const { return m_codec; }

    /// @brief Converts and queues frameCount interleaved frames of the input format.
    core::Status push(const float *interleaved, int frameCount);

    /// @brief Encodes whole encoder frames while they end at or before endSample (48 kHz).
    core::Status encodeUpTo(qint64 endSample, const PacketSink &sink);

    /// @brief Pads with silence or cuts so the track ends exactly at endSample, encodes the
    /// rest and drains the encoder.
    core::Status finish(qint64 endSample, const PacketSink &sink);

private:
    AacFeed() = default;
    core::Status encodeFrame(int samples, const PacketSink &sink);
    core::Status drain(const PacketSink &sink);
    core::Status queueConverted(const std::uint8_t *const *input, int frameCount);

    AVCodecContext *m_codec = nullptr;
    SwrContext *m_resampler = nullptr;
    AVAudioFifo *m_fifo = nullptr;
    AVPacket *m_packet = nullptr;
    int m_inputChannels = 0;
    qint64 m_samplesSent = 0; ///< samples handed to the encoder (48 kHz)
    std::vector<float> m_planes[kChannels];
};

} // namespace kinora::media::detail
