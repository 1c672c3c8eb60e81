// Polyphase windowed-sinc resampling. Each of the L phases holds the taps of the ideal low-pass
// (cut just below the lower Nyquist) evaluated at that phase's fractional offset, Kaiser-windowed.
#include "audio/speechresampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kinora::audio::detail {
namespace {

constexpr int kHalfTaps = 16;        // 32 taps per phase: ~ -80 dB stopband with beta 8
constexpr double kKaiserBeta = 8.0;
constexpr double kCutoff = 0.92;     // of the lower Nyquist: espeak puts little above 95 % of it

double besselI0(double x)
{
    double sum = 1, term = 1;
    for (int k = 1; k < 40; ++k) {
        term *= (x / (2 * k)) * (x / (2 * k));
        sum += term;
        if (term < 1e-12 * sum)
            break;
    }
    return sum;
}

} // namespace

SpeechResampler::SpeechResampler(int inputRate, int outputRate)
{
    const int g = std::gcd(inputRate, outputRate);
    m_up = outputRate / g;
    m_down = inputRate / g;
    m_taps = 2 * kHalfTaps;
    // Cut-off relative to the input rate: below both Nyquists (down-sampling also needs it).
    const double cutoff = kCutoff * std::min(1.0, double(m_up) / m_down);
    const double i0Beta = besselI0(kKaiserBeta);
    m_bank.assign(size_t(m_up) * m_taps, 0.f);
    for (int phase = 0; phase < m_up; ++phase) {
        const double frac = double(phase) / m_up; // output sits frac samples after input `base`
        double sum = 0;
        std::vector<double> taps(m_taps);
        for (int k = 0; k < m_taps; ++k) {
            const double t = double(k - kHalfTaps + 1) - frac; // input index offset from the output time
            const double x = M_PI * cutoff * t;
            const double sinc = std::abs(x) < 1e-12 ? 1.0 : std::sin(x) / x;
            const double r = t / (kHalfTaps + 1);
            const double window = std::abs(r) >= 1 ? 0 : besselI0(kKaiserBeta * std::sqrt(1 - r * r)) / i0Beta;
            taps[k] = sinc * window;
            sum += taps[k];
        }
        for (int k = 0; k < m_taps; ++k)
            m_bank[size_t(phase) * m_taps + k] = float(taps[k] / sum);
    }
}

std::vector<float> SpeechResampler::process(const std::vector<std::int16_t> &input) const
{
    const std::int64_t n = std::int64_t(input.size());
    const std::int64_t outCount = (n * m_up + m_down - 1) / m_down;
    std::vector<float> out(size_t(std::max<std::int64_t>(outCount, 0)));
    constexpr float kScale = 1.f / 32768.f;
    for (std::int64_t o = 0; o < outCount; ++o) {
        const std::int64_t pos = o * m_down;
        const std::int64_t base = pos / m_up;
        const int phase = int(pos % m_up);
        const float *taps = m_bank.data() + size_t(phase) * m_taps;
        const std::int64_t first = base - kHalfTaps + 1;
        float acc = 0;
        if (first >= 0 && first + m_taps <= n) {
            const std::int16_t *x = input.data() + first;
            for (int k = 0; k < m_taps; ++k)
                acc += taps[k] * float(x[k]);
        } else {
            for (int k = 0; k < m_taps; ++k) {
                const std::int64_t i = first + k;
                if (i >= 0 && i < n)
                    acc += taps[k] * float(input[size_t(i)]);
            }
        }
        out[size_t(o)] = acc * kScale;
    }
    return out;
}

} // namespace kinora::audio::detail
