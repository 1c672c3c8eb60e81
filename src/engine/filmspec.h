// FilmSpec: the storyboard turned into what the engine renders: per-shot compiler input at the
// film's resolution and fps, with CLI overrides (resolution, fps, seed, shot selection).
#pragma once

#include "core/result.h"
#include "story/storyboard.h"

#include <QList>
#include <QSize>
#include <optional>

namespace kinora::engine {

struct FilmOverrides
{
    std::optional<story::Resolution> resolution;
    std::optional<int> fps;
    std::optional<std::uint32_t> seed; ///< replaces every shot's seed (seed + shot index)
    QList<int> shots;                  ///< 1-based shot numbers; empty = all
};

/// @brief Pixel size for a resolution name and aspect: 480p 16:9 = 854x480, 9:16 = 480x854.
QSize frameSize(story::Resolution resolution, story::Aspect aspect);

/// @brief Parses "1,3,5-7" into 1-based shot numbers; errors name the bad part.
core::Result<QList<int>> parseShotList(const QString &text, int shotCount);

} // namespace kinora::engine
