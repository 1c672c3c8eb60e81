// EffectSynth: the sound of every contact the World reports, synthesized from physics: modal
// synthesis for struck solids, shaped noise for splashes, footsteps, rolling and whooshes.
#pragma once

#include "engine/worldtrack.h"

#include <cstdint>
#include <vector>

namespace kinora::audio {

/// @brief One dry, mono effect placed in the shot: it starts exactly at startSample.
struct EffectSound
{
    std::int64_t startSample = 0;
    std::vector<float> samples;
    engine::Vec3 position;
};

/// @brief A sound that moves with an entity (a whoosh): one sample per shot sample from
/// startSample on; the mixer pans it along the entity's track.
struct MovingSound
{
    int entity = -1;
    std::int64_t startSample = 0;
    std::vector<float> samples;
};

class EffectSynth
{
public:
    /// @brief @p seed is the plan's seed: the same seed gives the same samples, bit for bit.
    explicit EffectSynth(std::uint32_t seed) : m_seed(seed) {}

    /// @brief The sound of one contact. @p index (its place in WorldTrack::contacts) keeps each
    /// contact's randomness independent of the others. Louder for a larger impulse, brighter for
    /// a faster hit; the two materials decide the modes (wood low and short, metal high and ringing).
    EffectSound contact(const engine::ContactEvent &event, int index) const;

    /// @brief Whooshes of objects moving faster than kWhooshSpeed, from the entity positions
    /// between frames; people and animals do not whoosh.
    std::vector<MovingSound> whooshes(const engine::ScenePlan &plan, const engine::WorldTrack &track,
                                      std::int64_t totalSamples) const;

    /// Objects slower than this (m/s) make no air noise worth hearing.
    static constexpr double kWhooshSpeed = 9.0;

private:
    std::vector<float> struck(const engine::ContactEvent &event, int index) const;
    std::vector<float> footstep(const engine::ContactEvent &event, int index) const;
    std::vector<float> roll(const engine::ContactEvent &event, int index) const;
    std::vector<float> splash(const engine::ContactEvent &event, int index) const;

    std::uint32_t m_seed;
};

} // namespace kinora::audio
