// Real takes for timeline tests and the playback benchmark: H.264 + AAC MP4s written with the
// studio's own Mp4Writer, one flat colour per clip, the frame number drawn as 8 binary blocks
// along the bottom, and a steady tone per clip, so any picture or sound can be identified.
#pragma once

#include "media/mp4writer.h"
#include "videopicture.h"

#include <QByteArray>
#include <QColor>
#include <QString>
#include <cmath>
#include <vector>

namespace kinora::test {

struct ClipLook
{
    QColor colour;
    double toneHz = 440;
};

inline constexpr int kIdBits = 8;

/// @brief Writes @p frames frames of @p look at width x height, 24 fps, with a 0.5-amplitude tone.
inline core::Status writeTestTake(const QString &path, const ClipLook &look, int frames, int width = 320,
                                  int height = 180, int fps = 24)
{
    auto opened = media::Mp4Writer::open(path, {width, height, fps}, {});
    if (!opened)
        return opened.error();
    media::Mp4Writer &writer = *opened.value();
    const int idTop = height * 2 / 3;
    const int spf = 48000 / fps;
    std::vector<float> tone(size_t(spf) * 2);
    QByteArray rgb(width * height * 3, Qt::Uninitialized);
    for (int f = 0; f < frames; ++f) {
        auto *p = reinterpret_cast<std::uint8_t *>(rgb.data());
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x, p += 3) {
                if (y < idTop) {
                    p[0] = std::uint8_t(look.colour.red());
                    p[1] = std::uint8_t(look.colour.green());
                    p[2] = std::uint8_t(look.colour.blue());
                } else {
                    const int bit = x * kIdBits / width;
                    const std::uint8_t v = (f >> bit) & 1 ? 235 : 16;
                    p[0] = p[1] = p[2] = v;
                }
            }
        }
        if (core::Status st = writer.writeVideoFrame(reinterpret_cast<const std::uint8_t *>(rgb.constData()), width * 3); !st)
            return st;
        for (int i = 0; i < spf; ++i)
            tone[2 * i] = tone[2 * i + 1] = 0.5f * float(std::sin(2 * M_PI * look.toneHz * double(qint64(f) * spf + i) / 48000));
        if (core::Status st = writer.writeAudio(tone.data(), spf); !st)
            return st;
    }
    return writer.finish();
}

/// @brief The frame number drawn into a picture by writeTestTake (-1 for a black picture).
inline int frameIdOf(const timeline::VideoPicture &pic)
{
    if (pic.isBlack())
        return -1;
    const int y = pic.height * 5 / 6;
    int id = 0;
    for (int bit = 0; bit < kIdBits; ++bit) {
        const int x = (2 * bit + 1) * pic.width / (2 * kIdBits);
        if (qGray(pic.rgbAt(x, y)) > 128)
            id |= 1 << bit;
    }
    return id;
}

/// @brief Zero crossings per second of the left channel: about twice the tone's frequency.
inline double crossingRate(const float *interleaved, int frames)
{
    int crossings = 0;
    for (int i = 1; i < frames; ++i)
        crossings += (interleaved[2 * (i - 1)] < 0) != (interleaved[2 * i] < 0);
    return crossings * 48000.0 / std::max(1, frames - 1);
}

} // namespace kinora::test
