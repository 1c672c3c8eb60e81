// Mixer: where the camera hears from (the listener), constant-power panning and distance
// attenuation of each source, placement of fixed and moving sources on a stereo bus, and ducking.
#pragma once

#include "audio/audiotypes.h"
#include "engine/worldtrack.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace kinora::audio {

struct StereoGain
{
    float left = 0, right = 0;
};

/// @brief The camera as a pair of ears: placed like the renderer's camera (in front of the scene,
/// looking along -z at the framing distance; following the subject on tracking and orbit moves,
/// turning on pans) so what is on the left of the picture is heard on the left.
class Listener
{
public:
    Listener(const engine::ScenePlan &plan, const engine::WorldTrack &track);

    /// @brief Gains for a source at @p position at video frame @p frame: constant-power pan from
    /// its angle off the view axis (the picture's edge pans to +-0.8), and 1/distance attenuation
    /// relative to the framing distance (a source at the subject plays at unity, clamped 0.1..2).
    StereoGain gains(const engine::Vec3 &position, double frame) const;

    engine::Vec3 eyeAt(double frame) const;
    double framingDistance() const { return m_distance; }

private:
    engine::Vec3 aimAt(double frame) const;

    QString m_move;
    double m_distance = 8;
    double m_lift = 1.5;
    double m_aimHeight = 1;
    int m_frames = 1;
    engine::Vec3 m_centre;
    QList<engine::Vec3> m_subjectTrack;
};

/// @brief Adds @p mono to the interleaved stereo @p bus from @p start on with fixed gains.
void mixFixed(std::vector<float> &bus, const std::vector<float> &mono, std::int64_t start, StereoGain gain);

/// @brief Adds a moving source: @p gainAt gives the gains per video frame (at @p fps); they are
/// interpolated per sample so a pan sweep is smooth.
void mixMoving(std::vector<float> &bus, const std::vector<float> &mono, std::int64_t start, int fps,
               const std::function<StereoGain(int frame)> &gainAt);

/// @brief Per-sample ambience gain that dips by @p depthDb while any line is spoken: it starts
/// falling 80 ms before a line (the mix knows the lines in advance), settles with a ~25 ms
/// attack and recovers with a ~250 ms release after the line ends.
std::vector<float> duckingGain(const SpeechTrack &speech, std::int64_t frames, double depthDb);

} // namespace kinora::audio
