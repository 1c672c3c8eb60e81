// The export's frame source: a producer thread that reads the clips in order, fits each picture
// into the canvas and draws the watermark and burned captions in YUV, a few frames ahead.
#include "media/exporterframes.h"

#include "media/exporterdecoder.h"
#include "media/exporteroverlay.h"
#include "media/watermark.h"

#include <QHash>
#include <algorithm>
#include <optional>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/imgutils.h>
#include <libavutil/mathematics.h>
#include <libswscale/swscale.h>
}

namespace kinora::media::detail {

namespace {

core::Error plainError(const QString &message)
{
    return core::Error{message, {}};
}

/// Fits a picture of @p source (with its pixel aspect) into @p canvas; even edges for 4:2:0.
QRect fitRect(const AVFrame *source, QSize canvas)
{
    double sar = source->sample_aspect_ratio.num > 0 ? av_q2d(source->sample_aspect_ratio) : 1.0;
    const double width = source->width * sar, height = source->height;
    const double scale = std::min(canvas.width() / width, canvas.height() / height);
    const int w = std::min(canvas.width(), int(std::lround(width * scale / 2)) * 2);
    const int h = std::min(canvas.height(), int(std::lround(height * scale / 2)) * 2);
    return QRect(((canvas.width() - w) / 2) & ~1, ((canvas.height() - h) / 2) & ~1, w, h);
}

void fillBlack(AVFrame *frame)
{
    for (int y = 0; y < frame->height; ++y)
        std::fill_n(frame->data[0] + qint64(y) * frame->linesize[0], frame->width, std::uint8_t(16));
    for (int plane = 1; plane < 3; ++plane)
        for (int y = 0; y < frame->height / 2; ++y)
            std::fill_n(frame->data[plane] + qint64(y) * frame->linesize[plane], frame->width / 2, std::uint8_t(128));
}

/// Everything that lives for one export: the clean (unmarked) canvas and the overlays.
struct Compositor
{
    QSize canvas;
    AVFrame *clean = nullptr;
    SwsContext *scaler = nullptr;
    QRect lastRect;
    std::optional<Watermark> mark; ///< absent for an unmarked render (drawing it needs fonts)
    detail::YuvOverlay markOverlay;
    QHash<int, detail::YuvOverlay> captions; ///< by film cue index
    QList<SubtitleCue> burnCues;

    Compositor(QSize size, bool watermark, const QString &handle) : canvas(size)
    {
        if (watermark) {
            mark.emplace(handle, size);
            markOverlay = detail::YuvOverlay(mark->image());
        }
    }
    ~Compositor()
    {
        av_frame_free(&clean);
        sws_freeContext(scaler);
    }

    core::Status prepare()
    {
        clean = av_frame_alloc();
        if (!clean)
            return plainError(QStringLiteral("Out of memory while preparing the export."));
        clean->format = AV_PIX_FMT_YUV420P;
        clean->width = canvas.width();
        clean->height = canvas.height();
        if (av_frame_get_buffer(clean, 0) < 0)
            return plainError(QStringLiteral("Out of memory while preparing the export."));
        fillBlack(clean);
        return {};
    }

    /// Puts a new source picture on the clean canvas.
    core::Status place(const AVFrame *source, const QString &label)
    {
        const QRect rect = fitRect(source, canvas);
        if (rect != lastRect) {
            fillBlack(clean); // the bars of an earlier, differently shaped clip must go
            lastRect = rect;
        }
        std::uint8_t *dst[4] = {clean->data[0] + qint64(rect.y()) * clean->linesize[0] + rect.x(),
                                clean->data[1] + qint64(rect.y() / 2) * clean->linesize[1] + rect.x() / 2,
                                clean->data[2] + qint64(rect.y() / 2) * clean->linesize[2] + rect.x() / 2, nullptr};
        if (source->format == AV_PIX_FMT_YUV420P && source->width == rect.width() && source->height == rect.height()
            && source->colorspace != AVCOL_SPC_BT470BG && source->colorspace != AVCOL_SPC_SMPTE170M
            && source->color_range != AVCOL_RANGE_JPEG) {
            // Same size and layout: a plain copy is exact and costs no filtering.
            av_image_copy(dst, clean->linesize, const_cast<const std::uint8_t **>(source->data), source->linesize,
                          AV_PIX_FMT_YUV420P, rect.width(), rect.height());
            return {};
        }
        scaler = sws_getCachedContext(scaler, source->width, source->height, AVPixelFormat(source->format), rect.width(),
                                      rect.height(), AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr);
        if (!scaler)
            return plainError(QStringLiteral("%1: the picture format cannot be converted.").arg(label));
        const int *from = sws_getCoefficients(source->colorspace);
        sws_setColorspaceDetails(scaler, from, source->color_range == AVCOL_RANGE_JPEG,
                                 sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
        sws_scale(scaler, source->data, source->linesize, 0, source->height, dst, clean->linesize);
        return {};
    }

    /// Copies the clean canvas into @p out and draws the mark and the caption for @p seconds.
    void compose(AVFrame *out, double seconds)
    {
        av_frame_copy(out, clean);
        if (mark) {
            const Watermark::Placement at = mark->placementAt(seconds);
            markOverlay.blendInto(out, at.topLeft.x(), at.topLeft.y(), at.opacity);
        }
        for (int i = 0; i < burnCues.size(); ++i) {
            const SubtitleCue &cue = burnCues[i];
            if (seconds + 1e-6 < cue.startSeconds || seconds >= cue.endSeconds)
                continue;
            auto it = captions.find(i);
            if (it == captions.end())
                it = captions.insert(i, detail::YuvOverlay(detail::renderCaption(cue, canvas)));
            // Captions stay above the band the mark uses in the bottom corners.
            int reserve = 0;
            if (mark)
                reserve = canvas.height() - mark->cornerPosition(Watermark::Corner::BottomLeft).y() + canvas.height() / 80;
            const QPoint pos = detail::captionPosition(QSize(it->width(), it->height()), canvas, reserve);
            it->blendInto(out, pos.x(), pos.y(), 1.0);
        }
    }
};

} // namespace

FrameSource::FrameSource(QList<ExportClip> clips, QList<qint64> bounds, int fps, QSize canvas, bool watermark,
                         QString handle, QList<SubtitleCue> burnCues)
    : m_clips(std::move(clips)), m_bounds(std::move(bounds)), m_fps(fps), m_canvas(canvas), m_watermark(watermark),
      m_handle(std::move(handle)), m_burnCues(std::move(burnCues))
{
}

FrameSource::~FrameSource()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    for (ComposedFrame &f : m_ready)
        av_frame_free(&f.picture);
    for (AVFrame *f : m_free)
        av_frame_free(&f);
}

void FrameSource::start()
{
    m_thread = std::thread([this] { run(); });
}

void FrameSource::run()
{
    const core::Status st = produce();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_error = st;
    m_done = true;
    m_changed.notify_all();
}

bool FrameSource::next(ComposedFrame &frame, core::Status *error)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    if (!m_ready.empty()) {
        frame = std::move(m_ready.front());
        m_ready.pop_front();
        m_changed.notify_all();
        return true;
    }
    *error = m_error;
    return false;
}

void FrameSource::recycle(AVFrame *picture)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_free.push_back(picture);
    m_changed.notify_all();
}

core::Result<AVFrame *> FrameSource::freePicture()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_free.empty()) {
            AVFrame *picture = m_free.back();
            m_free.pop_back();
            // The encoder may still hold a reference; then this makes a private copy first.
            if (av_frame_make_writable(picture) < 0) {
                av_frame_free(&picture);
                return plainError(QStringLiteral("Out of memory while composing the film."));
            }
            return picture;
        }
    }
    AVFrame *picture = av_frame_alloc();
    if (picture) {
        picture->format = AV_PIX_FMT_YUV420P;
        picture->width = m_canvas.width();
        picture->height = m_canvas.height();
    }
    if (!picture || av_frame_get_buffer(picture, 0) < 0) {
        av_frame_free(&picture);
        return plainError(QStringLiteral("Out of memory while composing the film."));
    }
    return picture;
}

bool FrameSource::push(ComposedFrame frame)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return m_ready.size() < kAhead || m_stop; });
    if (m_stop) {
        lock.unlock();
        av_frame_free(&frame.picture);
        return false;
    }
    m_ready.push_back(std::move(frame));
    m_changed.notify_all();
    return true;
}

core::Status FrameSource::produce()
{
    Compositor compositor(m_canvas, m_watermark, m_handle);
    if (core::Status st = compositor.prepare(); !st)
        return st;
    compositor.burnCues = m_burnCues;
    for (int i = 0; i < m_clips.size(); ++i) {
        const ExportClip &clip = m_clips[i];
        const auto located = [&clip](const core::Error &e) {
            return core::Error{clip.label + QStringLiteral(": ") + e.message, e.location};
        };
        auto reader = ClipReader::open(clip.mediaPath, clip.inSeconds);
        if (!reader)
            return located(reader.error());
        const qint64 audioStart = av_rescale(m_bounds[i], ClipReader::kSampleRate, m_fps);
        qint64 audioDone = 0;
        for (qint64 index = m_bounds[i]; index < m_bounds[i + 1]; ++index) {
            bool changed = false;
            auto source = reader.value()->pictureAt(clip.inSeconds + double(index - m_bounds[i]) / m_fps, &changed);
            if (!source)
                return located(source.error());
            if (changed) {
                if (core::Status st = compositor.place(source.value(), clip.label); !st)
                    return st;
            }
            auto picture = freePicture();
            if (!picture)
                return picture.error();
            ComposedFrame frame;
            frame.index = index;
            frame.picture = picture.value();
            compositor.compose(frame.picture, double(index) / m_fps);
            // The sound of exactly this frame's duration, so clip boundaries never drift.
            const qint64 audioDue = av_rescale(index + 1, ClipReader::kSampleRate, m_fps) - audioStart;
            core::Status st = reader.value()->readAudio(audioDue - audioDone, frame.pcm);
            audioDone = audioDue;
            if (!st) {
                av_frame_free(&frame.picture);
                return located(st.error());
            }
            if (!push(std::move(frame)))
                return {}; // stopped: the consumer has gone
        }
    }
    return {};
}

} // namespace kinora::media::detail
