// VideoPicture: the one CPU colour conversion, for tests and colour probes only (BT.709).
#include "videopicture.h"

#include <algorithm>

namespace kinora::timeline {

QRgb VideoPicture::rgbAt(int x, int yPos) const
{
    if (isBlack() || x < 0 || yPos < 0 || x >= width || yPos >= height)
        return qRgb(0, 0, 0);
    double luma = y()[qsizetype(yPos) * width + x];
    double cb = u()[qsizetype(yPos / 2) * chromaWidth() + x / 2] - 128.0;
    double cr = v()[qsizetype(yPos / 2) * chromaWidth() + x / 2] - 128.0;
    if (!fullRange) {
        luma = (luma - 16.0) * 255.0 / 219.0;
        cb *= 255.0 / 224.0;
        cr *= 255.0 / 224.0;
    }
    auto clamp = [](double c) { return std::clamp(int(c + 0.5), 0, 255); };
    return qRgb(clamp(luma + 1.5748 * cr), clamp(luma - 0.1873 * cb - 0.4681 * cr), clamp(luma + 1.8556 * cb));
}

} // namespace kinora::timeline
