// WaveformItem: draws a take's loudness envelope (peaks 0..1) between two fractions of the take,
// so a trimmed clip shows only the sound that plays.
#pragma once

#include <QColor>
#include <QQuickPaintedItem>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace kinora::timeline {

class WaveformItem : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList peaks READ peaks WRITE setPeaks NOTIFY changed)
    Q_PROPERTY(double from READ from WRITE setFrom NOTIFY changed)
    Q_PROPERTY(double to READ to WRITE setTo NOTIFY changed)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY changed)

public:
    explicit WaveformItem(QQuickItem *parent = nullptr);

    QVariantList peaks() const { return m_peaks; }
    void setPeaks(const QVariantList &peaks);
    double from() const { return m_from; }
    void setFrom(double from);
    double to() const { return m_to; }
    void setTo(double to);
    QColor color() const { return m_color; }
    void setColor(const QColor &color);

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void changed();

private:
    QVariantList m_peaks;
    std::vector<float> m_values;
    double m_from = 0;
    double m_to = 1;
    QColor m_color = Qt::white;
};

} // namespace kinora::timeline
