// FilmEncoder: libx264 (all cores) + AacFeed + mov_text into the MP4 muxer via "<path>.partial".
// Mirrors Mp4Writer's failure rules, with yuv420p input and a subtitle track added.
#include "media/exporterencoder.h"

#include "media/aacfeed.h"
#include "media/atomicfile.h"
#include "media/ffmpegsupport.h"

#include <QDir>
#include <QFile>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
}

#include <cstring>

namespace kinora::media::detail {

namespace {

// The mov_text encoder reads styles from an ASS header; one plain style is all a share copy needs.
constexpr const char *kAssHeader =
    "[Script Info]\r\nScriptType: v4.00+\r\nPlayResX: 384\r\nPlayResY: 288\r\n\r\n"
    "[V4+ Styles]\r\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
    "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
    "Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\r\n"
    "Style: Default,Sans,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\r\n\r\n"
    "[Events]\r\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n";

QByteArray assDialogue(const SubtitleCue &cue)
{
    QString text = cue.speaker.isEmpty() ? cue.text : cue.speaker + QStringLiteral(": ") + cue.text;
    text.replace(QLatin1Char('\r'), QString()).replace(QLatin1Char('\n'), QStringLiteral("\\N"));
    return QByteArrayLiteral("0,0,Default,,0,0,0,,") + text.toUtf8();
}

} // namespace

struct FilmEncoder::Impl
{
    Config config;
    QString tempPath;
    AVFormatContext *format = nullptr;
    AVCodecContext *videoCodec = nullptr;
    AVCodecContext *textCodec = nullptr;
    AVStream *videoStream = nullptr;
    AVStream *audioStream = nullptr;
    AVStream *textStream = nullptr;
    AVPacket *packet = nullptr;
    std::unique_ptr<AacFeed> audio;
    qint64 frames = 0;
    bool fileCreated = false;
    bool finished = false;
    core::Status failure;

    ~Impl()
    {
        if (!finished)
            closeAndRemove();
        av_packet_free(&packet);
        avcodec_free_context(&videoCodec);
        avcodec_free_context(&textCodec);
        audio.reset();
        avformat_free_context(format);
    }

    void closeAndRemove() { detail::closeAndRemoveOutput(format, tempPath, fileCreated); }

    core::Status fail(core::Error error)
    {
        if (error.location.isEmpty())
            error.location = QDir::toNativeSeparators(config.finalPath);
        failure = error;
        closeAndRemove();
        return error;
    }

    core::Error plain(const QString &message) const
    {
        return core::Error{message, QDir::toNativeSeparators(config.finalPath)};
    }

    core::Status writePacket(AVPacket *pkt, AVRational from, AVStream *stream)
    {
        av_packet_rescale_ts(pkt, from, stream->time_base);
        pkt->stream_index = stream->index;
        int rc = av_interleaved_write_frame(format, pkt);
        if (rc >= 0 && format->pb->error < 0)
            rc = format->pb->error;
        if (rc < 0)
            return writeError(rc, config.finalPath, QStringLiteral("Writing the film"));
        return {};
    }

    core::Status drainVideo()
    {
        while (true) {
            const int rc = avcodec_receive_packet(videoCodec, packet);
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                return {};
            if (rc < 0)
                return plain(QStringLiteral("Video encoding failed: %1.").arg(avErrorText(rc)));
            if (packet->duration == 0)
                packet->duration = 1;
            core::Status st = writePacket(packet, videoCodec->time_base, videoStream);
            av_packet_unref(packet);
            if (!st)
                return st;
        }
    }

    AacFeed::PacketSink audioSink()
    {
        return [this](AVPacket *pkt) { return writePacket(pkt, audio->codec()->time_base, audioStream); };
    }

    qint64 videoEndSample() const { return av_rescale(frames, AacFeed::kSampleRate, config.video.fps); }

    core::Status openVideo();
    core::Status openText();
    core::Status openFile();
};

core::Status FilmEncoder::Impl::openVideo()
{
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        return plain(QStringLiteral("This FFmpeg build has no H.264 encoder (libx264); install the libavcodec "
                                    "package with x264 support."));
    videoCodec = avcodec_alloc_context3(codec);
    packet = av_packet_alloc();
    if (!videoCodec || !packet)
        return plain(QStringLiteral("Out of memory while preparing the video encoder."));
    const VideoFormat &v = config.video;
    videoCodec->width = v.width;
    videoCodec->height = v.height;
    videoCodec->pix_fmt = AV_PIX_FMT_YUV420P;
    videoCodec->time_base = AVRational{1, v.fps};
    videoCodec->framerate = AVRational{v.fps, 1};
    videoCodec->sample_aspect_ratio = AVRational{1, 1};
    videoCodec->color_primaries = AVCOL_PRI_BT709;
    videoCodec->color_trc = AVCOL_TRC_BT709;
    videoCodec->colorspace = AVCOL_SPC_BT709;
    videoCodec->color_range = AVCOL_RANGE_MPEG;
    videoCodec->thread_count = 0; // x264's own frame threads on every core, as the ffmpeg tool does
    if (format->oformat->flags & AVFMT_GLOBALHEADER)
        videoCodec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(videoCodec->priv_data, "preset", config.options.preset.toUtf8().constData(), 0);
    av_opt_set_double(videoCodec->priv_data, "crf", config.options.crf, 0);
    if (int rc = avcodec_open2(videoCodec, codec, nullptr); rc < 0)
        return plain(QStringLiteral("Could not start the H.264 encoder: %1.").arg(avErrorText(rc)));
    videoStream = avformat_new_stream(format, nullptr);
    if (!videoStream)
        return plain(QStringLiteral("Out of memory while preparing the film file."));
    videoStream->time_base = videoCodec->time_base;
    videoStream->avg_frame_rate = videoCodec->framerate;
    if (int rc = avcodec_parameters_from_context(videoStream->codecpar, videoCodec); rc < 0)
        return plain(QStringLiteral("Could not describe the video track: %1.").arg(avErrorText(rc)));
    return {};
}

core::Status FilmEncoder::Impl::openText()
{
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_MOV_TEXT);
    if (!codec)
        return plain(QStringLiteral("This FFmpeg build cannot write MP4 subtitles (mov_text); export with "
                                    "burned-in subtitles instead."));
    textCodec = avcodec_alloc_context3(codec);
    if (!textCodec)
        return plain(QStringLiteral("Out of memory while preparing the subtitle track."));
    textCodec->time_base = AVRational{1, 1000};
    textCodec->width = config.video.width;
    textCodec->height = config.video.height;
    const size_t headerSize = std::strlen(kAssHeader);
    textCodec->subtitle_header = static_cast<uint8_t *>(av_mallocz(headerSize + 1));
    if (!textCodec->subtitle_header)
        return plain(QStringLiteral("Out of memory while preparing the subtitle track."));
    std::memcpy(textCodec->subtitle_header, kAssHeader, headerSize);
    textCodec->subtitle_header_size = int(headerSize);
    if (int rc = avcodec_open2(textCodec, codec, nullptr); rc < 0)
        return plain(QStringLiteral("Could not start the subtitle encoder: %1.").arg(avErrorText(rc)));
    textStream = avformat_new_stream(format, nullptr);
    if (!textStream)
        return plain(QStringLiteral("Out of memory while preparing the film file."));
    textStream->time_base = textCodec->time_base;
    if (int rc = avcodec_parameters_from_context(textStream->codecpar, textCodec); rc < 0)
        return plain(QStringLiteral("Could not describe the subtitle track: %1.").arg(avErrorText(rc)));
    return {};
}

core::Status FilmEncoder::Impl::openFile()
{
    const QByteArray url = fileUrl(tempPath);
    if (int rc = avio_open2(&format->pb, url.constData(), AVIO_FLAG_WRITE, nullptr, nullptr); rc < 0)
        return isOutOfSpace(rc) ? writeError(rc, config.finalPath, {})
                                : core::Error{QStringLiteral("Could not create the film file: %1. Check that the "
                                                             "folder exists and is writable.")
                                                  .arg(avErrorText(rc)),
                                              QDir::toNativeSeparators(config.finalPath)};
    fileCreated = true;
    AVDictionary *options = nullptr;
    if (config.options.faststart)
        av_dict_set(&options, "movflags", "+faststart", 0);
    int rc = avformat_write_header(format, &options);
    av_dict_free(&options);
    if (rc >= 0 && format->pb->error < 0)
        rc = format->pb->error;
    if (rc < 0)
        return writeError(rc, config.finalPath, QStringLiteral("Starting the film file"));
    return {};
}

core::Result<std::unique_ptr<FilmEncoder>> FilmEncoder::open(const Config &config)
{
    routeFfmpegLog();
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->tempPath = config.finalPath + QStringLiteral(".partial");
    const QByteArray url = fileUrl(impl->tempPath);
    if (avformat_alloc_output_context2(&impl->format, nullptr, "mp4", url.constData()) < 0 || !impl->format)
        return impl->plain(QStringLiteral("This FFmpeg build cannot write MP4 files."));
    core::Status st = impl->openVideo();
    if (st) {
        auto feed = AacFeed::create(AudioFormat{AacFeed::kSampleRate, AacFeed::kChannels},
                                    impl->format->oformat->flags & AVFMT_GLOBALHEADER);
        if (!feed)
            st = impl->plain(feed.error().message);
        else
            impl->audio = std::move(feed).value();
    }
    if (st) {
        impl->audioStream = avformat_new_stream(impl->format, nullptr);
        if (!impl->audioStream)
            st = impl->plain(QStringLiteral("Out of memory while preparing the film file."));
    }
    if (st) {
        impl->audioStream->time_base = impl->audio->codec()->time_base;
        if (int rc = avcodec_parameters_from_context(impl->audioStream->codecpar, impl->audio->codec()); rc < 0)
            st = impl->plain(QStringLiteral("Could not describe the audio track: %1.").arg(avErrorText(rc)));
    }
    if (st && config.subtitleTrack)
        st = impl->openText();
    if (st)
        st = impl->openFile();
    if (!st)
        return impl->fail(st.error()).error();
    return std::unique_ptr<FilmEncoder>(new FilmEncoder(std::move(impl)));
}

FilmEncoder::FilmEncoder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

FilmEncoder::~FilmEncoder() = default;

core::Status FilmEncoder::writeFrame(AVFrame *picture)
{
    Impl &d = *m_impl;
    if (!d.failure)
        return d.failure;
    if (!picture || picture->format != AV_PIX_FMT_YUV420P || picture->width != d.config.video.width
        || picture->height != d.config.video.height)
        return d.fail(d.plain(QStringLiteral("The composed picture does not match the film's size.")));
    picture->pts = d.frames;
    picture->color_primaries = AVCOL_PRI_BT709;
    picture->color_trc = AVCOL_TRC_BT709;
    picture->colorspace = AVCOL_SPC_BT709;
    picture->color_range = AVCOL_RANGE_MPEG;
    if (int rc = avcodec_send_frame(d.videoCodec, picture); rc < 0)
        return d.fail(d.plain(QStringLiteral("Video encoding failed: %1.").arg(avErrorText(rc))));
    ++d.frames;
    core::Status st = d.drainVideo();
    if (st)
        st = d.audio->encodeUpTo(d.videoEndSample(), d.audioSink());
    return st ? st : d.fail(st.error());
}

core::Status FilmEncoder::writeAudio(const float *interleaved, qint64 frameCount)
{
    Impl &d = *m_impl;
    if (!d.failure)
        return d.failure;
    core::Status st;
    // AacFeed takes int counts; a clip's sound comes in per-frame slices, far below the limit.
    for (qint64 done = 0; st && done < frameCount;) {
        const int part = int(std::min<qint64>(frameCount - done, 1 << 20));
        st = d.audio->push(interleaved + done * AacFeed::kChannels, part);
        done += part;
    }
    if (st)
        st = d.audio->encodeUpTo(d.videoEndSample(), d.audioSink());
    return st ? st : d.fail(st.error());
}

core::Status FilmEncoder::writeCue(const SubtitleCue &cue)
{
    Impl &d = *m_impl;
    if (!d.failure)
        return d.failure;
    if (!d.textCodec)
        return {};
    const qint64 startMs = std::llround(cue.startSeconds * 1000.0);
    const qint64 endMs = std::llround(cue.endSeconds * 1000.0);
    if (endMs <= startMs)
        return {};
    QByteArray dialogue = assDialogue(cue);
    AVSubtitleRect rect{};
    rect.type = SUBTITLE_ASS;
    rect.ass = dialogue.data();
    AVSubtitleRect *rects[1] = {&rect};
    AVSubtitle sub{};
    sub.format = 1; // text
    sub.start_display_time = 0;
    sub.end_display_time = uint32_t(endMs - startMs);
    sub.num_rects = 1;
    sub.rects = rects;
    sub.pts = av_rescale(startMs, AV_TIME_BASE, 1000);
    QByteArray buffer(64 + dialogue.size() * 4, Qt::Uninitialized);
    const int size = avcodec_encode_subtitle(d.textCodec, reinterpret_cast<uint8_t *>(buffer.data()),
                                             int(buffer.size()), &sub);
    if (size < 0)
        return d.fail(d.plain(QStringLiteral("The subtitle \"%1\" could not be encoded: %2.")
                                  .arg(cue.text.left(40), avErrorText(size))));
    if (av_new_packet(d.packet, size) < 0)
        return d.fail(d.plain(QStringLiteral("Out of memory while writing subtitles.")));
    std::memcpy(d.packet->data, buffer.constData(), size_t(size));
    d.packet->pts = d.packet->dts = startMs;
    d.packet->duration = endMs - startMs;
    core::Status st = d.writePacket(d.packet, d.textCodec->time_base, d.textStream);
    av_packet_unref(d.packet);
    return st ? st : d.fail(st.error());
}

core::Status FilmEncoder::finish()
{
    Impl &d = *m_impl;
    if (!d.failure)
        return d.failure;
    if (d.frames == 0)
        return d.fail(d.plain(QStringLiteral("The film has no frames; choose at least one shot or a longer range.")));
    if (int rc = avcodec_send_frame(d.videoCodec, nullptr); rc < 0)
        return d.fail(d.plain(QStringLiteral("Video encoding failed: %1.").arg(avErrorText(rc))));
    if (core::Status st = d.drainVideo(); !st)
        return d.fail(st.error());
    if (core::Status st = d.audio->finish(d.videoEndSample(), d.audioSink()); !st)
        return d.fail(st.error());
    // With faststart the trailer rewrites the whole file to move the index up front: a second
    // full write, so a nearly full disk can fail here too.
    int rc = av_write_trailer(d.format);
    if (rc >= 0) {
        avio_flush(d.format->pb);
        rc = d.format->pb->error;
    }
    if (rc < 0)
        return d.fail(writeError(rc, d.config.finalPath, QStringLiteral("Finishing the film")));
    rc = avio_closep(&d.format->pb);
    if (rc < 0)
        return d.fail(writeError(rc, d.config.finalPath, QStringLiteral("Closing the film file")));
    if (core::Status st = commitFile(d.tempPath, d.config.finalPath); !st)
        return d.fail(st.error());
    d.fileCreated = false;
    d.finished = true;
    return {};
}

qint64 FilmEncoder::framesWritten() const
{
    return m_impl->frames;
}

QString FilmEncoder::temporaryPath() const
{
    return m_impl->tempPath;
}

} // namespace kinora::media::detail
