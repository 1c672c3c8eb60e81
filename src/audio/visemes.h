// Visemes: from espeak's phoneme marks to a per-frame mouth opening (0 closed .. 1 wide open) that
// the renderer uses to move a speaking figure's mouth.
#pragma once

#include <QString>
#include <vector>

namespace kinora::audio {

/// One phoneme of a spoken line, timed relative to the line's first audible sample.
struct TimedPhoneme
{
    double startSeconds = 0;
    QString ipa; ///< "" or "_" for a pause
};

/// @brief How far the mouth opens for an IPA phoneme: open vowels (a) ~1, mid-open (o, ɔ) 0.85,
/// mid (e, ə) 0.7, close (i, u) 0.5; bilabials (p b m) and pauses 0; labiodentals 0.15;
/// other consonants 0.35.
float mouthOpenness(const QString &ipa);

/// @brief Adds one line's mouth movement to @p track (one value per video frame).
/// @p lineStartSeconds / @p lineEndSeconds place the line in the shot; @p samples (mono,
/// @p sampleRate) gate the opening so the frames of audible pauses stay closed. Frames that do not
/// overlap the line are left untouched; overlapping frames take the larger of the existing value
/// and this line's value. The line's values are smoothed over about one frame.
void addLineVisemes(std::vector<float> &track, int fps, double lineStartSeconds, double lineEndSeconds,
                    const std::vector<TimedPhoneme> &phonemes, const std::vector<float> &samples,
                    int sampleRate);

} // namespace kinora::audio
