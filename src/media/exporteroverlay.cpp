// YUV overlay blending for the watermark and burned subtitles, and the caption drawing.
// Blending in YUV keeps the export's per-frame cost to the mark's few thousand pixels.
#include "media/exporteroverlay.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <algorithm>
#include <cmath>

extern "C" {
#include <libavutil/frame.h>
}

namespace kinora::media::detail {

namespace {

// BT.709 luma weights; limited range puts luma in 16..235 and chroma in 16..240 around 128.
constexpr float kKr = 0.2126f, kKg = 0.7152f, kKb = 0.0722f;

struct Yuva
{
    float y, u, v, a; // premultiplied by a, a in [0, 1]
};

Yuva toYuva(QRgb premultiplied)
{
    const float a = qAlpha(premultiplied) / 255.0f;
    const float r = qRed(premultiplied) / 255.0f, g = qGreen(premultiplied) / 255.0f,
                b = qBlue(premultiplied) / 255.0f;
    const float luma = kKr * r + kKg * g + kKb * b;
    return {16.0f * a + 219.0f * luma, 128.0f * a + 224.0f * (b - luma) / 1.8556f,
            128.0f * a + 224.0f * (r - luma) / 1.5748f, a};
}

inline std::uint8_t blend(std::uint8_t under, float premultiplied, float alpha, float opacity)
{
    const float out = under * (1.0f - alpha * opacity) + premultiplied * opacity;
    return std::uint8_t(std::clamp(out + 0.5f, 0.0f, 255.0f));
}

} // namespace

YuvOverlay::YuvOverlay(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    m_width = (image.width() + 1) & ~1;
    m_height = (image.height() + 1) & ~1;
    const size_t full = size_t(m_width) * m_height;
    m_y.assign(full, 0.0f);
    m_alpha.assign(full, 0.0f);
    m_u.assign(full / 4, 0.0f);
    m_v.assign(full / 4, 0.0f);
    m_alphaUv.assign(full / 4, 0.0f);
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const Yuva p = toYuva(row[x]);
            const size_t i = size_t(y) * m_width + x;
            const size_t c = size_t(y / 2) * (m_width / 2) + x / 2;
            m_y[i] = p.y;
            m_alpha[i] = p.a;
            // A chroma sample covers 2x2 pixels: average them (premultiplied, so it stays exact).
            m_u[c] += p.u * 0.25f;
            m_v[c] += p.v * 0.25f;
            m_alphaUv[c] += p.a * 0.25f;
        }
    }
}

void YuvOverlay::blendInto(AVFrame *frame, int x, int y, double opacity) const
{
    if (isNull() || opacity <= 0)
        return;
    x &= ~1;
    y &= ~1;
    const float o = float(std::min(1.0, opacity));
    const int x0 = std::max(0, -x), y0 = std::max(0, -y);
    const int x1 = std::min(m_width, frame->width - x), y1 = std::min(m_height, frame->height - y);
    for (int row = y0; row < y1; ++row) {
        std::uint8_t *dst = frame->data[0] + qint64(y + row) * frame->linesize[0] + x;
        const float *py = m_y.data() + size_t(row) * m_width;
        const float *pa = m_alpha.data() + size_t(row) * m_width;
        for (int col = x0; col < x1; ++col)
            if (pa[col] > 0)
                dst[col] = blend(dst[col], py[col], pa[col], o);
    }
    const int cw = m_width / 2;
    for (int row = y0 / 2; row < (y1 + 1) / 2; ++row) {
        std::uint8_t *du = frame->data[1] + qint64(y / 2 + row) * frame->linesize[1] + x / 2;
        std::uint8_t *dv = frame->data[2] + qint64(y / 2 + row) * frame->linesize[2] + x / 2;
        const size_t base = size_t(row) * cw;
        for (int col = x0 / 2; col < (x1 + 1) / 2; ++col) {
            const float a = m_alphaUv[base + col];
            if (a <= 0)
                continue;
            du[col] = blend(du[col], m_u[base + col], a, o);
            dv[col] = blend(dv[col], m_v[base + col], a, o);
        }
    }
}

QImage renderCaption(const SubtitleCue &cue, QSize frame)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(16, int(std::lround(frame.height() * 0.045))));
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const double maxWidth = frame.width() * 0.86;
    const QString text = cue.speaker.isEmpty() ? cue.text : cue.speaker + QStringLiteral(": ") + cue.text;

    // Greedy word wrap inside each authored line.
    QStringList lines;
    for (const QString &authored : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString &word : authored.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > maxWidth) {
                lines << line;
                line = word;
            } else {
                line = candidate;
            }
        }
        if (!line.isEmpty())
            lines << line;
    }
    if (lines.isEmpty())
        return {};
    const double outline = std::max(2.0, font.pixelSize() / 9.0);
    const double lineHeight = metrics.lineSpacing();
    double width = 0;
    for (const QString &line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const int imageWidth = int(std::ceil(std::min<double>(width, frame.width()) + 4 * outline)) & ~1;
    const int imageHeight = int(std::ceil(lineHeight * lines.size() + 4 * outline)) & ~1;
    QPainterPath path;
    for (int i = 0; i < lines.size(); ++i) {
        const double lineX = (imageWidth - metrics.horizontalAdvance(lines[i])) / 2;
        path.addText(lineX, 2 * outline + metrics.ascent() + i * lineHeight, font, lines[i]);
    }
    QImage image(imageWidth + 2, imageHeight + 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.strokePath(path, QPen(QColor(0, 0, 0, 230), outline * 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.fillPath(path, Qt::white);
    p.end();
    return image;
}

QPoint captionPosition(QSize caption, QSize frame, int bottomReserve)
{
    const int margin = std::max(bottomReserve, int(std::lround(frame.height() * 0.06)));
    return {std::max(0, (frame.width() - caption.width()) / 2) & ~1,
            std::max(0, frame.height() - margin - caption.height()) & ~1};
}

} // namespace kinora::media::detail
