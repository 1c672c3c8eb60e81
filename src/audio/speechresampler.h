// A rational windowed-sinc resampler (Kaiser window, polyphase table) for bringing espeak's
// 22050 Hz speech to the film's 48 kHz. Internal to the speech stage.
#pragma once

#include <cstdint>
#include <vector>

namespace kinora::audio::detail {

class SpeechResampler
{
public:
    /// @brief Prepares the filter bank for @p inputRate -> @p outputRate (both > 0).
    SpeechResampler(int inputRate, int outputRate);

    /// @brief Resamples a whole utterance (16-bit, full scale = 1.0 out). The output has
    /// ceil(n * out / in) samples; the filter is linear-phase, so no delay is added.
    std::vector<float> process(const std::vector<std::int16_t> &input) const;

    int upFactor() const { return m_up; }
    int downFactor() const { return m_down; }

private:
    int m_up = 1;   ///< L: output rate / gcd
    int m_down = 1; ///< M: input rate / gcd
    int m_taps = 0; ///< taps per phase
    std::vector<float> m_bank; ///< m_up phases x m_taps, each phase summing to 1 (exact DC gain)
};

} // namespace kinora::audio::detail
