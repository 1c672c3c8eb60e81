// Internal to the media module: drawing on the export's yuv420p pictures without a round trip
// through RGB. An image is converted to premultiplied BT.709 YUV + alpha once, then blended.
#pragma once

#include "media/subtitles.h"

#include <QImage>
#include <QSize>
#include <vector>

struct AVFrame;

namespace kinora::media::detail {

/// @brief A premultiplied-alpha picture ready to blend into limited-range BT.709 yuv420p.
class YuvOverlay
{
public:
    YuvOverlay() = default;
    explicit YuvOverlay(const QImage &image);

    bool isNull() const { return m_width == 0; }
    int width() const { return m_width; }
    int height() const { return m_height; }

    /// @brief Blends at (x, y) (rounded down to even) with @p opacity in [0, 1]; parts outside
    /// the frame are clipped.
    void blendInto(AVFrame *frame, int x, int y, double opacity) const;

private:
    int m_width = 0;  ///< even
    int m_height = 0; ///< even
    std::vector<float> m_y, m_alpha;         ///< full resolution
    std::vector<float> m_u, m_v, m_alphaUv;  ///< half resolution
};

/// @brief A subtitle as it is burned in: white text with a dark outline, wrapped to 86% of the
/// frame width, text height about 4.5% of the frame height (at least 16 px).
QImage renderCaption(const SubtitleCue &cue, QSize frame);

/// @brief Where a caption image sits: bottom centre, its bottom edge @p bottomReserve pixels
/// above the frame's bottom (at least 6% of the height), so it never meets the watermark.
QPoint captionPosition(QSize caption, QSize frame, int bottomReserve);

} // namespace kinora::media::detail
