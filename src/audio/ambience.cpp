// Ambience: each place is a sum of layers (a noise bed, hums, events such as bird calls, passing
// cars, waves). Left and right get independent noise so the bed is wide, as a stereo pair hears it.
#include "audio/ambience.h"

#include "audio/audiotypes.h"
#include "audio/effectsdsp.h"
#include "audio/loudness.h"

#include <algorithm>
#include <cmath>
#include <complex>

namespace kinora::audio {
namespace {

using sfx::Biquad;
using sfx::OnePole;
using sfx::SfxRandom;
constexpr double kFs = kSampleRate;

// The buffer under construction and the seeded streams that fill it.
struct Bed
{
    std::vector<float> &out;
    size_t frames;
    std::uint64_t seed;
    int layer = 0;

    SfxRandom stream() { return SfxRandom(SfxRandom::seedOf(seed, std::uint64_t(++layer), 77)); }

    void add(size_t n, float l, float r)
    {
        out[2 * n] += l;
        out[2 * n + 1] += r;
    }
    // Constant-power placement of a mono event; pan -1 left .. 1 right.
    void addPanned(size_t n, float x, double pan)
    {
        const double a = (std::clamp(pan, -1.0, 1.0) + 1) * sfx::kPi / 4;
        add(n, float(x * std::cos(a)), float(x * std::sin(a)));
    }
};

// Slow, smooth modulation (0..1) from incommensurate sines with seeded phases: gusts, swells.
struct Drift
{
    double phase[3], hz[3];
    Drift(SfxRandom &rng, double baseHz)
    {
        const double ratios[3] = {1.0, 2.31, 3.77};
        for (int i = 0; i < 3; ++i)
            phase[i] = rng.range(0, 2 * sfx::kPi), hz[i] = baseHz * ratios[i];
    }
    double at(double t) const
    {
        double v = 0;
        for (int i = 0; i < 3; ++i)
            v += std::sin(2 * sfx::kPi * hz[i] * t + phase[i]) / (i + 1);
        return std::clamp(0.5 + 0.5 * v / 1.83, 0.0, 1.0);
    }
};

// Filtered noise bed: low-passed (and optionally high-passed) independent noise per channel.
void noiseBed(Bed &bed, double levelDb, double lowHz, double highHz, double modulation = 0, double modHz = 0.1)
{
    SfxRandom rng = bed.stream();
    Drift drift(rng, modHz);
    Biquad lp[2], hp[2];
    for (Biquad &f : lp)
        f.setLowpass(lowHz, 0.7, kFs);
    for (Biquad &f : hp)
        f.setHighpass(std::max(10.0, highHz), 0.7, kFs);
    // A band of white noise filtered this way has about this RMS; scale to the requested level.
    const double bandwidth = std::max(50.0, lowHz - highHz);
    const double gain = sfx::dbToGain(levelDb) / std::sqrt(bandwidth / (kFs / 2) / 3.0 + 1e-9);
    float g = float(gain);
    for (size_t n = 0; n < bed.frames; ++n) {
        if (modulation > 0 && (n & 63) == 0) // the drift is far below 1 Hz: 1.3 ms steps are inaudible
            g = float(gain * ((1 - modulation) + modulation * 2 * drift.at(n / kFs)));
        bed.add(n, g * hp[0].process(lp[0].process(rng.white())), g * hp[1].process(lp[1].process(rng.white())));
    }
}

// Mains and machinery hum: a fundamental and a few harmonics, slowly beating.
void hum(Bed &bed, double levelDb, double hz, int harmonics)
{
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * std::sqrt(2.0);
    const double detune = rng.range(0.05, 0.2);
    // Each harmonic is a rotating phasor (one complex multiply per sample instead of a sin),
    // renormalised now and then so rounding never changes its amplitude.
    std::vector<std::complex<double>> phasor(size_t(harmonics), {1, 0});
    std::vector<std::complex<double>> step(phasor.size());
    for (int h = 1; h <= harmonics; ++h)
        step[size_t(h - 1)] = std::polar(1.0, 2 * sfx::kPi * (hz * h + detune * (h - 1)) / kFs);
    for (size_t n = 0; n < bed.frames; ++n) {
        double v = 0;
        for (int h = 1; h <= harmonics; ++h) {
            std::complex<double> &p = phasor[size_t(h - 1)];
            v += p.imag() / (h * h);
            p *= step[size_t(h - 1)];
            if ((n & 4095) == 4095)
                p /= std::abs(p);
        }
        bed.add(n, float(a * v), float(a * v * 0.9));
    }
}

// Songbirds: phrases of short falling-rising chirps at random times and places.
void birds(Bed &bed, double levelDb, double meanGapSeconds)
{
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * 2;
    for (double t = rng.range(0.1, meanGapSeconds); t < bed.frames / kFs; t += rng.range(0.4, 1.6) * meanGapSeconds) {
        const double pan = rng.range(-0.9, 0.9), base = rng.range(2600, 5200), level = a * rng.range(0.3, 1.0);
        const int notes = 2 + int(rng.uniform() * 5);
        double start = t;
        for (int k = 0; k < notes; ++k) {
            const double length = rng.range(0.04, 0.11), sweep = rng.range(-0.35, 0.35);
            double phase = 0;
            for (size_t n = size_t(start * kFs); n < bed.frames && n < size_t((start + length) * kFs); ++n) {
                const double u = (n / kFs - start) / length;
                phase += 2 * sfx::kPi * base * (1 + sweep * u + 0.05 * std::sin(2 * sfx::kPi * 30 * u)) / kFs;
                const double env = std::sin(sfx::kPi * u);
                bed.addPanned(n, float(level * env * env * std::sin(phase)), pan);
            }
            start += length + rng.range(0.02, 0.08);
        }
    }
}

// Passing cars: each is a swell of engine-and-tyre noise that moves across the stereo field.
void traffic(Bed &bed, double levelDb)
{
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * 6;
    for (double t = rng.range(-1.5, 1.0); t < bed.frames / kFs + 1.5; t += rng.range(1.2, 3.5)) {
        const double width = rng.range(1.2, 2.6), level = a * rng.range(0.4, 1.0), dir = rng.uniform() < 0.5 ? -1 : 1;
        Biquad band; // tyre roar: broad, around 1 kHz
        band.setBandpass(rng.range(600, 1300), 0.5, kFs);
        const double from = std::max(0.0, t - 2 * width), to = std::min(bed.frames / kFs, t + 2 * width);
        for (size_t n = size_t(from * kFs); n < size_t(to * kFs); ++n) {
            const double u = (n / kFs - t) / width;
            bed.addPanned(n, float(level * std::exp(-u * u * 2)) * band.process(rng.white()), dir * std::tanh(u));
        }
    }
}

// Surf: low-passed noise whose level and brightness swell with each wave and wash back.
void waves(Bed &bed, double levelDb)
{
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * 3;
    OnePole lp[2];
    double waveStart = -rng.range(0, 6), period = rng.range(6, 9), size = rng.range(0.6, 1.0);
    for (size_t n = 0; n < bed.frames; ++n) {
        const double t = n / kFs;
        if (t - waveStart > period)
            waveStart += period, period = rng.range(6, 9), size = rng.range(0.6, 1.0);
        const double u = (t - waveStart) / period; // 0..1 through one wave
        const double swell = size * (u < 0.3 ? std::pow(u / 0.3, 2) : std::exp(-(u - 0.3) * 4));
        if ((n & 31) == 0)
            for (OnePole &f : lp)
                f.setCutoff(250 + 2200 * swell, kFs);
        const float g = float(a * (0.15 + swell));
        bed.add(n, g * lp[0].lowpass(rng.white()), g * lp[1].lowpass(rng.white()));
    }
}

// Rain: a hiss and individual drops ticking on surfaces all around.
void rain(Bed &bed, double levelDb)
{
    noiseBed(bed, levelDb, 9000, 1200, 0.2, 0.15);
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * 4;
    for (double t = rng.range(0, 0.05); t < bed.frames / kFs; t += rng.range(0.005, 0.045)) {
        const double pan = rng.range(-1, 1), level = a * rng.range(0.2, 1.0), hz = rng.range(1800, 6000);
        Biquad band;
        band.setBandpass(hz, 3, kFs);
        const size_t at = size_t(t * kFs);
        for (size_t n = at; n < bed.frames && n < at + size_t(0.012 * kFs); ++n)
            bed.addPanned(n, float(level * std::exp(-double(n - at) / (0.002 * kFs))) * band.process(rng.white()), pan);
    }
}

// Bubbles: rising tones that ring and die, the sound of underwater.
void bubbles(Bed &bed, double levelDb, double perSecond)
{
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * 3;
    for (double t = rng.range(0, 1 / perSecond); t < bed.frames / kFs; t += rng.range(0.3, 1.7) / perSecond) {
        const double hz = rng.range(300, 900), life = rng.range(0.02, 0.06), pan = rng.range(-0.8, 0.8);
        double phase = 0;
        const size_t at = size_t(t * kFs);
        for (size_t n = at; n < bed.frames && n < at + size_t(life * 5 * kFs); ++n) {
            const double u = double(n - at) / kFs;
            phase += 2 * sfx::kPi * hz * (1 + 0.8 * std::min(1.0, u / life)) / kFs;
            bed.addPanned(n, float(a * std::exp(-u / life) * std::sin(phase)), pan);
        }
    }
}

// Crickets on a summer night: a 4.5 kHz tone gated in trills.
void crickets(Bed &bed, double levelDb)
{
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * std::sqrt(2.0), hz = rng.range(4200, 4800), pan = rng.range(-0.7, 0.7);
    for (size_t n = 0; n < bed.frames; ++n) {
        const double t = n / kFs;
        if (std::fmod(t, 0.9) >= 0.45) // the pause between trills
            continue;
        const double gate = std::max(0.0, std::sin(2 * sfx::kPi * 28 * t));
        bed.addPanned(n, float(a * gate * std::sin(2 * sfx::kPi * hz * t)), pan);
    }
}

// A hall in use: far-off sneaker squeaks and ball bounces, each with a slow, dull echo.
void hallActivity(Bed &bed, double levelDb)
{
    SfxRandom rng = bed.stream();
    const double a = sfx::dbToGain(levelDb) * 3;
    for (double t = rng.range(0.1, 1.0); t < bed.frames / kFs; t += rng.range(0.4, 1.8)) {
        const bool squeak = rng.uniform() < 0.6;
        const double pan = rng.range(-0.9, 0.9), level = a * rng.range(0.3, 1.0);
        const double hz = squeak ? rng.range(1400, 2800) : rng.range(120, 200), life = squeak ? 0.09 : 0.05;
        double phase = 0;
        for (int echo = 0; echo < 4; ++echo) { // the hall's late echoes, each weaker
            const size_t at = size_t((t + echo * 0.11) * kFs);
            const double g = level * std::pow(0.45, echo);
            for (size_t n = at; n < bed.frames && n < at + size_t(life * 3 * kFs); ++n) {
                const double u = double(n - at) / kFs;
                phase += 2 * sfx::kPi * hz * (squeak ? 1 + 0.15 * std::sin(2 * sfx::kPi * 25 * u) : 1 - 0.3 * u) / kFs;
                const double env = squeak ? std::sin(sfx::kPi * std::min(1.0, u / life)) : std::exp(-u / life * 3);
                bed.addPanned(n, float(g * env * std::sin(phase)), pan * (echo % 2 ? -0.5 : 1));
            }
        }
    }
}

bool isOneOf(const QString &value, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (value == QLatin1String(n))
            return true;
    return false;
}

// Loudness of each place's ambience in the mix before normalisation (which adds at most 12 dB):
// quiet interiors stay quiet, a beach or a street reaches the target by itself.
double targetLufs(const QString &env)
{
    if (isOneOf(env, {"room", "stage", "space"}))
        return -50;
    if (isOneOf(env, {"office", "kitchen"}))
        return -46;
    if (isOneOf(env, {"gym", "basketball-court"}))
        return -38;
    if (env == QLatin1String("street"))
        return -26;
    if (env == QLatin1String("forest"))
        return -29;
    if (env == QLatin1String("park"))
        return -31;
    if (env == QLatin1String("beach"))
        return -24;
    if (env == QLatin1String("underwater"))
        return -31;
    return -50;
}

} // namespace

std::vector<float> Ambience::render(const engine::ScenePlan &plan, std::int64_t frames)
{
    std::vector<float> out(size_t(std::max<std::int64_t>(0, frames)) * 2, 0.f);
    Bed bed{out, size_t(std::max<std::int64_t>(0, frames)), SfxRandom::seedOf(plan.seed, 0xA3B1E4CEull)};
    const QString &env = plan.environment;
    const bool night = plan.timeOfDay == QLatin1String("night");
    const bool snow = plan.weather == QLatin1String("snow"); // snow deadens the outdoors
    if (isOneOf(env, {"room", "office", "kitchen", "stage"})) {
        noiseBed(bed, env == QLatin1String("stage") ? -54 : -53, 700, 40);
        if (env == QLatin1String("office"))
            noiseBed(bed, -49, 1800, 120, 0.1), hum(bed, -58, 120, 4); // ventilation and lights
        if (env == QLatin1String("kitchen"))
            hum(bed, -52, 100, 5), noiseBed(bed, -56, 3000, 800);      // the fridge's compressor
    } else if (isOneOf(env, {"gym", "basketball-court"})) {
        noiseBed(bed, -42, 500, 40, 0.3, 0.07); // a big hall's air
        hum(bed, -54, 120, 3);                  // lighting ballasts
        hallActivity(bed, -50);
    } else if (env == QLatin1String("street")) {
        noiseBed(bed, -31, 350, 30, 0.25, 0.05);
        traffic(bed, -32);
    } else if (isOneOf(env, {"forest", "park"})) {
        const bool forest = env == QLatin1String("forest");
        noiseBed(bed, (forest ? -36 : -38) - (snow ? 6 : 0), 900, 150, 0.7, 0.06); // wind in leaves
        if (night)
            crickets(bed, forest ? -40 : -44);
        else if (!snow)
            birds(bed, forest ? -34 : -38, forest ? 0.9 : 2.2);
    } else if (env == QLatin1String("beach")) {
        waves(bed, -27);
        noiseBed(bed, -40, 600, 100, 0.6, 0.08);
    } else if (env == QLatin1String("space")) {
        hum(bed, -52, 48, 4);
        noiseBed(bed, -66, 300, 20);
    } else if (env == QLatin1String("underwater")) {
        noiseBed(bed, -32, 220, 20, 0.4, 0.05);
        bubbles(bed, -36, 2.5);
    }
    const bool outdoors = !isOneOf(env, {"room", "office", "kitchen", "stage", "gym", "basketball-court", "space",
                                         "underwater"});
    const bool raining =
        plan.weather == QLatin1String("rain") && env != QLatin1String("space") && env != QLatin1String("underwater");
    if (raining)
        rain(bed, outdoors ? -30 : -44); // indoors: rain heard on the windows and roof

    // The layers set the balance; the place sets the loudness. Measured (EBU R128) and scaled, so
    // a street is always about as loud as a street whatever the random events of this seed.
    double target = targetLufs(env);
    if (outdoors)
        target += (raining ? 3 : 0) + (snow ? -4 : 0) + (night ? -3 : 0);
    const double measured = integratedLoudness(out);
    if (measured > -70) {
        const float g = float(sfx::dbToGain(target - measured));
        for (float &v : out)
            v *= g;
    }
    return out;
}

QString Ambience::describe(const engine::ScenePlan &plan)
{
    QString what = plan.environment;
    if (plan.weather == QLatin1String("rain") && plan.environment != QLatin1String("space") &&
        plan.environment != QLatin1String("underwater"))
        what += QStringLiteral(" with rain");
    return QStringLiteral("Ambience: %1.").arg(what);
}

} // namespace kinora::audio
