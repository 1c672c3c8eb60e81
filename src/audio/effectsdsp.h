// Small DSP building blocks shared by the effects, ambience and mix code: a seeded noise source,
// one-pole and biquad filters, decibel helpers. Header-only because every piece is a few lines.
#pragma once

#include <cmath>
#include <cstdint>

namespace kinora::audio::sfx {

constexpr double kPi = 3.14159265358979323846;

inline double dbToGain(double db) { return std::pow(10.0, db / 20.0); }
inline double gainToDb(double gain) { return gain > 1e-12 ? 20.0 * std::log10(gain) : -240.0; }

/// @brief splitmix64 seeding a xorshift64* stream: identical numbers on every platform and
/// compiler, unlike rand() or std::uniform_*_distribution, so a seed always gives the same sound.
class SfxRandom
{
public:
    explicit SfxRandom(std::uint64_t seed) { m_state = mix(seed) | 1; }

    /// Mixes several values into one seed (plan seed, contact index, purpose).
    static std::uint64_t mix(std::uint64_t v)
    {
        std::uint64_t z = v + 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    static std::uint64_t seedOf(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0)
    {
        return mix(mix(mix(a) ^ b) ^ (c * 0xD1B54A32D192ED03ull));
    }

    std::uint64_t next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1Dull;
    }
    /// Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double range(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// White noise in [-1, 1).
    float white() { return float(2.0 * uniform() - 1.0); }

private:
    std::uint64_t m_state;
};

/// @brief One-pole low-pass; high-pass is the input minus it.
struct OnePole
{
    float a = 1, z = 0;
    void setCutoff(double hz, double sampleRate) { a = float(1.0 - std::exp(-2.0 * kPi * hz / sampleRate)); }
    float lowpass(float x) { return z += a * (x - z); }
    float highpass(float x) { return x - lowpass(x); }
};

/// @brief RBJ-cookbook biquad (transposed direct form II).
struct Biquad
{
    float b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0, z1 = 0, z2 = 0;

    float process(float x)
    {
        const float y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
    void setBandpass(double hz, double q, double sampleRate)
    {
        const double w = 2 * kPi * hz / sampleRate, alpha = std::sin(w) / (2 * q), a0 = 1 + alpha;
        set(alpha / a0, 0, -alpha / a0, -2 * std::cos(w) / a0, (1 - alpha) / a0);
    }
    void setLowpass(double hz, double q, double sampleRate)
    {
        const double w = 2 * kPi * hz / sampleRate, alpha = std::sin(w) / (2 * q), a0 = 1 + alpha;
        const double c = std::cos(w);
        set((1 - c) / 2 / a0, (1 - c) / a0, (1 - c) / 2 / a0, -2 * c / a0, (1 - alpha) / a0);
    }
    void setHighpass(double hz, double q, double sampleRate)
    {
        const double w = 2 * kPi * hz / sampleRate, alpha = std::sin(w) / (2 * q), a0 = 1 + alpha;
        const double c = std::cos(w);
        set((1 + c) / 2 / a0, -(1 + c) / a0, (1 + c) / 2 / a0, -2 * c / a0, (1 - alpha) / a0);
    }

private:
    void set(double nb0, double nb1, double nb2, double na1, double na2)
    {
        b0 = float(nb0), b1 = float(nb1), b2 = float(nb2), a1 = float(na1), a2 = float(na2);
    }
};

} // namespace kinora::audio::sfx
