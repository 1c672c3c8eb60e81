// VideoPicture: one decoded picture as planar YUV 4:2:0 (the decoder's own layout), so the
// preview path never converts colour on the CPU; the scene graph does it on the GPU.
#pragma once

#include <QByteArray>
#include <QRgb>

namespace kinora::timeline {

/// @brief A picture in planar YUV 4:2:0, planes packed without padding (Y: width x height,
/// U and V: (width+1)/2 x (height+1)/2). Empty (width 0) means black, e.g. for a gap.
struct VideoPicture
{
    int width = 0;
    int height = 0;
    bool fullRange = false; ///< JPEG range (0..255) instead of video range (16..235)
    QByteArray planes;      ///< Y, then U, then V

    bool isBlack() const { return width <= 0 || planes.isEmpty(); }
    int chromaWidth() const { return (width + 1) / 2; }
    int chromaHeight() const { return (height + 1) / 2; }
    const uchar *y() const { return reinterpret_cast<const uchar *>(planes.constData()); }
    const uchar *u() const { return y() + qsizetype(width) * height; }
    const uchar *v() const { return u() + qsizetype(chromaWidth()) * chromaHeight(); }
    /// @brief Colour at (x, y) converted with BT.709 (what Kinora's encoder declares); black when empty.
    QRgb rgbAt(int x, int y) const;
};

} // namespace kinora::timeline
