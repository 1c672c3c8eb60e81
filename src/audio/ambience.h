// Ambience: the sound of the place itself (room tone, a gym's hall, traffic, birds and wind, waves,
// rain, the hum of space, the muffled sea) generated from the plan's environment and weather.
#pragma once

#include "engine/sceneplan.h"

#include <cstdint>
#include <vector>

namespace kinora::audio {

class Ambience
{
public:
    /// @brief Interleaved stereo ambience, @p frames long, for the plan's environment, weather and
    /// time of day. Deterministic per plan.seed. Loudness is set for the mix before loudness
    /// normalisation: a quiet room measures -50 LUFS, a street -26 LUFS, a beach -24 LUFS.
    static std::vector<float> render(const engine::ScenePlan &plan, std::int64_t frames);

    /// @brief A one-line description of what was generated (for the user's notes).
    static QString describe(const engine::ScenePlan &plan);
};

} // namespace kinora::audio
