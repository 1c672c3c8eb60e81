// JobSpec: what one generation job renders (a storyboard snapshot, the shot, the overrides), its
// JSON form stored in the job row, and the cache key derived from what affects the pixels.
#pragma once

#include "core/result.h"
#include "engine/filmspec.h"
#include "story/storyboard.h"

#include <QByteArray>
#include <QString>

namespace kinora::engine {

/// Bumped whenever the generator's output for the same spec changes (invalidates cached takes).
inline constexpr char kEngineVersion[] = "worldsim-0.5"; // 0.2: synchronized sound and lip-sync; 0.3: motion blur, motion words; 0.4: walls no longer speckle; 0.5: vehicles drive, CPU ray loops

struct JobSpec
{
    story::Storyboard board; ///< snapshot when queued: later edits do not change a queued job
    FilmOverrides overrides;
    int shotNumber = 0; ///< 1-based
};

QByteArray toJson(const JobSpec &spec);
core::Result<JobSpec> jobSpecFromJson(const QByteArray &json);

/// @brief SHA-256 over everything that changes the take: the film settings, the overrides, the
/// engine version, and shots 1..N (earlier shots matter through continuity), without notes and ids.
QString specHash(const JobSpec &spec);

} // namespace kinora::engine
