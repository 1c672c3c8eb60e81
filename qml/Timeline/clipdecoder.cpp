// ClipDecoder implementation: one demuxer feeding two decoders; decoded pictures and sound wait in
// small queues until asked for. Seeking drops what lies before the target, so it lands exactly.
#include "clipdecoder.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <cmath>
#include <deque>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

namespace kinora::timeline {
namespace {

QString avText(int rc)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(rc, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

} // namespace

struct ClipDecoder::Impl
{
    QString path;
    AVFormatContext *format = nullptr;
    AVCodecContext *video = nullptr;
    AVCodecContext *audio = nullptr;
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    SwrContext *resampler = nullptr;
    SwsContext *scaler = nullptr;
    int videoIndex = -1;
    int audioIndex = -1;
    double fps = 24;
    double origin = 0; ///< seconds: the video track's start, frame 0 and sample 0 of this clip
    bool demuxDone = false;
    bool videoDone = false;
    bool audioDone = false;

    std::deque<std::pair<qint64, VideoPicture>> pictures;
    qint64 nextFrame = 0;      ///< index of the picture the caller gets next
    std::vector<float> sound;  ///< queued interleaved samples
    size_t soundRead = 0;      ///< floats of `sound` already handed out
    qint64 soundPosition = 0;  ///< sample index of sound[soundRead], once soundPlaced
    bool soundPlaced = false;  ///< false until the first sound after open or seek is placed
    qint64 wantedSample = 0;   ///< sample index the caller gets next

    ~Impl()
    {
        sws_freeContext(scaler);
        swr_free(&resampler);
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&video);
        avcodec_free_context(&audio);
        avformat_close_input(&format);
    }

    core::Error error(const QString &message) const { return core::Error{message, QDir::toNativeSeparators(path)}; }

    core::Status openDecoder(AVMediaType type, int *index, AVCodecContext **ctx)
    {
        const AVCodec *codec = nullptr;
        *index = av_find_best_stream(format, type, -1, -1, &codec, 0);
        if (*index < 0 || !codec)
            return {};
        *ctx = avcodec_alloc_context3(codec);
        if (!*ctx)
            return error(QStringLiteral("Out of memory while opening the take."));
        avcodec_parameters_to_context(*ctx, format->streams[*index]->codecpar);
        (*ctx)->pkt_timebase = format->streams[*index]->time_base;
        (*ctx)->thread_count = 0; // one per core: preview must decode faster than real time
        if (int rc = avcodec_open2(*ctx, codec, nullptr); rc < 0)
            return error(QStringLiteral("Could not start the decoder: %1.").arg(avText(rc)));
        return {};
    }

    qint64 sampleForFrame(qint64 frameIndex) const { return qint64(std::llround(frameIndex * kSampleRate / fps)); }

    core::Status storePicture(AVFrame *f)
    {
        const AVStream *s = format->streams[videoIndex];
        const qint64 ts = f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
        const qint64 index = ts == AV_NOPTS_VALUE ? (pictures.empty() ? nextFrame : pictures.back().first + 1)
                                                  : qint64(std::llround((ts * av_q2d(s->time_base) - origin) * fps));
        if (index < nextFrame)
            return {}; // before a seek target: decoded only to reach it
        VideoPicture pic;
        pic.width = f->width;
        pic.height = f->height;
        pic.fullRange = f->color_range == AVCOL_RANGE_JPEG || f->format == AV_PIX_FMT_YUVJ420P;
        const int cw = pic.chromaWidth(), ch = pic.chromaHeight();
        pic.planes.resize(qsizetype(pic.width) * pic.height + 2 * qsizetype(cw) * ch);
        uint8_t *dst[3] = {reinterpret_cast<uint8_t *>(pic.planes.data()), nullptr, nullptr};
        dst[1] = dst[0] + qsizetype(pic.width) * pic.height;
        dst[2] = dst[1] + qsizetype(cw) * ch;
        const int dstStride[3] = {pic.width, cw, cw};
        if (f->format == AV_PIX_FMT_YUV420P || f->format == AV_PIX_FMT_YUVJ420P) {
            const int rows[3] = {pic.height, ch, ch};
            for (int p = 0; p < 3; ++p)
                for (int r = 0; r < rows[p]; ++r)
                    memcpy(dst[p] + qsizetype(r) * dstStride[p], f->data[p] + qsizetype(r) * f->linesize[p], dstStride[p]);
        } else {
            scaler = sws_getCachedContext(scaler, f->width, f->height, AVPixelFormat(f->format), f->width, f->height,
                                          AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
            if (!scaler)
                return error(QStringLiteral("The take's picture format cannot be shown."));
            sws_scale(scaler, f->data, f->linesize, 0, f->height, dst, dstStride);
        }
        pictures.emplace_back(index, std::move(pic));
        return {};
    }

    core::Status storeSound(AVFrame *f)
    {
        if (!resampler) {
            AVChannelLayout stereo;
            av_channel_layout_default(&stereo, kChannels);
            int rc = swr_alloc_set_opts2(&resampler, &stereo, AV_SAMPLE_FMT_FLT, kSampleRate, &f->ch_layout,
                                         AVSampleFormat(f->format), f->sample_rate, 0, nullptr);
            av_channel_layout_uninit(&stereo);
            if (rc >= 0)
                rc = swr_init(resampler);
            if (rc < 0)
                return error(QStringLiteral("The take's sound format is not supported: %1.").arg(avText(rc)));
        }
        if (!soundPlaced) {
            soundPlaced = true;
            // First sound after open or seek: place it by its timestamp, then keep it contiguous.
            const AVStream *s = format->streams[audioIndex];
            const qint64 ts = f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
            soundPosition = ts == AV_NOPTS_VALUE ? wantedSample
                                                 : qint64(std::llround((ts * av_q2d(s->time_base) - origin) * kSampleRate));
            sound.clear();
            soundRead = 0;
            if (soundPosition > wantedSample) { // sound starts late: silence up to it
                sound.assign(size_t(soundPosition - wantedSample) * kChannels, 0.f);
                soundPosition = wantedSample;
            }
        }
        const int capacity = swr_get_out_samples(resampler, f->nb_samples);
        const size_t start = sound.size();
        sound.resize(start + size_t(std::max(0, capacity)) * kChannels);
        uint8_t *out[1] = {reinterpret_cast<uint8_t *>(sound.data() + start)};
        const int got = swr_convert(resampler, out, capacity, const_cast<const uint8_t **>(f->extended_data), f->nb_samples);
        if (got < 0)
            return error(QStringLiteral("The take's sound could not be converted: %1.").arg(avText(got)));
        sound.resize(start + size_t(got) * kChannels);
        dropSoundBefore(wantedSample);
        return {};
    }

    void dropSoundBefore(qint64 sample)
    {
        const qint64 queued = qint64(sound.size() - soundRead) / kChannels;
        const qint64 drop = std::clamp(sample - soundPosition, qint64(0), queued);
        soundRead += size_t(drop) * kChannels;
        soundPosition += drop;
        if (soundRead > (1u << 16) && soundRead * 2 > sound.size()) {
            sound.erase(sound.begin(), sound.begin() + qsizetype(soundRead));
            soundRead = 0;
        }
    }

    /// Receives every frame the decoder has ready.
    core::Status drain(AVCodecContext *ctx, bool isVideo)
    {
        for (;;) {
            const int rc = avcodec_receive_frame(ctx, frame);
            if (rc == AVERROR(EAGAIN))
                return {};
            if (rc == AVERROR_EOF) {
                (isVideo ? videoDone : audioDone) = true;
                return {};
            }
            if (rc < 0)
                return error(QStringLiteral("The take is damaged: %1.").arg(avText(rc)));
            core::Status st = isVideo ? storePicture(frame) : storeSound(frame);
            av_frame_unref(frame);
            if (!st)
                return st;
        }
    }

    /// Reads one packet (or flushes at the end) and decodes what it completes.
    core::Status pump()
    {
        if (demuxDone)
            return {};
        const int rc = av_read_frame(format, packet);
        if (rc == AVERROR_EOF) {
            demuxDone = true;
            if (video) {
                avcodec_send_packet(video, nullptr);
                if (core::Status st = drain(video, true); !st)
                    return st;
            }
            if (audio) {
                avcodec_send_packet(audio, nullptr);
                if (core::Status st = drain(audio, false); !st)
                    return st;
                if (resampler && soundPlaced) { // the resampler's delay line
                    const int capacity = swr_get_out_samples(resampler, 0);
                    const size_t start = sound.size();
                    sound.resize(start + size_t(std::max(0, capacity)) * kChannels);
                    uint8_t *out[1] = {reinterpret_cast<uint8_t *>(sound.data() + start)};
                    const int got = swr_convert(resampler, out, capacity, nullptr, 0);
                    sound.resize(start + size_t(std::max(0, got)) * kChannels);
                }
            }
            videoDone = true;
            audioDone = true;
            return {};
        }
        if (rc < 0)
            return error(QStringLiteral("The take could not be read: %1.").arg(avText(rc)));
        AVCodecContext *ctx = packet->stream_index == videoIndex ? video
                            : packet->stream_index == audioIndex ? audio : nullptr;
        core::Status st;
        if (ctx) {
            const int sent = avcodec_send_packet(ctx, packet);
            if (sent < 0 && sent != AVERROR(EAGAIN) && sent != AVERROR_EOF)
                st = error(QStringLiteral("The take is damaged: %1.").arg(avText(sent)));
            else
                st = drain(ctx, ctx == video);
        }
        av_packet_unref(packet);
        return st;
    }

};

ClipDecoder::ClipDecoder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ClipDecoder::~ClipDecoder() = default;

core::Result<std::unique_ptr<ClipDecoder>> ClipDecoder::open(const QString &path)
{
    auto d = std::make_unique<Impl>();
    d->path = path;
    if (!d->packet || !d->frame)
        return d->error(QStringLiteral("Out of memory while opening the take."));
    const QByteArray url = "file:" + QFile::encodeName(path);
    if (int rc = avformat_open_input(&d->format, url.constData(), nullptr, nullptr); rc < 0)
        return d->error(QStringLiteral("Could not open the take: %1. Generate the shot again if it was removed.")
                            .arg(avText(rc)));
    if (int rc = avformat_find_stream_info(d->format, nullptr); rc < 0)
        return d->error(QStringLiteral("The take could not be read: %1.").arg(avText(rc)));
    if (core::Status st = d->openDecoder(AVMEDIA_TYPE_VIDEO, &d->videoIndex, &d->video); !st)
        return st.error();
    if (!d->video)
        return d->error(QStringLiteral("The take has no picture that can be decoded."));
    if (core::Status st = d->openDecoder(AVMEDIA_TYPE_AUDIO, &d->audioIndex, &d->audio); !st)
        return st.error();
    AVStream *vs = d->format->streams[d->videoIndex];
    const double fps = av_q2d(av_guess_frame_rate(d->format, vs, nullptr));
    d->fps = fps > 0 ? fps : 24;
    d->origin = vs->start_time != AV_NOPTS_VALUE ? vs->start_time * av_q2d(vs->time_base) : 0;
    if (!d->audio)
        d->audioDone = true;
    return std::unique_ptr<ClipDecoder>(new ClipDecoder(std::move(d)));
}

QString ClipDecoder::path() const { return m_impl->path; }
int ClipDecoder::width() const { return m_impl->video->width; }
int ClipDecoder::height() const { return m_impl->video->height; }
double ClipDecoder::fps() const { return m_impl->fps; }
bool ClipDecoder::hasAudio() const { return m_impl->audio != nullptr; }
qint64 ClipDecoder::nextFrame() const { return m_impl->nextFrame; }

qint64 ClipDecoder::frameCount() const
{
    const AVStream *s = m_impl->format->streams[m_impl->videoIndex];
    if (s->nb_frames > 0)
        return s->nb_frames;
    if (s->duration > 0)
        return qint64(std::llround(s->duration * av_q2d(s->time_base) * m_impl->fps));
    return 0;
}

core::Status ClipDecoder::seekToFrame(qint64 frame)
{
    Impl &d = *m_impl;
    frame = std::max<qint64>(0, frame);
    const bool shortHop = frame >= d.nextFrame && frame - d.nextFrame <= qint64(2 * d.fps) && !d.demuxDone;
    if (!shortHop) {
        const AVStream *s = d.format->streams[d.videoIndex];
        const qint64 ts = qint64(std::llround((d.origin + frame / d.fps) / av_q2d(s->time_base)));
        if (int rc = av_seek_frame(d.format, d.videoIndex, ts, AVSEEK_FLAG_BACKWARD); rc < 0)
            return d.error(QStringLiteral("Could not seek in the take: %1.").arg(avText(rc)));
        avcodec_flush_buffers(d.video);
        if (d.audio)
            avcodec_flush_buffers(d.audio);
        if (d.resampler)
            swr_free(&d.resampler); // its delay line belongs to the old position
        d.pictures.clear();
        d.sound.clear();
        d.soundRead = 0;
        d.soundPlaced = false;
        d.demuxDone = false;
        d.videoDone = false;
        d.audioDone = d.audio == nullptr;
    }
    d.nextFrame = frame;
    d.wantedSample = d.sampleForFrame(frame);
    while (!d.pictures.empty() && d.pictures.front().first < frame)
        d.pictures.pop_front();
    if (d.soundPlaced)
        d.dropSoundBefore(d.wantedSample);
    // Decode up to the target now, so a prepared clip starts without delay.
    while (d.pictures.empty() && !d.videoDone)
        if (core::Status st = d.pump(); !st)
            return st;
    return {};
}

core::Result<bool> ClipDecoder::readVideo(VideoPicture *out)
{
    Impl &d = *m_impl;
    while (d.pictures.empty() && !d.videoDone)
        if (core::Status st = d.pump(); !st)
            return st.error();
    if (d.pictures.empty())
        return false;
    *out = std::move(d.pictures.front().second);
    d.nextFrame = d.pictures.front().first + 1;
    d.pictures.pop_front();
    return true;
}

core::Result<int> ClipDecoder::readAudio(float *out, int count)
{
    Impl &d = *m_impl;
    if (!d.audio)
        return 0;
    auto queued = [&d] { return !d.soundPlaced ? qint64(0) : qint64(d.sound.size() - d.soundRead) / kChannels; };
    while (queued() < count && !d.audioDone)
        if (core::Status st = d.pump(); !st)
            return st.error();
    const int n = int(std::min<qint64>(count, queued()));
    if (n > 0)
        std::copy_n(d.sound.data() + d.soundRead, size_t(n) * kChannels, out);
    d.soundRead += size_t(n) * kChannels;
    d.soundPosition += n;
    d.wantedSample += n;
    return n;
}

} // namespace kinora::timeline
