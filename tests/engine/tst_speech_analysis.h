// Measurements on speech audio shared by the speech tests: frame energy, the voiced region, and an
// autocorrelation pitch tracker (so tests judge the sound itself, not espeak's event list).
#pragma once

#include "audio/audiotypes.h"
#include "engine/sceneplan.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace speechtest {

/// RMS of consecutive frames of @p frameSeconds.
inline std::vector<double> frameRms(const std::vector<float> &s, double frameSeconds = 0.01)
{
    const size_t n = size_t(frameSeconds * kinora::audio::kSampleRate);
    std::vector<double> out;
    for (size_t at = 0; at + n <= s.size(); at += n) {
        double sum = 0;
        for (size_t i = at; i < at + n; ++i)
            sum += double(s[i]) * s[i];
        out.push_back(std::sqrt(sum / double(n)));
    }
    return out;
}

struct Region
{
    double start = -1, end = -1; ///< seconds; -1 when nothing is voiced
};

/// First and last 10 ms frame whose energy is within @p belowPeakDb of the loudest frame.
inline Region voicedRegion(const std::vector<float> &s, double belowPeakDb = 40)
{
    const std::vector<double> rms = frameRms(s);
    const double peak = rms.empty() ? 0 : *std::max_element(rms.begin(), rms.end());
    Region r;
    if (peak <= 0)
        return r;
    const double threshold = peak * std::pow(10.0, -belowPeakDb / 20);
    for (size_t i = 0; i < rms.size(); ++i) {
        if (rms[i] > threshold) {
            if (r.start < 0)
                r.start = double(i) * 0.01;
            r.end = double(i + 1) * 0.01;
        }
    }
    return r;
}

/// Median F0 in Hz over voiced 40 ms frames (normalised autocorrelation, 60..400 Hz), 0 if none.
inline double medianF0(const std::vector<float> &s)
{
    // Decimate 4x by averaging (48 kHz -> 12 kHz): plenty for a pitch search, 16x cheaper.
    std::vector<double> x(s.size() / 4);
    for (size_t i = 0; i < x.size(); ++i)
        x[i] = (s[4 * i] + s[4 * i + 1] + s[4 * i + 2] + s[4 * i + 3]) / 4.0;
    const double rate = kinora::audio::kSampleRate / 4.0;
    const int frame = int(0.04 * rate), hop = int(0.01 * rate);
    const int minLag = int(rate / 400), maxLag = int(rate / 60);
    double loudest = 0;
    for (size_t at = 0; at + frame <= x.size(); at += hop) {
        double e = 0;
        for (int i = 0; i < frame; ++i)
            e += x[at + i] * x[at + i];
        loudest = std::max(loudest, e);
    }
    std::vector<double> f0s;
    for (size_t at = 0; at + frame + maxLag <= x.size(); at += hop) {
        double e0 = 0;
        for (int i = 0; i < frame; ++i)
            e0 += x[at + i] * x[at + i];
        if (e0 < loudest * 0.01) // quieter than -20 dB: consonant or pause
            continue;
        std::vector<double> r(size_t(maxLag + 1), 0.0);
        double best = 0;
        for (int lag = minLag; lag <= maxLag; ++lag) {
            double c = 0, e1 = 0;
            for (int i = 0; i < frame; ++i) {
                c += x[at + i] * x[at + i + lag];
                e1 += x[at + i + lag] * x[at + i + lag];
            }
            r[size_t(lag)] = c / std::sqrt(e0 * e1 + 1e-20);
            best = std::max(best, r[size_t(lag)]);
        }
        if (best < 0.6)
            continue; // unvoiced
        // The shortest lag at a local maximum close to the best avoids octave-down errors.
        for (int lag = minLag + 1; lag < maxLag; ++lag) {
            const double v = r[size_t(lag)];
            if (v >= 0.9 * best && v >= r[size_t(lag - 1)] && v >= r[size_t(lag + 1)]) {
                const double a = r[size_t(lag - 1)], b = v, c = r[size_t(lag + 1)];
                const double denom = a - 2 * b + c;
                const double shift = std::abs(denom) > 1e-12 ? 0.5 * (a - c) / denom : 0;
                f0s.push_back(rate / (lag + shift));
                break;
            }
        }
    }
    if (f0s.empty())
        return 0;
    std::nth_element(f0s.begin(), f0s.begin() + long(f0s.size() / 2), f0s.end());
    return f0s[f0s.size() / 2];
}

/// The shot's speech as one mono buffer: each line placed at its start sample.
inline std::vector<float> mixdown(const kinora::audio::SpeechTrack &track, double seconds)
{
    std::vector<float> out(size_t(seconds * kinora::audio::kSampleRate), 0.f);
    for (const kinora::audio::SpokenLine &l : track.lines) {
        const size_t at = size_t(std::lround(l.startSeconds * kinora::audio::kSampleRate));
        for (size_t i = 0; i < l.samples.size() && at + i < out.size(); ++i)
            out[at + i] += l.samples[i];
    }
    return out;
}

inline kinora::engine::PlanDialogue line(const QString &speaker, const QString &text,
                                         const QString &language = QStringLiteral("en"),
                                         double start = -1, const QString &entity = {})
{
    kinora::engine::PlanDialogue d;
    d.speaker = speaker;
    d.text = text;
    d.language = language;
    d.startSeconds = start;
    d.entity = entity;
    return d;
}

inline kinora::engine::PlanEntity figure(const QString &id, const QString &noun, const QString &speaker)
{
    kinora::engine::PlanEntity e;
    e.id = id;
    e.noun = noun;
    e.category = QStringLiteral("person");
    e.shape = QStringLiteral("figure");
    e.speaker = speaker;
    return e;
}

} // namespace speechtest
