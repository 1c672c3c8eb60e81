// World: the simulation stage of the pipeline. It builds a Bullet world from a ScenePlan, plays the
// plan's actions on it and records what the renderer and the audio engine need (a WorldTrack).
#pragma once

#include "core/result.h"
#include "engine/worldtrack.h"

#include <functional>

namespace kinora::engine {

struct WorldOptions
{
    double stepHz = 240; ///< fixed internal step; frames are sampled from it at plan.fps
};

class World
{
public:
    explicit World(WorldOptions options = {});

    /// @brief Simulates the shot: frameCount() frames at plan.fps, every contact with its exact time,
    /// and the end state for the next shot. Same plan, same track, bit for bit.
    /// progress(done, total) is called once per frame; returning false cancels ("cancelled" error).
    core::Result<WorldTrack> simulate(const ScenePlan &plan,
                                      const std::function<bool(int done, int total)> &progress = {});

private:
    WorldOptions m_options;
};

} // namespace kinora::engine
