// Reverb: a Schroeder/Freeverb-style room (parallel damped combs, then series allpasses) whose
// comb feedback is set from a target RT60, so a place is described by how long it rings.
#pragma once

#include <QString>

#include <cstddef>
#include <vector>

namespace kinora::audio {

/// @brief How a place sounds; reverbFor() picks one per ScenePlan environment.
struct ReverbSettings
{
    double rt60Seconds = 0.5; ///< time for the tail to fall by 60 dB
    double damping = 0.4;     ///< 0..1: how fast highs die in the tail (soft furnishings, air)
    /// Energy of the tail against the direct sound of a source at the framing distance (dB):
    /// about -7 in a furnished room, 0 in a gym, -20 outdoors.
    double reverbToDirectDb = -8;
    double sizeScale = 1.0;   ///< scales the comb delays: large halls have sparser, later echoes
    double preDelayMs = 5;    ///< gap before the first reflections
    double lowpassHz = 0;     ///< > 0: the tail is muffled above this (underwater)
};

/// @brief The reverb matching an environment: small rooms, halls (gym, stage), outdoors.
ReverbSettings reverbFor(const QString &environment);

class Reverb
{
public:
    Reverb(const ReverbSettings &settings, int sampleRate);

    /// @brief Adds the reverberated @p frames of interleaved stereo @p in to interleaved stereo
    /// @p out (wet only; the caller keeps the dry signal).
    void process(const float *in, float *out, size_t frames);

private:
    struct Comb
    {
        std::vector<float> buffer;
        size_t index = 0;
        float feedback = 0, damp = 0, store = 0;
    };
    struct Allpass
    {
        std::vector<float> buffer;
        size_t index = 0;
    };
    static float comb(Comb &c, float x);
    static float allpass(Allpass &a, float x);

    void processSample(float mono, float *left, float *right);

    ReverbSettings m_settings;
    float m_wet = 1;
    std::vector<Comb> m_combs[2];
    std::vector<Allpass> m_allpasses[2];
    std::vector<float> m_preDelay;
    size_t m_preIndex = 0;
    float m_lowpass = 1, m_lowL = 0, m_lowR = 0;
};

} // namespace kinora::audio
