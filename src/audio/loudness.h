// Loudness: EBU R128 measurement (libebur128), normalisation to a target integrated loudness with
// a cap on the gain, and a lookahead peak limiter that keeps the true peak under a ceiling.
#pragma once

#include "core/result.h"

#include <vector>

namespace kinora::audio {

struct LoudnessStats
{
    double integratedLufs = -70; ///< -70 when the programme is silent (below the absolute gate)
    double truePeakDb = -70;     ///< dBTP, max over both channels
    bool silent = true;
};

/// @brief Measures interleaved stereo at kSampleRate (integrated loudness and true peak).
core::Result<LoudnessStats> measureLoudness(const std::vector<float> &stereo);

/// @brief Integrated loudness only (cheaper: no oversampled peak search); -70 when silent or
/// when the meter cannot run.
double integratedLoudness(const std::vector<float> &stereo);

struct LoudnessTarget
{
    double integratedLufs = -16;
    double maxGainDb = 12;    ///< a near-silent shot is raised at most this much
    double truePeakDbtp = -1; ///< ceiling after normalisation
};

struct NormalizeReport
{
    LoudnessStats before; ///< its truePeakDb is the sample peak (the true-peak meter runs on the result)
    LoudnessStats after;
    double gainDb = 0;
    bool gainCapped = false; ///< the target needed more than maxGainDb
    bool limited = false;    ///< the limiter had to act
    double limiterDb = 0;    ///< its deepest gain reduction (dB, <= 0)
    bool skipped = false;    ///< silent: nothing to normalise
};

/// @brief Scales @p stereo to the target loudness and limits its true peak, re-measuring after
/// each pass (limiting lowers loudness, so gain and ceiling are refined a few times).
core::Result<NormalizeReport> normalizeLoudness(std::vector<float> &stereo, const LoudnessTarget &target = {});

/// @brief Lookahead peak limiter: the gain starts falling @p lookaheadSamples before a peak,
/// so no sample of @p stereo exceeds @p ceiling (linear); it recovers with @p releaseSeconds.
/// Returns the deepest gain reduction in dB (0: the signal was left untouched).
double limitPeaks(std::vector<float> &stereo, double ceiling, int lookaheadSamples, double releaseSeconds);

} // namespace kinora::audio
