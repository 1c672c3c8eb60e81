// Reverb: eight combs and four allpasses per channel, the right channel's delays offset a little so
// the tail is wide. Comb feedback g = 10^(-3 d / (fs RT60)) makes every comb decay at the same rate.
#include "audio/reverb.h"

#include "audio/effectsdsp.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>

namespace kinora::audio {
namespace {

// Mutually prime delays (samples at 44.1 kHz) in the classic Schroeder/Moorer range of 25-37 ms
// for combs and 5-13 ms for allpasses; scaled to the actual rate and the room size.
constexpr int kCombDelays[] = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
constexpr int kAllpassDelays[] = {556, 441, 341, 225};
constexpr int kStereoSpread = 23;

} // namespace

ReverbSettings reverbFor(const QString &environment)
{
    ReverbSettings s;
    if (environment == QLatin1String("gym") || environment == QLatin1String("basketball-court"))
        s = {2.2, 0.3, -1, 1.5, 25, 0};
    else if (environment == QLatin1String("stage"))
        s = {1.6, 0.45, -4, 1.3, 18, 0};
    else if (environment == QLatin1String("office"))
        s = {0.5, 0.55, -9, 0.9, 6, 0};
    else if (environment == QLatin1String("kitchen"))
        s = {0.6, 0.25, -6, 0.8, 5, 0}; // tiles: bright and a little longer than a furnished room
    else if (environment == QLatin1String("street"))
        s = {0.8, 0.5, -14, 1.2, 30, 0}; // building facades: late, sparse slap
    else if (environment == QLatin1String("forest") || environment == QLatin1String("park") ||
             environment == QLatin1String("beach"))
        s = {0.4, 0.7, -20, 1.0, 20, 0}; // open air: almost dry, what reflects is dull
    else if (environment == QLatin1String("space"))
        s = {0.3, 0.8, -30, 0.7, 2, 0};
    else if (environment == QLatin1String("underwater"))
        s = {1.2, 0.8, -4, 0.7, 4, 900};
    else // room
        s = {0.45, 0.5, -7, 0.75, 4, 0};
    return s;
}

Reverb::Reverb(const ReverbSettings &settings, int sampleRate) : m_settings(settings)
{
    const double scale = double(sampleRate) / 44100.0 * settings.sizeScale;
    for (int ch = 0; ch < 2; ++ch) {
        for (int d : kCombDelays) {
            Comb c;
            const size_t length = size_t(std::lround((d + ch * kStereoSpread) * scale));
            c.buffer.assign(std::max<size_t>(1, length), 0.f);
            const double rt60 = std::max(0.05, settings.rt60Seconds);
            c.feedback = float(std::pow(10.0, -3.0 * double(length) / (sampleRate * rt60)));
            c.damp = float(std::clamp(settings.damping, 0.0, 0.95));
            m_combs[ch].push_back(std::move(c));
        }
        for (int d : kAllpassDelays) {
            Allpass a;
            a.buffer.assign(std::max<size_t>(1, size_t(std::lround((d + ch * kStereoSpread) * scale))), 0.f);
            m_allpasses[ch].push_back(std::move(a));
        }
    }
    m_preDelay.assign(std::max<size_t>(1, size_t(settings.preDelayMs * 1e-3 * sampleRate)), 0.f);
    if (settings.lowpassHz > 0)
        m_lowpass = float(1.0 - std::exp(-2.0 * sfx::kPi * settings.lowpassHz / sampleRate));
    // Calibrate: run a unit impulse through a copy and scale the tail so its energy sits at
    // reverbToDirectDb against the impulse's. The copy starts from silence like the real one.
    // The energy depends only on the settings, so it is computed once per place and rate.
    static std::mutex cacheMutex;
    static std::map<std::array<double, 6>, double> cache;
    const std::array<double, 6> key{settings.rt60Seconds, settings.damping, settings.sizeScale,
                                    settings.preDelayMs, settings.lowpassHz, double(sampleRate)};
    double energy = -1;
    {
        const std::lock_guard<std::mutex> lock(cacheMutex);
        const auto it = cache.find(key);
        if (it != cache.end())
            energy = it->second;
    }
    if (energy < 0) {
        Reverb probe = *this;
        energy = 0;
        const size_t length = size_t((settings.rt60Seconds * 1.2 + settings.preDelayMs * 1e-3) * sampleRate) + 1;
        for (size_t n = 0; n < length; ++n) {
            float l = 0, r = 0;
            probe.processSample(n == 0 ? 1.f : 0.f, &l, &r);
            energy += 0.5 * (double(l) * l + double(r) * r);
        }
        const std::lock_guard<std::mutex> lock(cacheMutex);
        cache[key] = energy;
    }
    m_wet = float(std::sqrt(std::pow(10.0, settings.reverbToDirectDb / 10) / std::max(1e-12, energy)));
}

float Reverb::comb(Comb &c, float x)
{
    const float y = c.buffer[c.index];
    c.store = y * (1 - c.damp) + c.store * c.damp; // one-pole low-pass in the loop: highs die first
    c.buffer[c.index] = x + c.store * c.feedback + 1e-20f; // the offset keeps a silent tail out of denormals
    if (++c.index == c.buffer.size())
        c.index = 0;
    return y;
}

float Reverb::allpass(Allpass &a, float x)
{
    const float b = a.buffer[a.index];
    a.buffer[a.index] = x + b * 0.5f;
    if (++a.index == a.buffer.size())
        a.index = 0;
    return b - x;
}

void Reverb::processSample(float mono, float *left, float *right)
{
    const float x = m_preDelay[m_preIndex];
    m_preDelay[m_preIndex] = mono;
    if (++m_preIndex == m_preDelay.size())
        m_preIndex = 0;
    float y[2];
    for (int ch = 0; ch < 2; ++ch) {
        float acc = 0;
        for (Comb &c : m_combs[ch])
            acc += comb(c, x);
        for (Allpass &a : m_allpasses[ch])
            acc = allpass(a, acc);
        y[ch] = acc;
    }
    if (m_settings.lowpassHz > 0) {
        y[0] = m_lowL += m_lowpass * (y[0] - m_lowL);
        y[1] = m_lowR += m_lowpass * (y[1] - m_lowR);
    }
    *left = m_wet * y[0];
    *right = m_wet * y[1];
}

void Reverb::process(const float *in, float *out, size_t frames)
{
    for (size_t n = 0; n < frames; ++n) {
        float l = 0, r = 0;
        processSample(0.5f * (in[2 * n] + in[2 * n + 1]), &l, &r);
        out[2 * n] += l;
        out[2 * n + 1] += r;
    }
}

} // namespace kinora::audio
