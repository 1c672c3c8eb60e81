// AudioEngine: the sound stage of the pipeline. It turns a simulated shot (contacts, positions) and
// its synthesized speech into the finished 48 kHz stereo track, loudness-normalised.
#pragma once

#include "audio/audiotypes.h"
#include "core/result.h"
#include "engine/worldtrack.h"

#include <vector>

namespace kinora::audio {

/// @brief The stems the mix is summed from (interleaved stereo, the shot's length), before the
/// loudness gain: effects + reverb + ambience + dialogue, times outputGainDb, then the limiter.
struct AudioStems
{
    std::vector<float> effects;  ///< dry contact sounds and whooshes, panned and attenuated
    std::vector<float> reverb;   ///< the room's return for effects and dialogue
    std::vector<float> ambience; ///< the place's sound, already ducked under dialogue
    std::vector<float> dialogue; ///< the spoken lines, placed at their times and speakers
    std::vector<float> duck;     ///< mono, per sample: the ambience gain (1 = not ducked)
};

struct AudioMix
{
    ShotAudio audio;
    AudioStems stems;
    double outputGainDb = 0; ///< loudness gain applied to the stems' sum
};

class AudioEngine
{
public:
    /// Renders the shot's sound: effects from every contact, ambience for the place and weather,
    /// the already-synthesized speech lines placed at their times, spatial mix, reverb, ducking,
    /// loudness.
    core::Result<ShotAudio> render(const engine::ScenePlan &plan, const engine::WorldTrack &track,
                                   const SpeechTrack &speech) const;

    /// @brief render(), keeping the stems (for tests, meters and a future stem export).
    core::Result<AudioMix> renderMix(const engine::ScenePlan &plan, const engine::WorldTrack &track,
                                     const SpeechTrack &speech) const;

    /// Ambience dips this much while someone speaks.
    /// True-peak ceiling of the PCM mix: -1 dBTP less a margin for the AAC encoder's overshoot.
    static constexpr double kDeliveryTruePeakDbtp = -2.0;
    static constexpr double kDuckDb = 9;
    /// Dialogue is levelled to this RMS (over its voiced parts) before the mix.
    static constexpr double kDialogueRmsDb = -21;
};

} // namespace kinora::audio
