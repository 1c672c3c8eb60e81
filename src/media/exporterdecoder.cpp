// The export's clip reader: libavformat demux, frame-threaded picture decoding, swresample to
// 48 kHz stereo float. Also answers how long a media file is, for building cuts.
#include "media/exporterdecoder.h"

#include "media/exporter.h"
#include "media/ffmpegsupport.h"

#include <QDir>
#include <algorithm>
#include <cmath>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

namespace kinora::media {

namespace detail {

namespace {

// Half a millisecond: a picture stamped 1.0415 s is the one for 1.0416 s, not the one before.
constexpr double kTimeSlack = 0.0005;

double frameSeconds(const AVFrame *frame, AVRational timeBase, double origin)
{
    const int64_t ts = frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
    return ts == AV_NOPTS_VALUE ? 0.0 : ts * av_q2d(timeBase) - origin;
}

} // namespace

core::Error ClipReader::error(const QString &message) const
{
    return core::Error{message, QDir::toNativeSeparators(m_path)};
}

core::Result<std::unique_ptr<ClipReader>> ClipReader::open(const QString &path, double inSeconds)
{
    routeFfmpegLog();
    std::unique_ptr<ClipReader> r(new ClipReader);
    r->m_path = path;
    r->m_in = std::max(0.0, inSeconds);
    r->m_packet = av_packet_alloc();
    r->m_decoded = av_frame_alloc();
    if (!r->m_packet || !r->m_decoded)
        return r->error(QStringLiteral("Out of memory while opening the clip."));
    const QByteArray url = fileUrl(path);
    if (int rc = avformat_open_input(&r->m_format, url.constData(), nullptr, nullptr); rc < 0)
        return r->error(QStringLiteral("Could not open the clip: %1.").arg(avErrorText(rc)));
    if (int rc = avformat_find_stream_info(r->m_format, nullptr); rc < 0)
        return r->error(QStringLiteral("The clip could not be read: %1.").arg(avErrorText(rc)));
    r->m_videoIndex = av_find_best_stream(r->m_format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (r->m_videoIndex < 0)
        return r->error(QStringLiteral("The clip has no video track that can be decoded."));
    r->m_audioIndex = av_find_best_stream(r->m_format, AVMEDIA_TYPE_AUDIO, -1, r->m_videoIndex, nullptr, 0);
    if (core::Status st = r->openDecoder(r->m_videoIndex, &r->m_video); !st)
        return st.error();
    if (r->m_audioIndex >= 0) {
        if (core::Status st = r->openDecoder(r->m_audioIndex, &r->m_audioCodec); !st)
            return st.error();
    } else {
        r->m_audioEnded = true; // a silent clip: readAudio() hands out silence
    }
    if (r->m_format->start_time != AV_NOPTS_VALUE)
        r->m_origin = r->m_format->start_time / double(AV_TIME_BASE);
    if (r->m_in > 0) {
        const int64_t target = int64_t((r->m_in + r->m_origin) * AV_TIME_BASE);
        if (int rc = av_seek_frame(r->m_format, -1, target, AVSEEK_FLAG_BACKWARD); rc < 0)
            return r->error(QStringLiteral("Could not seek to %1 s in the clip: %2.").arg(r->m_in).arg(avErrorText(rc)));
    }
    return r;
}

ClipReader::~ClipReader()
{
    for (AVFrame *f : m_ahead)
        av_frame_free(&f);
    av_frame_free(&m_current);
    av_frame_free(&m_decoded);
    av_packet_free(&m_packet);
    swr_free(&m_resampler);
    avcodec_free_context(&m_video);
    avcodec_free_context(&m_audioCodec);
    avformat_close_input(&m_format);
}

core::Status ClipReader::openDecoder(int streamIndex, AVCodecContext **codec)
{
    const AVStream *stream = m_format->streams[streamIndex];
    const AVCodec *decoder = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!decoder)
        return error(QStringLiteral("The clip uses a codec this FFmpeg build cannot decode (%1).")
                         .arg(QString::fromUtf8(avcodec_get_name(stream->codecpar->codec_id))));
    *codec = avcodec_alloc_context3(decoder);
    if (!*codec)
        return error(QStringLiteral("Out of memory while opening the clip."));
    avcodec_parameters_to_context(*codec, stream->codecpar);
    (*codec)->pkt_timebase = stream->time_base;
    // One thread: the export decodes on its own thread already, beside the encoder's; frame
    // threads here would only add CPU time that x264 needs (measured with bench_export).
    (*codec)->thread_count = 1;
    if (int rc = avcodec_open2(*codec, decoder, nullptr); rc < 0)
        return error(QStringLiteral("Could not start the decoder: %1.").arg(avErrorText(rc)));
    return {};
}

core::Status ClipReader::pump()
{
    if (m_demuxEnded)
        return {};
    const int rc = av_read_frame(m_format, m_packet);
    if (rc == AVERROR_EOF) {
        m_demuxEnded = true;
        avcodec_send_packet(m_video, nullptr);
        if (m_audioCodec)
            avcodec_send_packet(m_audioCodec, nullptr);
        core::Status st = receiveVideo();
        return st ? (m_audioCodec ? receiveAudio() : st) : st;
    }
    if (rc < 0)
        return error(QStringLiteral("The clip could not be read: %1.").arg(avErrorText(rc)));
    core::Status st;
    if (m_packet->stream_index == m_videoIndex) {
        const int sent = avcodec_send_packet(m_video, m_packet);
        if (sent < 0 && sent != AVERROR(EAGAIN))
            st = error(QStringLiteral("The clip is damaged: %1.").arg(avErrorText(sent)));
        else
            st = receiveVideo();
    } else if (m_packet->stream_index == m_audioIndex && !m_audioEnded) {
        const int sent = avcodec_send_packet(m_audioCodec, m_packet);
        if (sent < 0 && sent != AVERROR(EAGAIN))
            st = error(QStringLiteral("The clip's sound is damaged: %1.").arg(avErrorText(sent)));
        else
            st = receiveAudio();
    }
    av_packet_unref(m_packet);
    return st;
}

core::Status ClipReader::receiveVideo()
{
    while (true) {
        const int rc = avcodec_receive_frame(m_video, m_decoded);
        if (rc == AVERROR(EAGAIN))
            return {};
        if (rc == AVERROR_EOF) {
            m_videoEnded = true;
            return {};
        }
        if (rc < 0)
            return error(QStringLiteral("The clip is damaged: %1.").arg(avErrorText(rc)));
        AVFrame *kept = av_frame_alloc();
        if (!kept)
            return error(QStringLiteral("Out of memory while decoding the clip."));
        av_frame_move_ref(kept, m_decoded);
        m_ahead.push_back(kept);
    }
}

core::Status ClipReader::receiveAudio()
{
    const AVRational timeBase = m_format->streams[m_audioIndex]->time_base;
    while (true) {
        const int rc = avcodec_receive_frame(m_audioCodec, m_decoded);
        if (rc == AVERROR(EAGAIN))
            return {};
        if (rc == AVERROR_EOF) {
            m_audioEnded = true;
            if (!m_resampler)
                return {};
            return appendAudio(nullptr, 0, 0); // the resampler's delay line
        }
        if (rc < 0)
            return error(QStringLiteral("The clip's sound is damaged: %1.").arg(avErrorText(rc)));
        if (!m_resampler) {
            AVChannelLayout stereo;
            av_channel_layout_default(&stereo, kChannels);
            int sr = swr_alloc_set_opts2(&m_resampler, &stereo, AV_SAMPLE_FMT_FLT, kSampleRate, &m_decoded->ch_layout,
                                         AVSampleFormat(m_decoded->format), m_decoded->sample_rate, 0, nullptr);
            av_channel_layout_uninit(&stereo);
            if (sr >= 0)
                sr = swr_init(m_resampler);
            if (sr < 0) {
                av_frame_unref(m_decoded);
                return error(QStringLiteral("The clip's sound format is not supported: %1.").arg(avErrorText(sr)));
            }
        }
        core::Status st = appendAudio(const_cast<const std::uint8_t **>(m_decoded->extended_data),
                                      m_decoded->nb_samples, frameSeconds(m_decoded, timeBase, m_origin));
        av_frame_unref(m_decoded);
        if (!st)
            return st;
    }
}

core::Status ClipReader::appendAudio(const std::uint8_t **data, int samples, double startSeconds)
{
    const int capacity = swr_get_out_samples(m_resampler, samples);
    if (capacity <= 0)
        return {};
    m_convert.resize(size_t(capacity) * kChannels);
    std::uint8_t *dst[1] = {reinterpret_cast<std::uint8_t *>(m_convert.data())};
    const int converted = swr_convert(m_resampler, dst, capacity, data, samples);
    if (converted < 0)
        return error(QStringLiteral("The clip's sound could not be converted: %1.").arg(avErrorText(converted)));
    qint64 skip = 0;
    if (!m_audioStarted && data) {
        // Line the first decoded sound up with the clip's in point: cut what lies before it,
        // fill a late start with silence, so sound and picture stay together.
        m_audioStarted = true;
        const qint64 offset = std::llround((startSeconds - m_in) * kSampleRate);
        if (offset > 0)
            m_audio.insert(m_audio.end(), size_t(offset) * kChannels, 0.0f);
        else
            m_audioDropped = -offset;
    }
    skip = std::min<qint64>(m_audioDropped, converted);
    m_audioDropped -= skip;
    m_audio.insert(m_audio.end(), m_convert.begin() + skip * kChannels, m_convert.begin() + qint64(converted) * kChannels);
    return {};
}

core::Result<const AVFrame *> ClipReader::pictureAt(double seconds, bool *changed)
{
    *changed = false;
    const AVRational timeBase = m_format->streams[m_videoIndex]->time_base;
    while (true) {
        while (!m_ahead.empty() && (!m_current || frameSeconds(m_ahead.front(), timeBase, m_origin) <= seconds + kTimeSlack)) {
            av_frame_free(&m_current);
            m_current = m_ahead.front();
            m_ahead.pop_front();
            *changed = true;
        }
        // Done when the next picture is later than asked, or there is none and will be none.
        if (!m_ahead.empty() || m_videoEnded || m_demuxEnded)
            break;
        if (core::Status st = pump(); !st)
            return st.error();
    }
    if (!m_current)
        return error(QStringLiteral("The clip has no pictures after %1 s.").arg(m_in));
    return static_cast<const AVFrame *>(m_current);
}

core::Status ClipReader::readAudio(qint64 count, std::vector<float> &out)
{
    while (audioBuffered() < count && !m_audioEnded) {
        if (core::Status st = pump(); !st)
            return st;
        if (m_demuxEnded)
            m_audioEnded = true; // pump() drained the decoder at the end of the file
    }
    const qint64 available = std::min(count, audioBuffered());
    out.insert(out.end(), m_audio.begin(), m_audio.begin() + available * kChannels);
    m_audio.erase(m_audio.begin(), m_audio.begin() + available * kChannels);
    out.insert(out.end(), size_t(count - available) * kChannels, 0.0f);
    return {};
}

} // namespace detail

core::Result<double> mediaDurationSeconds(const QString &path)
{
    detail::routeFfmpegLog();
    const QString where = QDir::toNativeSeparators(path);
    AVFormatContext *format = nullptr;
    const QByteArray url = detail::fileUrl(path);
    if (int rc = avformat_open_input(&format, url.constData(), nullptr, nullptr); rc < 0)
        return core::Error{QStringLiteral("Could not open the media file: %1.").arg(detail::avErrorText(rc)), where};
    double seconds = 0;
    if (avformat_find_stream_info(format, nullptr) >= 0) {
        const int video = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (video >= 0 && format->streams[video]->duration > 0)
            seconds = format->streams[video]->duration * av_q2d(format->streams[video]->time_base);
        else if (format->duration > 0)
            seconds = format->duration / double(AV_TIME_BASE);
    }
    avformat_close_input(&format);
    if (seconds <= 0)
        return core::Error{QStringLiteral("The media file has no picture or no known duration."), where};
    return seconds;
}

} // namespace kinora::media
