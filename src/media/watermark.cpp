// Watermark drawing with QPainter paths (so the outline follows the glyphs) and its schedule.
// The logo is our own: a rounded square holding a play triangle with softened corners.
#include "media/watermark.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace kinora::media {

namespace {

constexpr double kHeightShare = 0.07; // of the frame height
constexpr int kMinMarkHeight = 30;    // below this the handle is no longer readable
constexpr double kMarginShare = 0.035;

QPainterPath logoPath(double size)
{
    QPainterPath square;
    square.addRoundedRect(QRectF(0, 0, size, size), size * 0.26, size * 0.26);
    // The triangle, optically centred (a little right of the middle), is cut out of the square.
    const double s = size;
    QPainterPath triangle;
    triangle.moveTo(s * 0.38, s * 0.27);
    triangle.lineTo(s * 0.74, s * 0.5);
    triangle.lineTo(s * 0.38, s * 0.73);
    triangle.closeSubpath();
    return square.subtracted(triangle);
}

QFont markFont(double pixelSize, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(6, int(std::lround(pixelSize))));
    font.setBold(bold);
    return font;
}

} // namespace

QImage Watermark::render(const QString &handle, int markHeight)
{
    const double h = std::max(kMinMarkHeight, markHeight);
    const double outline = std::max(2.0, h * 0.06);
    const double pad = outline;
    const QFont wordFont = markFont(h * (handle.isEmpty() ? 0.62 : 0.5), true);
    const QFont handleFont = markFont(h * 0.34, false);
    const QString word = QStringLiteral("Kinora");

    QPainterPath text;
    const QFontMetricsF wordMetrics(wordFont);
    const double textX = h * 1.22;
    if (handle.isEmpty()) {
        text.addText(textX, (h + wordMetrics.capHeight()) / 2, wordFont, word);
    } else {
        const QFontMetricsF handleMetrics(handleFont);
        text.addText(textX, h * 0.46, wordFont, word);
        text.addText(textX, h * 0.46 + handleMetrics.ascent() + h * 0.08, handleFont, handle);
    }
    QPainterPath mark = logoPath(h).united(text);
    const QRectF bounds = mark.boundingRect();
    const int width = int(std::ceil(std::max(bounds.right(), h) + 2 * pad)) & ~1;
    const int height = int(std::ceil(std::max(bounds.bottom(), h) + 2 * pad)) & ~1;

    QImage image(width + 2, height + 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(pad, pad);
    // Dark outline first, then white: the mark reads on snow and on night alike.
    p.strokePath(mark, QPen(QColor(0, 0, 0, 170), outline * 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.fillPath(mark, QColor(255, 255, 255, 235));
    p.end();
    return image;
}

Watermark::Watermark(const QString &handle, QSize frame) : m_frame(frame)
{
    const int markHeight = std::max(kMinMarkHeight, int(std::lround(frame.height() * kHeightShare)));
    m_image = render(handle, markHeight);
    // Keep the mark inside narrow frames (a 1080-wide vertical film with a long handle).
    if (m_image.width() > frame.width() * 6 / 10 && frame.width() > 0)
        m_image = m_image.scaledToWidth(frame.width() * 6 / 10, Qt::SmoothTransformation);
    m_margin = std::max(4, int(std::lround(frame.height() * kMarginShare)));
}

QPoint Watermark::cornerPosition(Corner corner) const
{
    const int right = std::max(0, m_frame.width() - m_image.width() - m_margin);
    const int bottom = std::max(0, m_frame.height() - m_image.height() - m_margin);
    const int left = std::min(m_margin, right);
    const int top = std::min(m_margin, bottom);
    QPoint p;
    switch (corner) {
    case Corner::TopLeft: p = {left, top}; break;
    case Corner::BottomRight: p = {right, bottom}; break;
    case Corner::TopRight: p = {right, top}; break;
    case Corner::BottomLeft: p = {left, bottom}; break;
    }
    return {p.x() & ~1, p.y() & ~1}; // even, so the chroma planes line up
}

Watermark::Placement Watermark::placementAt(double filmSeconds) const
{
    const double t = std::max(0.0, filmSeconds);
    const qint64 segment = qint64(std::floor(t / kCornerSeconds));
    const double local = t - segment * kCornerSeconds;
    double fade = std::min(1.0, (kCornerSeconds - local) / kFadeSeconds);
    if (segment > 0)
        fade = std::min(fade, local / kFadeSeconds);
    Placement placement;
    placement.corner = Corner(segment % kCorners);
    placement.topLeft = cornerPosition(placement.corner);
    // Never fully gone: even mid-move a faint mark remains.
    placement.opacity = kOpacity * std::clamp(fade, 0.15, 1.0);
    return placement;
}

} // namespace kinora::media
