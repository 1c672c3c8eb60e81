// AAC-LC encoding for Mp4Writer: swresample for layout/rate/planar conversion, an AVAudioFifo to
// cut fixed 1024-sample frames, FFmpeg's native "aac" encoder at 160 kb/s.
#include "media/aacfeed.h"

#include "media/ffmpegsupport.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>

namespace kinora::media::detail {

namespace {

core::Error audioError(const QString &what, int averror)
{
    return core::Error{QStringLiteral("Audio encoding failed (%1): %2.").arg(what, avErrorText(averror)), {}};
}

} // namespace

core::Result<std::unique_ptr<AacFeed>> AacFeed::create(const AudioFormat &input, bool globalHeader)
{
    if (input.sampleRate < 8000 || input.sampleRate > 192000)
        return core::Error{QStringLiteral("The audio sample rate %1 Hz is not supported; use 8000 to 192000 Hz.")
                               .arg(input.sampleRate),
                           {}};
    if (input.channels < 1 || input.channels > 8)
        return core::Error{QStringLiteral("%1 audio channels are not supported; use 1 to 8.").arg(input.channels), {}};

    std::unique_ptr<AacFeed> feed(new AacFeed);
    feed->m_inputChannels = input.channels;
    const AVCodec *codec = avcodec_find_encoder_by_name("aac");
    if (!codec)
        return core::Error{QStringLiteral("This FFmpeg build has no AAC encoder; reinstall libavcodec."), {}};
    feed->m_codec = avcodec_alloc_context3(codec);
    feed->m_packet = av_packet_alloc();
    if (!feed->m_codec || !feed->m_packet)
        return core::Error{QStringLiteral("Out of memory while preparing the audio encoder."), {}};

    AVCodecContext *c = feed->m_codec;
    c->sample_fmt = AV_SAMPLE_FMT_FLTP;
    c->sample_rate = kSampleRate;
    c->time_base = AVRational{1, kSampleRate};
    c->bit_rate = kBitRate;
    c->profile = FF_PROFILE_AAC_LOW;
    av_channel_layout_default(&c->ch_layout, kChannels);
    if (globalHeader)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (int rc = avcodec_open2(c, codec, nullptr); rc < 0)
        return audioError(QStringLiteral("opening the AAC encoder"), rc);

    AVChannelLayout inLayout;
    av_channel_layout_default(&inLayout, input.channels);
    int rc = swr_alloc_set_opts2(&feed->m_resampler, &c->ch_layout, AV_SAMPLE_FMT_FLTP, kSampleRate, &inLayout,
                                 AV_SAMPLE_FMT_FLT, input.sampleRate, 0, nullptr);
    av_channel_layout_uninit(&inLayout);
    if (rc >= 0 && input.channels == 1) {
        // Mono becomes dual mono at full level, not swresample's -3 dB centre pan: a mono line
        // must sound as loud in the film as it did when it was rendered.
        const double toBoth[kChannels] = {1.0, 1.0};
        rc = swr_set_matrix(feed->m_resampler, toBoth, 1);
    }
    if (rc >= 0)
        rc = swr_init(feed->m_resampler);
    if (rc < 0)
        return audioError(QStringLiteral("preparing the resampler"), rc);

    feed->m_fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, kChannels, c->frame_size * 4);
    if (!feed->m_fifo)
        return core::Error{QStringLiteral("Out of memory while preparing the audio encoder."), {}};
    return feed;
}

AacFeed::~AacFeed()
{
    if (m_fifo)
        av_audio_fifo_free(m_fifo);
    swr_free(&m_resampler);
    av_packet_free(&m_packet);
    avcodec_free_context(&m_codec);
}

core::Status AacFeed::push(const float *interleaved, int frameCount)
{
    if (frameCount < 0 || (frameCount > 0 && !interleaved))
        return core::Error{QStringLiteral("No audio samples were given."), {}};
    if (frameCount == 0)
        return {};
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(interleaved);
    return queueConverted(&bytes, frameCount);
}

// input == nullptr flushes the resampler's delay line (used once, at finish).
core::Status AacFeed::queueConverted(const std::uint8_t *const *input, int frameCount)
{
    const int capacity = swr_get_out_samples(m_resampler, frameCount);
    if (capacity < 0)
        return audioError(QStringLiteral("resampling"), capacity);
    if (capacity == 0)
        return {};
    std::uint8_t *out[kChannels];
    for (int ch = 0; ch < kChannels; ++ch) {
        m_planes[ch].resize(size_t(capacity));
        out[ch] = reinterpret_cast<std::uint8_t *>(m_planes[ch].data());
    }
    const int converted = swr_convert(m_resampler, out, capacity, const_cast<const std::uint8_t **>(input), frameCount);
    if (converted < 0)
        return audioError(QStringLiteral("resampling"), converted);
    if (converted > 0 && av_audio_fifo_write(m_fifo, reinterpret_cast<void **>(out), converted) < converted)
        return core::Error{QStringLiteral("Out of memory while queueing audio."), {}};
    return {};
}

core::Status AacFeed::encodeUpTo(qint64 endSample, const PacketSink &sink)
{
    const int frameSize = m_codec->frame_size;
    while (av_audio_fifo_size(m_fifo) >= frameSize && m_samplesSent + frameSize <= endSample) {
        if (core::Status st = encodeFrame(frameSize, sink); !st)
            return st;
    }
    return {};
}

core::Status AacFeed::finish(qint64 endSample, const PacketSink &sink)
{
    if (core::Status st = queueConverted(nullptr, 0); !st)
        return st;
    // Make the FIFO hold exactly what is missing up to endSample: pad with silence, drop excess.
    const qint64 missing = std::max<qint64>(0, endSample - m_samplesSent);
    const qint64 queued = av_audio_fifo_size(m_fifo);
    if (queued < missing) {
        const int silence = int(missing - queued);
        for (int ch = 0; ch < kChannels; ++ch)
            m_planes[ch].assign(size_t(silence), 0.0f);
        void *planes[kChannels] = {m_planes[0].data(), m_planes[1].data()};
        if (av_audio_fifo_write(m_fifo, planes, silence) < silence)
            return core::Error{QStringLiteral("Out of memory while padding audio."), {}};
    }
    qint64 left = missing;
    while (left > 0) {
        const int samples = int(std::min<qint64>(left, m_codec->frame_size));
        if (core::Status st = encodeFrame(samples, sink); !st)
            return st;
        left -= samples;
    }
    av_audio_fifo_reset(m_fifo);
    if (int rc = avcodec_send_frame(m_codec, nullptr); rc < 0)
        return audioError(QStringLiteral("flushing"), rc);
    return drain(sink);
}

core::Status AacFeed::encodeFrame(int samples, const PacketSink &sink)
{
    AVFrame *frame = av_frame_alloc();
    if (!frame)
        return core::Error{QStringLiteral("Out of memory while encoding audio."), {}};
    frame->nb_samples = samples;
    frame->format = AV_SAMPLE_FMT_FLTP;
    frame->sample_rate = kSampleRate;
    av_channel_layout_copy(&frame->ch_layout, &m_codec->ch_layout);
    int rc = av_frame_get_buffer(frame, 0);
    if (rc >= 0 && av_audio_fifo_read(m_fifo, reinterpret_cast<void **>(frame->data), samples) < samples)
        rc = AVERROR_BUG;
    if (rc >= 0) {
        frame->pts = m_samplesSent;
        rc = avcodec_send_frame(m_codec, frame);
    }
    av_frame_free(&frame);
    if (rc < 0)
        return audioError(QStringLiteral("encoding a frame"), rc);
    m_samplesSent += samples;
    return drain(sink);
}

core::Status AacFeed::drain(const PacketSink &sink)
{
    while (true) {
        const int rc = avcodec_receive_packet(m_codec, m_packet);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return {};
        if (rc < 0)
            return audioError(QStringLiteral("receiving a packet"), rc);
        core::Status st = sink(m_packet);
        av_packet_unref(m_packet);
        if (!st)
            return st;
    }
}

} // namespace kinora::media::detail
