// EffectSynth: struck solids are sums of exponentially decaying sinusoids (modal synthesis) run as
// two-pole resonators; soft and liquid contacts are filtered noise. Numbers follow real objects.
#include "audio/effects.h"

#include "audio/audiotypes.h"
#include "audio/effectsdsp.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kinora::audio {
namespace {

using sfx::SfxRandom;

// How a material rings when struck. Ratios are partials over the lowest mode; higher modes decay
// faster (t60 scales with ratio^-decayTilt), as internal friction grows with frequency.
struct ModalMaterial
{
    const char *name;
    double baseHz;
    std::array<double, 7> ratios;
    double t60;        ///< seconds for the lowest mode to fall by 60 dB
    double decayTilt;
    double clickHz;    ///< the contact click's brightness (low-pass cutoff)
    double clickLevel; ///< click against the modes
    double level;      ///< overall weight: how well the body radiates
};

// Wood: low, short knock. Metal (rim, post): bar-like inharmonic partials that ring. Glass: a bright
// plate. Rubber and leather: an inflated ball's dull "pong", its air cavity ringing briefly. Soft
// grounds have no modes of note.
const ModalMaterial kMaterials[] = {
    {"wood", 190, {1, 2.13, 3.41, 5.2, 7.9, 11.3, 14.6}, 0.11, 0.6, 2500, 0.35, 1.0},
    {"tile", 320, {1, 2.3, 3.9, 6.1, 8.7, 12.2, 16.0}, 0.07, 0.5, 6000, 0.5, 0.9},
    {"plaster", 140, {1, 2.2, 3.6, 5.5, 8.1, 11.0, 14.0}, 0.06, 0.7, 1500, 0.3, 0.8},
    {"stone", 260, {1, 2.4, 4.1, 6.3, 9.0, 12.5, 16.5}, 0.05, 0.5, 5000, 0.6, 0.8},
    {"asphalt", 210, {1, 2.5, 4.3, 6.6, 9.4, 13.0, 17.0}, 0.04, 0.5, 4500, 0.7, 0.8},
    {"metal", 520, {1, 2.76, 5.40, 8.93, 13.34, 18.64, 24.8}, 1.1, 0.35, 8000, 0.25, 0.55},
    {"glass", 2300, {1, 1.59, 2.14, 2.92, 3.60, 4.65, 5.40}, 0.30, 0.4, 12000, 0.45, 0.55},
    {"ceramic", 1700, {1, 1.71, 2.52, 3.40, 4.57, 5.8, 7.1}, 0.22, 0.4, 10000, 0.45, 0.6},
    {"plastic", 520, {1, 1.9, 3.1, 4.6, 6.5, 8.8, 11.4}, 0.07, 0.6, 4000, 0.4, 0.7},
    {"rubber", 330, {1, 1.47, 2.06, 2.6, 3.3, 4.1, 4.9}, 0.22, 0.9, 1800, 0.25, 0.7},
    {"leather", 300, {1, 1.52, 2.1, 2.7, 3.4, 4.2, 5.0}, 0.15, 0.9, 1500, 0.25, 0.6},
    {"flesh", 95, {1, 1.8, 2.7, 3.7, 4.9, 6.2, 7.7}, 0.05, 1.0, 900, 0.4, 0.5},
    {"fur", 90, {1, 1.8, 2.7, 3.7, 4.9, 6.2, 7.7}, 0.04, 1.0, 700, 0.4, 0.4},
    {"fabric", 110, {1, 1.9, 2.9, 4.0, 5.2, 6.6, 8.0}, 0.03, 1.0, 800, 0.5, 0.35},
    {"paper", 400, {1, 1.9, 2.9, 4.0, 5.2, 6.6, 8.0}, 0.02, 1.0, 5000, 0.8, 0.3},
    {"grass", 70, {1, 1.7, 2.5, 3.4, 4.4, 5.5, 6.8}, 0.03, 1.0, 700, 0.9, 0.45},
    {"sand", 60, {1, 1.7, 2.5, 3.4, 4.4, 5.5, 6.8}, 0.03, 1.0, 500, 0.9, 0.4},
};

const ModalMaterial &materialOf(const QString &name)
{
    for (const ModalMaterial &m : kMaterials)
        if (name == QLatin1String(m.name))
            return m;
    return kMaterials[8]; // plastic: a neutral, short knock for anything unknown
}

std::int64_t samplesFor(double seconds) { return std::int64_t(std::llround(seconds * kSampleRate)); }

// Adds the modes of one struck body. hardness (0.3..1.6) tilts energy toward the upper modes: a
// faster impact is a shorter contact, which excites higher frequencies. Resonators run in double
// so a ringing rim does not drift over seconds.
void addModes(std::vector<float> &out, const ModalMaterial &m, double amplitude, double hardness, SfxRandom &rng)
{
    const double fs = kSampleRate;
    for (size_t k = 0; k < m.ratios.size(); ++k) {
        const double hz = m.baseHz * m.ratios[k] * rng.range(0.97, 1.03);
        if (hz > 0.45 * fs)
            break;
        const double t60 = m.t60 * std::pow(m.ratios[k], -m.decayTilt);
        // Each mode's sign depends on where the body was struck against the mode's shape: random
        // signs keep the modes from all peaking together in the first millisecond.
        const double sign = rng.uniform() < 0.5 ? -1.0 : 1.0;
        const double weight = sign * amplitude * std::exp(-double(k) * 0.55 / hardness) * rng.range(0.8, 1.2);
        const double r = std::exp(-6.9078 / (t60 * fs));
        const double w = 2 * sfx::kPi * hz / fs;
        const double a1 = 2 * r * std::cos(w), a2 = r * r;
        const size_t length = std::min(out.size(), size_t(t60 * 1.4 * fs) + 1);
        // Phase 0 start: the mode leaves zero at the contact sample and rises within a quarter period.
        double y1 = 0, y2 = -weight * std::sin(w) / r; // y[0] and y[-1] of weight * r^n * sin(w n)
        for (size_t n = 0; n < length; ++n) {
            out[n] += float(y1);
            const double y = a1 * y1 - a2 * y2;
            y2 = y1;
            y1 = y;
        }
    }
}

// The contact click: a few milliseconds of low-passed noise, the broadband part of the hit.
void addClick(std::vector<float> &out, double amplitude, double cutoffHz, double seconds, SfxRandom &rng)
{
    sfx::OnePole lp1, lp2;
    lp1.setCutoff(cutoffHz, kSampleRate);
    lp2.setCutoff(cutoffHz, kSampleRate);
    const size_t length = std::min(out.size(), size_t(seconds * kSampleRate));
    const double tau = seconds / 5.0 * kSampleRate;
    for (size_t n = 0; n < length; ++n)
        out[n] += float(amplitude * std::exp(-double(n) / tau)) * lp2.lowpass(lp1.lowpass(rng.white()));
}

// A short fade so a cut tail never clicks.
void fadeTail(std::vector<float> &out, double seconds)
{
    const size_t n = std::min(out.size(), size_t(seconds * kSampleRate));
    for (size_t i = 0; i < n; ++i)
        out[out.size() - 1 - i] *= float(i) / float(n);
}

bool isSoftGround(const QString &material)
{
    return material == QLatin1String("grass") || material == QLatin1String("sand");
}

} // namespace

EffectSound EffectSynth::contact(const engine::ContactEvent &event, int index) const
{
    EffectSound sound;
    sound.startSample = samplesFor(event.timeSeconds);
    sound.position = event.position;
    if (event.kind == QLatin1String("footstep"))
        sound.samples = footstep(event, index);
    else if (event.kind == QLatin1String("roll"))
        sound.samples = roll(event, index);
    else if (event.kind == QLatin1String("splash"))
        sound.samples = splash(event, index);
    else
        sound.samples = struck(event, index);
    return sound;
}

std::vector<float> EffectSynth::struck(const engine::ContactEvent &event, int index) const
{
    SfxRandom rng(SfxRandom::seedOf(m_seed, std::uint64_t(index), 1));
    const ModalMaterial &a = materialOf(event.materialA), &b = materialOf(event.materialB);
    const double longest = std::max(a.t60, b.t60) * 1.4 + 0.01;
    std::vector<float> out(size_t(std::min(3.0, longest) * kSampleRate) + 1, 0.f);
    // Radiated pressure grows with the impulse; very hard hits saturate (the bodies deform).
    const double impulse = std::max(0.0, event.impulse);
    // A body settling onto the floor (a parked car at the start of a shot) pushes a large impulse
    // at almost no speed and makes no sound: what rings is the energy of an approach, so the level
    // fades in between 5 and 50 cm/s of closing speed.
    const double approach = std::clamp((event.normalSpeed - 0.05) / 0.45, 0.0, 1.0);
    const double amplitude = 0.25 * impulse / (1 + impulse / 40.0) * approach;
    const double hardness = std::clamp(event.normalSpeed / 5.0, 0.3, 1.6);
    // Hard, ringing bodies dominate what we hear; a ball on a steel rim is mostly rim.
    addModes(out, a, amplitude * a.level, hardness, rng);
    addModes(out, b, amplitude * b.level, hardness, rng);
    const double click = amplitude * std::max(a.clickLevel * a.level, b.clickLevel * b.level);
    addClick(out, click, std::max(a.clickHz, b.clickHz) * std::min(1.0, 0.5 + 0.5 * hardness), 0.006, rng);
    if (isSoftGround(event.materialB)) // grass blades and sand grains hiss a little on impact
        addClick(out, amplitude * 0.25, 9000, 0.05, rng);
    fadeTail(out, 0.005);
    return out;
}

std::vector<float> EffectSynth::footstep(const engine::ContactEvent &event, int index) const
{
    SfxRandom rng(SfxRandom::seedOf(m_seed, std::uint64_t(index), 2));
    // A heel strike: the floor's knock (soft) and the scuff of the sole, louder when running or landing.
    const double mass = event.normalSpeed > 0 && event.impulse > 0 ? event.impulse * 2 / event.normalSpeed : 70.0;
    const double amplitude = 0.28 * std::pow(std::max(0.05, event.normalSpeed) / 0.5, 0.7) *
                             std::sqrt(std::clamp(mass / 70.0, 0.05, 4.0));
    const ModalMaterial &floor = materialOf(event.materialB);
    std::vector<float> out(size_t(0.16 * kSampleRate), 0.f);
    ModalMaterial knock = floor;
    knock.t60 = std::min(floor.t60, 0.08); // a foot damps the floor it stands on
    addModes(out, knock, amplitude * 0.6 * floor.level, 0.4, rng);
    addModes(out, materialOf(QStringLiteral("flesh")), amplitude * 0.5, 0.4, rng);
    // Scuff: band-passed noise whose colour is the ground's (grass rustles high, tile clicks).
    sfx::Biquad band;
    const double centre = isSoftGround(event.materialB) ? 4500 : floor.clickHz * 0.5;
    band.setBandpass(std::clamp(centre, 300.0, 8000.0), 0.9, kSampleRate);
    const double scuffSeconds = isSoftGround(event.materialB) ? 0.12 : 0.05;
    const double tau = scuffSeconds / 4 * kSampleRate;
    const size_t n = std::min(out.size(), size_t(scuffSeconds * kSampleRate));
    for (size_t i = 0; i < n; ++i)
        out[i] += float(amplitude * 0.8 * std::exp(-double(i) / tau)) * band.process(rng.white());
    fadeTail(out, 0.005);
    return out;
}

std::vector<float> EffectSynth::roll(const engine::ContactEvent &event, int index) const
{
    SfxRandom rng(SfxRandom::seedOf(m_seed, std::uint64_t(index), 3));
    // A rolling ball is a rumble low-passed at a cutoff that rises with speed; consecutive ticks
    // (every 0.1 s) overlap by their 10 ms ramps, which add to one, so the rumble is seamless.
    const double speed = std::max(0.0, event.tangentSpeed);
    const double mass = std::max(0.05, event.impulse / (9.81 * 0.1));
    const double amplitude = 0.14 * std::min(1.5, speed / 2.0) * std::sqrt(std::min(mass, 10.0));
    const double ramp = 0.01, length = 0.1 + ramp;
    std::vector<float> out(size_t(length * kSampleRate), 0.f);
    sfx::Biquad lp;
    lp.setLowpass(std::clamp(120 + 140 * speed, 80.0, 1500.0), 0.9, kSampleRate);
    const ModalMaterial &floor = materialOf(event.materialB);
    sfx::Biquad body;
    body.setBandpass(floor.baseHz * 1.5, 2.0, kSampleRate);
    const size_t rampN = size_t(ramp * kSampleRate);
    for (size_t i = 0; i < out.size(); ++i) {
        const float g = i < rampN ? float(i) / rampN : (i >= out.size() - rampN ? float(out.size() - i) / rampN : 1.f);
        const float x = rng.white();
        out[i] = g * float(amplitude) * (lp.process(x) + 0.5f * body.process(x));
    }
    return out;
}

std::vector<float> EffectSynth::splash(const engine::ContactEvent &event, int index) const
{
    SfxRandom rng(SfxRandom::seedOf(m_seed, std::uint64_t(index), 4));
    // Entry slap, then the spray, then bubbles ringing at their Minnaert frequencies.
    const double speed = std::max(0.2, event.normalSpeed);
    const double mass = std::clamp(event.impulse / speed, 0.05, 200.0);
    const double amplitude = std::min(1.6, 0.2 * std::sqrt(mass) * std::min(2.0, speed / 3.0));
    const double seconds = std::clamp(0.35 + 0.15 * std::log1p(mass) + 0.05 * speed, 0.3, 1.6);
    std::vector<float> out(size_t(seconds * kSampleRate), 0.f);
    addClick(out, amplitude * 0.9, 7000, 0.012, rng);
    sfx::Biquad spray;
    spray.setBandpass(2500, 0.7, kSampleRate);
    const double tau = seconds / 3 * kSampleRate;
    for (size_t i = 0; i < out.size(); ++i) {
        const double attack = std::min(1.0, double(i) / (0.01 * kSampleRate));
        out[i] += float(amplitude * 0.7 * attack * std::exp(-double(i) / tau)) * spray.process(rng.white());
    }
    const int bubbles = 3 + int(std::min(12.0, 3 * std::sqrt(mass)));
    for (int k = 0; k < bubbles; ++k) {
        const size_t at = size_t(rng.range(0.005, seconds * 0.6) * kSampleRate);
        const double hz = rng.range(350, 1400) / std::cbrt(std::max(0.2, mass)), rise = rng.range(1.2, 2.0);
        const double life = rng.range(0.02, 0.06), a = amplitude * rng.range(0.15, 0.4);
        double phase = 0;
        for (size_t i = at; i < out.size() && i < at + size_t(life * 4 * kSampleRate); ++i) {
            const double t = double(i - at) / kSampleRate;
            phase += 2 * sfx::kPi * hz * (1 + (rise - 1) * std::min(1.0, t / life)) / kSampleRate;
            out[i] += float(a * std::exp(-t / life) * std::sin(phase));
        }
    }
    fadeTail(out, 0.01);
    return out;
}

} // namespace kinora::audio
