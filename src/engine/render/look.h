// Look: how an environment, a time of day, a weather and a style light and colour a shot.
// Pure C++ (no torch): the shading kernels read it, tests and tools may inspect it.
#pragma once

#include "engine/worldtrack.h"

namespace kinora::engine {

/// @brief Lights, sky, fog and ground flags derived from a ScenePlan.
struct Look
{
    QString environment, style, weather, timeOfDay;
    bool hasGround = true, indoor = false, space = false, underwater = false, stage = false;
    Vec3 toLight{-0.4, 0.8, 0.45}; ///< unit vector toward the key light (sun, moon or lamp)
    Vec3 lightColor{1, 0.96, 0.9};
    Vec3 ambientSky{0.35, 0.4, 0.5}, ambientGround{0.25, 0.22, 0.2};
    Vec3 zenith{0.25, 0.45, 0.85}, horizon{0.7, 0.8, 0.95};
    Vec3 fogColor{0.7, 0.75, 0.8};
    double fogDensity = 0.002;
    double shadowStrength = 0.85; ///< fraction of the key light a shadow removes
    double wetness = 0, snow = 0, rain = 0;
    bool night = false;
    Vec3 spotCentre; ///< stage: where the spotlight pool sits
    std::uint32_t seed = 1;
};

/// @brief The look of @p plan; @p track gives the stage spotlight its subject.
Look makeLook(const ScenePlan &plan, const WorldTrack &track);

} // namespace kinora::engine
