// Whooshes: air noise of fast objects. Speed comes from the entity positions between frames;
// the noise band rises with speed and its level with how far above kWhooshSpeed the object goes.
#include "audio/audiotypes.h"
#include "audio/effects.h"
#include "audio/effectsdsp.h"

#include <algorithm>
#include <cmath>

namespace kinora::audio {
namespace {

bool canWhoosh(const engine::PlanEntity &e)
{
    static const QStringList living{QStringLiteral("figure"), QStringLiteral("quadruped"), QStringLiteral("bird"),
                                    QStringLiteral("fish")};
    return !e.isStatic && !living.contains(e.shape);
}

} // namespace

std::vector<MovingSound> EffectSynth::whooshes(const engine::ScenePlan &plan, const engine::WorldTrack &track,
                                               std::int64_t totalSamples) const
{
    std::vector<MovingSound> out;
    const int frames = int(track.frames.size());
    const int fps = track.fps > 0 ? track.fps : plan.fps;
    if (frames < 2 || fps <= 0)
        return out;
    for (int e = 0; e < plan.entities.size(); ++e) {
        if (!canWhoosh(plan.entities.at(e)))
            continue;
        // Level per frame interval; a jump faster than 60 m/s is a teleport (a new shot), not motion.
        std::vector<double> level(size_t(frames), 0.0);
        double speedAt = 0;
        bool any = false;
        for (int f = 0; f + 1 < frames; ++f) {
            const auto &a = track.frames.at(f).entityPositions, &b = track.frames.at(f + 1).entityPositions;
            if (e >= a.size() || e >= b.size())
                continue;
            const double dx = b.at(e).x - a.at(e).x, dy = b.at(e).y - a.at(e).y, dz = b.at(e).z - a.at(e).z;
            const double speed = std::sqrt(dx * dx + dy * dy + dz * dz) * fps;
            if (speed > 60)
                continue;
            const double over = std::clamp((speed - kWhooshSpeed) / kWhooshSpeed, 0.0, 1.5);
            level[size_t(f)] = std::pow(over, 1.5);
            speedAt = std::max(speedAt, speed);
            any = any || over > 0;
        }
        if (!any)
            continue;
        const auto &entity = plan.entities.at(e);
        const double size = std::clamp(std::max({entity.size.x, entity.size.y, entity.size.z}) / 0.24, 0.3, 3.0);
        // Only the span where the object is fast (plus a frame either side) is synthesized.
        int first = 0, last = frames - 1;
        while (first < frames && level[size_t(first)] <= 0)
            ++first;
        while (last > first && level[size_t(last)] <= 0)
            --last;
        const double samplesPerFrame = double(kSampleRate) / fps;
        const std::int64_t from = std::max<std::int64_t>(0, std::int64_t((first - 1) * samplesPerFrame));
        const std::int64_t to = std::min<std::int64_t>(totalSamples, std::int64_t((last + 2.5) * samplesPerFrame));
        if (to <= from)
            continue;
        MovingSound sound;
        sound.entity = e;
        sound.startSample = from;
        sound.samples.assign(size_t(to - from), 0.f);
        sfx::SfxRandom rng(sfx::SfxRandom::seedOf(m_seed, std::uint64_t(e), 5));
        sfx::Biquad band;
        for (std::int64_t n = from; n < to; ++n) {
            // Linear interpolation between frame-interval centres keeps the envelope smooth.
            const double u = std::clamp(double(n) / samplesPerFrame - 0.5, 0.0, double(frames - 1));
            const int f0 = int(u), f1 = std::min(frames - 1, f0 + 1);
            const double l = level[size_t(f0)] + (level[size_t(f1)] - level[size_t(f0)]) * (u - f0);
            // The filter always runs on noise: feeding it silence would decay into slow denormals.
            if ((n & 63) == 0)
                band.setBandpass(std::min(6000.0, 300 + 90 * speedAt * (0.6 + 0.4 * l)), 1.2, kSampleRate);
            sound.samples[size_t(n - from)] = float(0.14 * size * l) * band.process(rng.white());
        }
        out.push_back(std::move(sound));
    }
    return out;
}

} // namespace kinora::audio
