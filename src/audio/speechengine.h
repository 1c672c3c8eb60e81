// The espeak-ng runner: synthesizes a batch of utterances in a short-lived child process and hands
// back 16-bit samples plus IPA phoneme marks. Internal to the speech stage.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kinora::audio::detail {

/// One utterance to speak. Plain std types: the request crosses a fork().
struct EspeakJob
{
    std::string text;                    ///< UTF-8, already cleaned of unsayable characters
    std::vector<std::string> voiceNames; ///< espeak voice names tried in order ("fr+f4", then "en-us+f4")
    int pitch = 50;
    int range = 50;
    int rate = 165;
    double maxSeconds = 0; ///< stop once this much audio exists (the line cannot fit anyway); 0 = no limit
};

struct PhonemeMark
{
    std::int32_t timeMs = 0; ///< from the start of the utterance's audio
    char ipa[12] = {};       ///< the phoneme in IPA, UTF-8, NUL-terminated ("" for a pause)
};

struct EspeakOutput
{
    int voiceUsed = -1;    ///< index into EspeakJob::voiceNames that espeak accepted; -1: none
    bool cutShort = false; ///< stopped at maxSamples
    std::vector<std::int16_t> samples;
    std::vector<PhonemeMark> phonemes;
};

struct EspeakBatch
{
    int sampleRate = 0; ///< espeak's native rate (22050 with the stock voices)
    std::vector<EspeakOutput> outputs; ///< one per job, same order
};

/// @brief Speaks every job. Each call runs espeak-ng from a fresh state (see speechengine.cpp), so
/// the same jobs always give bit-identical samples; calls are serialised by one process-wide mutex.
core::Result<EspeakBatch> runEspeak(const std::vector<EspeakJob> &jobs);

} // namespace kinora::audio::detail
