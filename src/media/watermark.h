// The visible Kinora watermark: a play-mark logo, the "Kinora" wordmark and the creator's handle,
// drawn once per output size and moved between the frame's corners so one crop cannot remove it.
#pragma once

#include <QImage>
#include <QPoint>
#include <QSize>
#include <QString>

namespace kinora::media {

/// @brief Draws the mark and says where and how strongly it shows at each moment of a film.
/// Needs a QGuiApplication (fonts); safe to use on any thread once built.
class Watermark
{
public:
    static constexpr double kCornerSeconds = 3.5; ///< time spent in one corner
    static constexpr double kFadeSeconds = 0.35;  ///< fade out and in when it moves
    static constexpr double kOpacity = 0.72;      ///< legible, yet the picture shows through
    static constexpr int kCorners = 4;

    enum class Corner { TopLeft = 0, BottomRight, TopRight, BottomLeft };

    struct Placement
    {
        QPoint topLeft;
        double opacity = 0; ///< 0 .. kOpacity
        Corner corner = Corner::TopLeft;
    };

    /// @brief @p handle like "@maya" (empty: the wordmark alone); @p frame the film's size.
    Watermark(const QString &handle, QSize frame);

    /// @brief The mark, premultiplied ARGB, white with a dark outline; its height is about 7%
    /// of the frame height (at least 30 px, so it stays legible at 480p).
    const QImage &image() const { return m_image; }
    QSize frameSize() const { return m_frame; }

    /// @brief Where the mark is at @p filmSeconds: corners in the order top-left, bottom-right,
    /// top-right, bottom-left (diagonal jumps), kCornerSeconds each, fading across each move.
    Placement placementAt(double filmSeconds) const;

    /// @brief The top-left pixel of the mark in @p corner (even coordinates, inside the frame).
    QPoint cornerPosition(Corner corner) const;

    /// @brief The mark alone at @p markHeight pixels (for tests and the studio's preview).
    static QImage render(const QString &handle, int markHeight);

private:
    QSize m_frame;
    QImage m_image;
    int m_margin = 0;
};

} // namespace kinora::media
