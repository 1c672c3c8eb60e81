// Mp4Writer: libx264 + native AAC into the MP4 muxer, through "<path>.partial".
// Any failure kills the writer and removes the temp file at once, so nothing half-written stays.
#include "media/mp4writer.h"

#include "media/aacfeed.h"
#include "media/atomicfile.h"
#include "media/ffmpegsupport.h"

#include <QDir>
#include <QFile>
#include <QStringList>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace kinora::media {

namespace {

const QStringList &x264Presets()
{
    static const QStringList presets{QStringLiteral("ultrafast"), QStringLiteral("superfast"),
                                     QStringLiteral("veryfast"),  QStringLiteral("faster"),
                                     QStringLiteral("fast"),      QStringLiteral("medium"),
                                     QStringLiteral("slow"),      QStringLiteral("slower"),
                                     QStringLiteral("veryslow"),  QStringLiteral("placebo")};
    return presets;
}

core::Status validate(const VideoFormat &video, const EncodeOptions &options)
{
    if (video.width <= 0 || video.height <= 0 || video.width > 8192 || video.height > 8192)
        return core::Error{QStringLiteral("The video size %1x%2 is not supported; use 2 to 8192 pixels per side.")
                               .arg(video.width)
                               .arg(video.height),
                           {}};
    if (video.width % 2 != 0 || video.height % 2 != 0)
        return core::Error{QStringLiteral("The video size %1x%2 has an odd side; H.264 needs an even width and "
                                          "height (try %3x%4).")
                               .arg(video.width)
                               .arg(video.height)
                               .arg(video.width & ~1)
                               .arg(video.height & ~1),
                           {}};
    if (video.fps < 1 || video.fps > 240)
        return core::Error{QStringLiteral("The frame rate %1 fps is not supported; use 1 to 240.").arg(video.fps), {}};
    if (options.crf < 0 || options.crf > 51)
        return core::Error{QStringLiteral("The quality (CRF) %1 is out of range; use 0 to 51.").arg(options.crf), {}};
    if (!x264Presets().contains(options.preset))
        return core::Error{QStringLiteral("Unknown encoder preset \"%1\"; use one of: %2.")
                               .arg(options.preset, x264Presets().join(QStringLiteral(", "))),
                           {}};
    return {};
}

} // namespace

struct Mp4Writer::Impl
{
    enum class State { Invalid, Open, Failed, Finished };

    QString finalPath;
    QString tempPath;
    VideoFormat video;
    AVFormatContext *format = nullptr;
    AVCodecContext *videoCodec = nullptr;
    AVStream *videoStream = nullptr;
    AVStream *audioStream = nullptr;
    SwsContext *scaler = nullptr;
    AVFrame *picture = nullptr;
    AVPacket *packet = nullptr;
    std::unique_ptr<detail::AacFeed> audio;
    qint64 framesWritten = 0;
    bool fileCreated = false;
    State state = State::Invalid;
    core::Error failure;

    ~Impl()
    {
        if (state != State::Finished)
            closeAndRemove();
        sws_freeContext(scaler);
        av_frame_free(&picture);
        av_packet_free(&packet);
        avcodec_free_context(&videoCodec);
        audio.reset();
        avformat_free_context(format);
    }

    void closeAndRemove() { detail::closeAndRemoveOutput(format, tempPath, fileCreated); }

    core::Status fail(core::Error error)
    {
        if (error.location.isEmpty())
            error.location = QDir::toNativeSeparators(finalPath);
        state = State::Failed;
        failure = error;
        closeAndRemove();
        return error;
    }

    core::Status checkOpen() const
    {
        if (state == State::Open)
            return {};
        if (state == State::Failed)
            return failure;
        return core::Error{QStringLiteral("The video file is already finished."), QDir::toNativeSeparators(finalPath)};
    }

    /// 48 kHz sample at which the video written so far ends.
    qint64 videoEndSample() const
    {
        return av_rescale(framesWritten, detail::AacFeed::kSampleRate, video.fps);
    }

    core::Status writePacket(AVPacket *pkt, AVCodecContext *codec, AVStream *stream)
    {
        if (pkt->duration == 0 && codec == videoCodec)
            pkt->duration = 1; // one frame in the encoder's 1/fps time base
        av_packet_rescale_ts(pkt, codec->time_base, stream->time_base);
        pkt->stream_index = stream->index;
        int rc = av_interleaved_write_frame(format, pkt);
        if (rc >= 0 && format->pb->error < 0)
            rc = format->pb->error;
        if (rc < 0)
            return detail::writeError(rc, finalPath, QStringLiteral("Writing the video"));
        return {};
    }

    core::Status drainVideo()
    {
        while (true) {
            const int rc = avcodec_receive_packet(videoCodec, packet);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return {};
            if (rc < 0)
                return core::Error{QStringLiteral("Video encoding failed: %1.").arg(detail::avErrorText(rc)), {}};
            core::Status st = writePacket(packet, videoCodec, videoStream);
            av_packet_unref(packet);
            if (!st)
                return st;
        }
    }

    detail::AacFeed::PacketSink audioSink()
    {
        return [this](AVPacket *pkt) { return writePacket(pkt, audio->codec(), audioStream); };
    }

    core::Status openVideoEncoder(const EncodeOptions &options);
    core::Status openFile(const EncodeOptions &options);
};

core::Status Mp4Writer::Impl::openVideoEncoder(const EncodeOptions &options)
{
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        return core::Error{QStringLiteral("This FFmpeg build has no H.264 encoder (libx264); install the "
                                          "libavcodec package with x264 support."),
                           {}};
    videoCodec = avcodec_alloc_context3(codec);
    packet = av_packet_alloc();
    picture = av_frame_alloc();
    if (!videoCodec || !packet || !picture)
        return core::Error{QStringLiteral("Out of memory while preparing the video encoder."), {}};
    videoCodec->width = video.width;
    videoCodec->height = video.height;
    videoCodec->pix_fmt = AV_PIX_FMT_YUV420P;
    videoCodec->time_base = AVRational{1, video.fps};
    videoCodec->framerate = AVRational{video.fps, 1};
    videoCodec->sample_aspect_ratio = AVRational{1, 1};
    videoCodec->color_primaries = AVCOL_PRI_BT709;
    videoCodec->color_trc = AVCOL_TRC_BT709;
    videoCodec->colorspace = AVCOL_SPC_BT709;
    videoCodec->color_range = AVCOL_RANGE_MPEG;
    if (format->oformat->flags & AVFMT_GLOBALHEADER)
        videoCodec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(videoCodec->priv_data, "preset", options.preset.toUtf8().constData(), 0);
    av_opt_set(videoCodec->priv_data, "profile", "high", 0);
    av_opt_set_double(videoCodec->priv_data, "crf", options.crf, 0);
    if (int rc = avcodec_open2(videoCodec, codec, nullptr); rc < 0)
        return core::Error{QStringLiteral("Could not start the H.264 encoder: %1.").arg(detail::avErrorText(rc)), {}};

    picture->format = AV_PIX_FMT_YUV420P;
    picture->width = video.width;
    picture->height = video.height;
    picture->color_primaries = AVCOL_PRI_BT709;
    picture->color_trc = AVCOL_TRC_BT709;
    picture->colorspace = AVCOL_SPC_BT709;
    picture->color_range = AVCOL_RANGE_MPEG;
    if (av_frame_get_buffer(picture, 0) < 0)
        return core::Error{QStringLiteral("Out of memory while preparing the video encoder."), {}};

    // Full-range RGB in, limited-range BT.709 YUV out (what players assume for HD H.264).
    scaler = sws_getContext(video.width, video.height, AV_PIX_FMT_RGB24, video.width, video.height,
                            AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
    if (!scaler)
        return core::Error{QStringLiteral("Could not prepare the RGB to YUV conversion."), {}};
    sws_setColorspaceDetails(scaler, sws_getCoefficients(SWS_CS_ITU709), 1, sws_getCoefficients(SWS_CS_ITU709), 0,
                             0, 1 << 16, 1 << 16);

    videoStream = avformat_new_stream(format, nullptr);
    if (!videoStream)
        return core::Error{QStringLiteral("Out of memory while preparing the video file."), {}};
    videoStream->time_base = videoCodec->time_base;
    videoStream->avg_frame_rate = videoCodec->framerate;
    if (int rc = avcodec_parameters_from_context(videoStream->codecpar, videoCodec); rc < 0)
        return core::Error{QStringLiteral("Could not describe the video track: %1.").arg(detail::avErrorText(rc)), {}};
    return {};
}

core::Status Mp4Writer::Impl::openFile(const EncodeOptions &options)
{
    const QByteArray url = detail::fileUrl(tempPath);
    if (int rc = avio_open2(&format->pb, url.constData(), AVIO_FLAG_WRITE, nullptr, nullptr); rc < 0)
        return detail::isOutOfSpace(rc)
                   ? detail::writeError(rc, finalPath, {})
                   : core::Error{QStringLiteral("Could not create the video file: %1. Check that the folder "
                                                "exists and is writable.")
                                     .arg(detail::avErrorText(rc)),
                                 QDir::toNativeSeparators(tempPath)};
    fileCreated = true;
    AVDictionary *muxerOptions = nullptr;
    if (options.faststart)
        av_dict_set(&muxerOptions, "movflags", "+faststart", 0);
    int rc = avformat_write_header(format, &muxerOptions);
    av_dict_free(&muxerOptions);
    if (rc >= 0 && format->pb->error < 0)
        rc = format->pb->error;
    if (rc < 0)
        return detail::writeError(rc, finalPath, QStringLiteral("Starting the video file"));
    return {};
}

core::Result<std::unique_ptr<Mp4Writer>> Mp4Writer::open(const QString &path, VideoFormat video, AudioFormat audio,
                                                          EncodeOptions options)
{
    if (core::Status st = validate(video, options); !st)
        return core::Error{st.error().message, QDir::toNativeSeparators(path)};
    detail::routeFfmpegLog();

    auto impl = std::make_unique<Impl>();
    impl->finalPath = path;
    impl->tempPath = path + QStringLiteral(".partial");
    impl->video = video;
    const QByteArray url = detail::fileUrl(impl->tempPath);
    if (avformat_alloc_output_context2(&impl->format, nullptr, "mp4", url.constData()) < 0 || !impl->format)
        return core::Error{QStringLiteral("This FFmpeg build cannot write MP4 files."), QDir::toNativeSeparators(path)};

    core::Status st = impl->openVideoEncoder(options);
    if (st) {
        auto feed = detail::AacFeed::create(audio, impl->format->oformat->flags & AVFMT_GLOBALHEADER);
        if (!feed)
            st = feed.error();
        else
            impl->audio = std::move(feed).value();
    }
    if (st) {
        impl->audioStream = avformat_new_stream(impl->format, nullptr);
        if (!impl->audioStream)
            st = core::Error{QStringLiteral("Out of memory while preparing the video file."), {}};
    }
    if (st) {
        impl->audioStream->time_base = impl->audio->codec()->time_base;
        if (int rc = avcodec_parameters_from_context(impl->audioStream->codecpar, impl->audio->codec()); rc < 0)
            st = core::Error{QStringLiteral("Could not describe the audio track: %1.").arg(detail::avErrorText(rc)), {}};
    }
    if (st)
        st = impl->openFile(options);
    if (!st) {
        impl->fail(st.error()); // removes the temp file if it was created
        return impl->failure;
    }
    impl->state = Impl::State::Open;
    return std::unique_ptr<Mp4Writer>(new Mp4Writer(std::move(impl)));
}

Mp4Writer::Mp4Writer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Mp4Writer::~Mp4Writer() = default;

core::Status Mp4Writer::writeVideoFrame(const std::uint8_t *rgb24, int strideBytes)
{
    Impl &d = *m_impl;
    if (core::Status st = d.checkOpen(); !st)
        return st;
    if (!rgb24 || strideBytes < d.video.width * 3)
        return core::Error{QStringLiteral("The frame has no pixels or its rows are shorter than %1 bytes.")
                               .arg(d.video.width * 3),
                           {}};
    if (int rc = av_frame_make_writable(d.picture); rc < 0)
        return d.fail({QStringLiteral("Out of memory while encoding video."), {}});
    const std::uint8_t *const source[1] = {rgb24};
    const int sourceStride[1] = {strideBytes};
    sws_scale(d.scaler, source, sourceStride, 0, d.video.height, d.picture->data, d.picture->linesize);
    d.picture->pts = d.framesWritten;
    if (int rc = avcodec_send_frame(d.videoCodec, d.picture); rc < 0)
        return d.fail({QStringLiteral("Video encoding failed: %1.").arg(detail::avErrorText(rc)), {}});
    ++d.framesWritten;
    core::Status st = d.drainVideo();
    if (st)
        st = d.audio->encodeUpTo(d.videoEndSample(), d.audioSink());
    return st ? st : d.fail(st.error());
}

core::Status Mp4Writer::writeAudio(const float *interleaved, int frameCount)
{
    Impl &d = *m_impl;
    if (core::Status st = d.checkOpen(); !st)
        return st;
    core::Status st = d.audio->push(interleaved, frameCount);
    if (st)
        st = d.audio->encodeUpTo(d.videoEndSample(), d.audioSink());
    return st ? st : d.fail(st.error());
}

core::Status Mp4Writer::finish()
{
    Impl &d = *m_impl;
    if (core::Status st = d.checkOpen(); !st)
        return st;
    if (d.framesWritten == 0)
        return d.fail({QStringLiteral("No video frames were written; a video needs at least one frame."), {}});
    if (int rc = avcodec_send_frame(d.videoCodec, nullptr); rc < 0)
        return d.fail({QStringLiteral("Video encoding failed: %1.").arg(detail::avErrorText(rc)), {}});
    if (core::Status st = d.drainVideo(); !st)
        return d.fail(st.error());
    if (core::Status st = d.audio->finish(d.videoEndSample(), d.audioSink()); !st)
        return d.fail(st.error());
    // The trailer writes the index and, with faststart, rewrites the file to move it up front.
    int rc = av_write_trailer(d.format);
    if (rc >= 0) {
        avio_flush(d.format->pb);
        rc = d.format->pb->error;
    }
    if (rc < 0)
        return d.fail(detail::writeError(rc, d.finalPath, QStringLiteral("Finishing the video")));
    avio_closep(&d.format->pb);
    if (core::Status st = detail::commitFile(d.tempPath, d.finalPath); !st)
        return d.fail(st.error());
    d.fileCreated = false;
    d.state = Impl::State::Finished;
    return {};
}

qint64 Mp4Writer::videoFramesWritten() const
{
    return m_impl->framesWritten;
}

QString Mp4Writer::temporaryPath() const
{
    return m_impl->tempPath;
}

} // namespace kinora::media
