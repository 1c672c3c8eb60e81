// Film-level settings: frame sizes per resolution/aspect, shot selection parsing.
#include "engine/filmspec.h"

#include <QStringList>

namespace kinora::engine {

QSize frameSize(story::Resolution resolution, story::Aspect aspect)
{
    int shortSide = 1080;
    switch (resolution) {
    case story::Resolution::P480: shortSide = 480; break;
    case story::Resolution::P720: shortSide = 720; break;
    case story::Resolution::P1080:
    case story::Resolution::Invalid: shortSide = 1080; break;
    }
    // The long side of 16:9, rounded to an even number (encoders need even sizes): 480p = 854.
    const int longSide = (shortSide * 16 / 9 + 1) & ~1;
    switch (aspect) {
    case story::Aspect::Tall9x16: return {shortSide, longSide};
    case story::Aspect::Square1x1: return {shortSide, shortSide};
    case story::Aspect::Wide16x9:
    case story::Aspect::Invalid: break;
    }
    return {longSide, shortSide};
}

core::Result<QList<int>> parseShotList(const QString &text, int shotCount)
{
    QList<int> shots;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList range = part.trimmed().split(QLatin1Char('-'));
        bool okA = false, okB = true;
        const int a = range.value(0).toInt(&okA);
        const int b = range.size() == 2 ? range.value(1).toInt(&okB) : a;
        if (!okA || !okB || range.size() > 2 || a < 1 || b < a || b > shotCount)
            return core::Error{QStringLiteral("'%1' is not a shot number or range between 1 and %2 "
                                              "(write e.g. --shots 1,3-4)").arg(part.trimmed()).arg(shotCount),
                               QStringLiteral("--shots")};
        for (int n = a; n <= b; ++n)
            if (!shots.contains(n))
                shots << n;
    }
    if (shots.isEmpty())
        return core::Error{QStringLiteral("no shots selected"), QStringLiteral("--shots")};
    return shots;
}

} // namespace kinora::engine
