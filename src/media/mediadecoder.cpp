// Whole-clip decoding with libavformat/libavcodec; swscale to RGB24 (honouring the stream's
// colour matrix and range) and swresample to 48 kHz stereo float.
#include "media/mediadecoder.h"

#include "media/ffmpegsupport.h"

#include <QDir>
#include <functional>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

namespace kinora::media {

namespace {

/// One open input file and the decoder of its chosen stream; frees everything on scope exit.
struct Demuxer
{
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    int streamIndex = -1;
    QString where;

    ~Demuxer()
    {
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        avformat_close_input(&format);
    }

    core::Error error(const QString &message) const { return core::Error{message, where}; }

    core::Status open(const QString &path, AVMediaType type)
    {
        where = QDir::toNativeSeparators(path);
        detail::routeFfmpegLog();
        if (!packet || !frame)
            return error(QStringLiteral("Out of memory while opening the media file."));
        const QByteArray url = detail::fileUrl(path);
        if (int rc = avformat_open_input(&format, url.constData(), nullptr, nullptr); rc < 0)
            return error(QStringLiteral("Could not open the media file: %1.").arg(detail::avErrorText(rc)));
        if (int rc = avformat_find_stream_info(format, nullptr); rc < 0)
            return error(QStringLiteral("The media file could not be read: %1.").arg(detail::avErrorText(rc)));
        const AVCodec *decoder = nullptr;
        streamIndex = av_find_best_stream(format, type, -1, -1, &decoder, 0);
        if (streamIndex < 0 || !decoder)
            return error(type == AVMEDIA_TYPE_VIDEO ? QStringLiteral("The file has no video track that can be decoded.")
                                                    : QStringLiteral("The file has no audio track that can be decoded."));
        codec = avcodec_alloc_context3(decoder);
        if (!codec)
            return error(QStringLiteral("Out of memory while opening the media file."));
        avcodec_parameters_to_context(codec, format->streams[streamIndex]->codecpar);
        codec->pkt_timebase = format->streams[streamIndex]->time_base;
        codec->thread_count = 0; // one per core
        if (int rc = avcodec_open2(codec, decoder, nullptr); rc < 0)
            return error(QStringLiteral("Could not start the decoder: %1.").arg(detail::avErrorText(rc)));
        return {};
    }

    /// Feeds the stream through the decoder and calls onFrame for each frame until it returns
    /// false or the file ends (the decoder is drained at the end).
    core::Status run(const std::function<core::Status(AVFrame *, bool *stop)> &onFrame)
    {
        bool stop = false;
        bool draining = false;
        while (!stop) {
            if (!draining) {
                const int rc = av_read_frame(format, packet);
                if (rc == AVERROR_EOF) {
                    draining = true;
                    avcodec_send_packet(codec, nullptr);
                } else if (rc < 0) {
                    return error(QStringLiteral("The media file could not be read: %1.").arg(detail::avErrorText(rc)));
                } else {
                    const bool ours = packet->stream_index == streamIndex;
                    const int sent = ours ? avcodec_send_packet(codec, packet) : 0;
                    av_packet_unref(packet);
                    if (sent < 0 && sent != AVERROR(EAGAIN))
                        return error(QStringLiteral("The media file is damaged: %1.").arg(detail::avErrorText(sent)));
                }
            }
            while (!stop) {
                const int rc = avcodec_receive_frame(codec, frame);
                if (rc == AVERROR_EOF)
                    return {};
                if (rc == AVERROR(EAGAIN))
                    break;
                if (rc < 0)
                    return error(QStringLiteral("The media file is damaged: %1.").arg(detail::avErrorText(rc)));
                core::Status st = onFrame(frame, &stop);
                av_frame_unref(frame);
                if (!st)
                    return st;
            }
        }
        return {};
    }
};

} // namespace

core::Result<DecodedVideo> decodeVideoFrames(const QString &path, int maxFrames)
{
    Demuxer in;
    if (core::Status st = in.open(path, AVMEDIA_TYPE_VIDEO); !st)
        return st.error();
    DecodedVideo out;
    out.width = in.codec->width;
    out.height = in.codec->height;
    out.fps = av_q2d(av_guess_frame_rate(in.format, in.format->streams[in.streamIndex], nullptr));

    SwsContext *scaler = nullptr;
    core::Status st = in.run([&](AVFrame *frame, bool *stop) -> core::Status {
        if (frame->width != out.width || frame->height != out.height)
            return in.error(QStringLiteral("The picture size changes inside the video; this is not supported."));
        scaler = sws_getCachedContext(scaler, frame->width, frame->height, AVPixelFormat(frame->format), out.width,
                                      out.height, AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr,
                                      nullptr);
        if (!scaler)
            return in.error(QStringLiteral("The video's pixel format cannot be converted to RGB."));
        // Decode with the matrix and range the stream declares; unspecified falls back to BT.601.
        const int *matrix = sws_getCoefficients(frame->colorspace);
        sws_setColorspaceDetails(scaler, matrix, frame->color_range == AVCOL_RANGE_JPEG, matrix, 1, 0, 1 << 16,
                                 1 << 16);
        QByteArray rgb(qsizetype(out.width) * out.height * 3, Qt::Uninitialized);
        std::uint8_t *dst[1] = {reinterpret_cast<std::uint8_t *>(rgb.data())};
        const int dstStride[1] = {out.width * 3};
        sws_scale(scaler, frame->data, frame->linesize, 0, frame->height, dst, dstStride);
        out.frames.append(rgb);
        *stop = maxFrames > 0 && out.frames.size() >= maxFrames;
        return {};
    });
    sws_freeContext(scaler);
    if (!st)
        return st.error();
    return out;
}

core::Result<DecodedAudio> decodeAudio(const QString &path)
{
    Demuxer in;
    if (core::Status st = in.open(path, AVMEDIA_TYPE_AUDIO); !st)
        return st.error();
    DecodedAudio out;
    SwrContext *resampler = nullptr;
    AVChannelLayout stereo;
    av_channel_layout_default(&stereo, out.channels);

    auto convert = [&](const std::uint8_t **input, int count) -> core::Status {
        const int capacity = swr_get_out_samples(resampler, count);
        if (capacity <= 0)
            return {};
        const size_t start = out.samples.size();
        out.samples.resize(start + size_t(capacity) * out.channels);
        std::uint8_t *dst[1] = {reinterpret_cast<std::uint8_t *>(out.samples.data() + start)};
        const int converted = swr_convert(resampler, dst, capacity, input, count);
        if (converted < 0)
            return in.error(QStringLiteral("The sound could not be converted: %1.").arg(detail::avErrorText(converted)));
        out.samples.resize(start + size_t(converted) * out.channels);
        return {};
    };

    core::Status st = in.run([&](AVFrame *frame, bool *) -> core::Status {
        if (!resampler) {
            int rc = swr_alloc_set_opts2(&resampler, &stereo, AV_SAMPLE_FMT_FLT, out.sampleRate, &frame->ch_layout,
                                         AVSampleFormat(frame->format), frame->sample_rate, 0, nullptr);
            if (rc >= 0)
                rc = swr_init(resampler);
            if (rc < 0)
                return in.error(QStringLiteral("The sound's format is not supported: %1.").arg(detail::avErrorText(rc)));
        }
        return convert(const_cast<const std::uint8_t **>(frame->extended_data), frame->nb_samples);
    });
    if (st && resampler)
        st = convert(nullptr, 0); // the resampler's delay line
    swr_free(&resampler);
    av_channel_layout_uninit(&stereo);
    if (!st)
        return st.error();
    // The last AAC frame is whole on the wire; the container's duration says where the sound ends.
    const AVStream *stream = in.format->streams[in.streamIndex];
    if (stream->duration > 0) {
        const qint64 frames = av_rescale_q(stream->duration, stream->time_base, AVRational{1, out.sampleRate});
        if (frames < out.frameCount())
            out.samples.resize(size_t(frames) * out.channels);
    }
    return out;
}

} // namespace kinora::media
