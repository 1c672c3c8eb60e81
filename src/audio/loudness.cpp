// Loudness: libebur128 measures; the limiter is a sliding minimum of the required gain, released
// slowly and then averaged over the lookahead window, which keeps it under every sample's limit.
#include "audio/loudness.h"

#include "audio/audiotypes.h"
#include "audio/effectsdsp.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>

namespace kinora::audio {
namespace {

struct StateDeleter
{
    void operator()(ebur128_state *s) const { ebur128_destroy(&s); }
};
using State = std::unique_ptr<ebur128_state, StateDeleter>;

} // namespace

core::Result<LoudnessStats> measureLoudness(const std::vector<float> &stereo)
{
    State state(ebur128_init(2, kSampleRate, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK));
    if (!state)
        return core::Error{QStringLiteral("Could not start the loudness meter (libebur128); the system may be "
                                          "out of memory.")};
    const size_t frames = stereo.size() / 2;
    if (frames > 0 && ebur128_add_frames_float(state.get(), stereo.data(), frames) != EBUR128_SUCCESS)
        return core::Error{QStringLiteral("The loudness meter (libebur128) rejected the shot's audio.")};
    LoudnessStats stats;
    double lufs = -HUGE_VAL;
    ebur128_loudness_global(state.get(), &lufs);
    stats.silent = !std::isfinite(lufs) || lufs < -70;
    stats.integratedLufs = stats.silent ? -70 : lufs;
    double peak = 0;
    for (unsigned ch = 0; ch < 2; ++ch) {
        double p = 0;
        if (ebur128_true_peak(state.get(), ch, &p) == EBUR128_SUCCESS)
            peak = std::max(peak, p);
    }
    stats.truePeakDb = std::max(-70.0, sfx::gainToDb(peak));
    return stats;
}

double integratedLoudness(const std::vector<float> &stereo)
{
    State state(ebur128_init(2, kSampleRate, EBUR128_MODE_I));
    double lufs = -HUGE_VAL;
    if (!state || (stereo.size() >= 2 && ebur128_add_frames_float(state.get(), stereo.data(), stereo.size() / 2) !=
                                             EBUR128_SUCCESS))
        return -70;
    ebur128_loudness_global(state.get(), &lufs);
    return std::isfinite(lufs) && lufs > -70 ? lufs : -70;
}

double limitPeaks(std::vector<float> &stereo, double ceiling, int lookaheadSamples, double releaseSeconds)
{
    const size_t frames = stereo.size() / 2, window = size_t(std::max(1, lookaheadSamples));
    std::vector<float> required(frames);
    bool acts = false;
    for (size_t n = 0; n < frames; ++n) {
        const double peak = std::max(std::abs(stereo[2 * n]), std::abs(stereo[2 * n + 1]));
        required[n] = peak > ceiling ? float(ceiling / peak) : 1.f;
        acts = acts || peak > ceiling;
    }
    if (!acts)
        return 0;
    // held[j] = min of required over [j - window, j]; every held value in [n, n + window] is then
    // <= required[n], and so is their average: the gain at n never lets sample n over the ceiling.
    std::vector<double> held(frames + window, 1.0);
    std::deque<size_t> minima;
    const double release = 1 - std::exp(-1.0 / (releaseSeconds * kSampleRate));
    double released = 1;
    for (size_t j = 0; j < frames + window; ++j) {
        if (j < frames) {
            while (!minima.empty() && required[minima.back()] >= required[j])
                minima.pop_back();
            minima.push_back(j);
        }
        while (!minima.empty() && minima.front() + window < j)
            minima.pop_front();
        const double m = minima.empty() ? 1.0 : required[minima.front()];
        released = std::min(m, released + release * (1 - released));
        held[j] = released;
    }
    double sum = 0;
    for (size_t j = 0; j <= window; ++j)
        sum += held[j];
    double deepest = 1;
    for (size_t n = 0; n < frames; ++n) {
        const float g = float(std::min(1.0, sum / double(window + 1)));
        deepest = std::min(deepest, double(g));
        stereo[2 * n] *= g;
        stereo[2 * n + 1] *= g;
        sum += (n + window + 1 < held.size() ? held[n + window + 1] : 1.0) - held[n];
    }
    return sfx::gainToDb(deepest);
}

core::Result<NormalizeReport> normalizeLoudness(std::vector<float> &stereo, const LoudnessTarget &target)
{
    // The gain search meters integrated loudness only; the (4x oversampled, slower) true-peak
    // meter runs once on the result, and again only if the ceiling has to come down.
    NormalizeReport report;
    report.before.integratedLufs = integratedLoudness(stereo);
    report.before.silent = report.before.integratedLufs <= -70;
    double samplePeak = 0;
    for (float v : stereo)
        samplePeak = std::max(samplePeak, double(std::abs(v)));
    report.before.truePeakDb = std::max(-70.0, sfx::gainToDb(samplePeak));
    report.after = report.before;
    if (report.before.silent) {
        report.skipped = true;
        return report;
    }
    const std::vector<float> original = stereo;
    const double wantedDb = target.integratedLufs - report.before.integratedLufs;
    report.gainCapped = wantedDb > target.maxGainDb;
    // The sample-peak ceiling starts half a dB under the true-peak one (inter-sample peaks of a
    // limited signal are rarely higher than that) and is lowered if the true-peak meter disagrees.
    double ceilingDb = target.truePeakDbtp - 0.5;
    for (int attempt = 0; attempt < 3; ++attempt) {
        double gainDb = std::min(wantedDb, target.maxGainDb), lufs = -70;
        double lastGainDb = 0, lastLufs = 0;
        for (int pass = 0; pass < 6; ++pass) {
            const float g = float(sfx::dbToGain(gainDb));
            for (size_t i = 0; i < stereo.size(); ++i)
                stereo[i] = original[i] * g;
            report.limiterDb = limitPeaks(stereo, sfx::dbToGain(ceilingDb), kSampleRate * 3 / 2000, 0.06);
            report.gainDb = gainDb;
            // Untouched by the limiter, loudness moves exactly with the gain (R128 gating is relative).
            lufs = report.limiterDb < 0 ? integratedLoudness(stereo) : report.before.integratedLufs + gainDb;
            const double miss = target.integratedLufs - lufs;
            if (std::abs(miss) < 0.2 || (miss > 0 && gainDb >= target.maxGainDb))
                break;
            // Under limiting, loudness grows slower than the gain: step by the measured slope (secant).
            double slope = 1;
            if (pass > 0 && std::abs(gainDb - lastGainDb) > 0.01)
                slope = std::clamp((lufs - lastLufs) / (gainDb - lastGainDb), 0.25, 1.0);
            lastGainDb = gainDb;
            lastLufs = lufs;
            gainDb = std::min(target.maxGainDb, gainDb + miss / slope);
        }
        report.limited = report.limiterDb < 0;
        auto after = measureLoudness(stereo);
        if (!after.ok())
            return after.error();
        report.after = after.value();
        if (report.after.truePeakDb <= target.truePeakDbtp)
            return report;
        ceilingDb -= report.after.truePeakDb - target.truePeakDbtp + 0.2;
    }
    // Still over after every attempt (a pathological signal): give up loudness, never the ceiling.
    const float g = float(sfx::dbToGain(target.truePeakDbtp - report.after.truePeakDb - 0.1));
    for (float &v : stereo)
        v *= g;
    auto after = measureLoudness(stereo);
    if (!after.ok())
        return after.error();
    report.after = after.value();
    report.gainDb += sfx::gainToDb(g);
    return report;
}

} // namespace kinora::audio
