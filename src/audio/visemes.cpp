// Mouth opening per frame: phoneme openness averaged over each frame's time span, multiplied by an
// audibility gate from the line's own audio, then a [1 2 1]/4 smoothing so single-phoneme frames
// do not flicker. Pause frames are forced shut after smoothing.
#include "audio/visemes.h"

#include <algorithm>
#include <cmath>

namespace kinora::audio {
namespace {

bool startsWithAny(const QString &s, const char16_t *chars)
{
    const QChar c = s.at(0);
    for (const char16_t *p = chars; *p; ++p) {
        if (c.unicode() == *p)
            return true;
    }
    return false;
}

// RMS of the line's samples over [t0, t1) seconds of the line, in linear units.
double rmsBetween(const std::vector<float> &samples, int sampleRate, double t0, double t1)
{
    const long a = std::max(0L, long(std::floor(t0 * sampleRate)));
    const long b = std::min(long(samples.size()), long(std::ceil(t1 * sampleRate)));
    if (b <= a)
        return 0;
    double sum = 0;
    for (long i = a; i < b; ++i)
        sum += double(samples[size_t(i)]) * samples[size_t(i)];
    return std::sqrt(sum / double(b - a));
}

} // namespace

float mouthOpenness(const QString &ipa)
{
    // Strip stress, length, tone and syllable marks espeak attaches ("ˈa", "iː", "a5").
    QString core;
    for (const QChar ch : ipa) {
        const char16_t u = ch.unicode();
        if (u == u'ˈ' || u == u'ˌ' || u == u'ː' || u == u'ˑ' || u == u'-' || u == u'_' || ch.isDigit()
            || ch.isSpace() || ch.category() == QChar::Mark_NonSpacing)
            continue;
        core += ch;
    }
    if (core.isEmpty())
        return 0.f; // pause
    if (startsWithAny(core, u"pbmɸβʙ"))
        return 0.f;
    if (startsWithAny(core, u"fvɱ"))
        return 0.15f;
    if (startsWithAny(core, u"aɑɐæɶ"))
        return 1.f;
    if (startsWithAny(core, u"oɔɒʌɜɞ"))
        return 0.85f;
    if (startsWithAny(core, u"eɛəɘɵøœɤ"))
        return 0.7f;
    if (startsWithAny(core, u"iɪyʏuʊɯɨʉ"))
        return 0.5f;
    if (startsWithAny(core, u"wʍ"))
        return 0.25f;
    return 0.35f;
}

void addLineVisemes(std::vector<float> &track, int fps, double lineStartSeconds, double lineEndSeconds,
                    const std::vector<TimedPhoneme> &phonemes, const std::vector<float> &samples,
                    int sampleRate)
{
    const int frames = int(track.size());
    if (frames == 0 || fps <= 0 || lineEndSeconds <= lineStartSeconds)
        return;
    const double frameSeconds = 1.0 / fps;
    const int first = std::max(0, int(std::floor(lineStartSeconds * fps)));
    const int last = std::min(frames - 1, int(std::ceil(lineEndSeconds * fps)) - 1);
    if (last < first)
        return;

    // Peak short-time level of the line, for a gate relative to the voice's own loudness.
    const double window = 0.01;
    double peak = 0;
    for (double t = 0; t < lineEndSeconds - lineStartSeconds; t += window)
        peak = std::max(peak, rmsBetween(samples, sampleRate, t, t + window));
    const double gate = peak * 0.03; // about -30 dB under the loudest 10 ms

    const double duration = lineEndSeconds - lineStartSeconds;
    std::vector<float> openness(phonemes.size());
    for (size_t p = 0; p < phonemes.size(); ++p)
        openness[p] = mouthOpenness(phonemes[p].ipa);
    std::vector<float> raw(size_t(last - first + 1), 0.f);
    std::vector<bool> pause(raw.size(), false);
    for (int f = first; f <= last; ++f) {
        // Frame span in line time, clipped to the line.
        const double a = std::max(0.0, f * frameSeconds - lineStartSeconds);
        const double b = std::min(duration, (f + 1) * frameSeconds - lineStartSeconds);
        if (b <= a)
            continue;
        double weighted = 0;
        for (size_t p = 0; p < phonemes.size(); ++p) {
            const double p0 = std::max(a, phonemes[p].startSeconds);
            const double p1 = std::min(b, p + 1 < phonemes.size() ? phonemes[p + 1].startSeconds : duration);
            if (p1 > p0)
                weighted += (p1 - p0) * openness[p];
        }
        const size_t i = size_t(f - first);
        raw[i] = float(weighted / frameSeconds); // partial frames at the line's edges open less
        pause[i] = rmsBetween(samples, sampleRate, a, b) < gate;
        if (pause[i])
            raw[i] = 0.f;
    }
    for (size_t i = 0; i < raw.size(); ++i) {
        const float left = i > 0 ? raw[i - 1] : 0.f;
        const float right = i + 1 < raw.size() ? raw[i + 1] : 0.f;
        float v = pause[i] ? 0.f : 0.25f * left + 0.5f * raw[i] + 0.25f * right;
        v = std::clamp(v, 0.f, 1.f);
        float &slot = track[size_t(first) + i];
        slot = std::max(slot, v);
    }
}

} // namespace kinora::audio
