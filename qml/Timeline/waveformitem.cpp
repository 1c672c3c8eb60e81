// WaveformItem: one vertical line per pixel column, the loudest peak that column covers.
#include "waveformitem.h"

#include <QPainter>
#include <algorithm>

namespace kinora::timeline {

WaveformItem::WaveformItem(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void WaveformItem::setPeaks(const QVariantList &peaks)
{
    m_peaks = peaks;
    m_values.clear();
    for (const QVariant &v : peaks)
        m_values.push_back(v.toFloat());
    update();
    Q_EMIT changed();
}

void WaveformItem::setFrom(double from)
{
    m_from = std::clamp(from, 0.0, 1.0);
    update();
    Q_EMIT changed();
}

void WaveformItem::setTo(double to)
{
    m_to = std::clamp(to, 0.0, 1.0);
    update();
    Q_EMIT changed();
}

void WaveformItem::setColor(const QColor &color)
{
    m_color = color;
    update();
    Q_EMIT changed();
}

void WaveformItem::paint(QPainter *painter)
{
    const int columns = int(width());
    const int n = int(m_values.size());
    if (columns <= 0 || n == 0 || m_to <= m_from)
        return;
    painter->setPen(m_color);
    const double mid = height() / 2;
    for (int x = 0; x < columns; ++x) {
        const int a = std::clamp(int((m_from + (m_to - m_from) * x / columns) * n), 0, n - 1);
        const int b = std::clamp(int((m_from + (m_to - m_from) * (x + 1) / columns) * n), a + 1, n);
        const float peak = *std::max_element(m_values.begin() + a, m_values.begin() + b);
        const double half = std::max(0.5, peak * mid);
        painter->drawLine(QPointF(x + 0.5, mid - half), QPointF(x + 0.5, mid + half));
    }
}

} // namespace kinora::timeline
