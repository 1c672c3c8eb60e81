// Voice casting: gives every speaker of a storyboard one espeak-ng voice (variant, pitch, range,
// rate) that fits the figure (man, woman, child...) and stays audibly apart from the other speakers.
#pragma once

#include "audio/audiotypes.h"

#include <QList>
#include <QString>
#include <optional>

namespace kinora::audio {

/// What the caster knows about one speaker.
struct SpeakerHint
{
    QString speaker; ///< storyboard speaker name ("MAYA")
    QString noun;    ///< lexicon noun of the figure: man, woman, girl, boy, dog, "" when unknown
    std::optional<VoiceProfile> cameoVoice; ///< a cameo's own voice; wins over casting
};

/// Number of voice variants VoiceProfile::variant may index (see voiceVariantName()).
int voiceVariantCount();
/// @brief The espeak-ng variant for VoiceProfile::variant ("m3", "f4"; "" is the default male).
/// Out-of-range indices give "".
QString voiceVariantName(int variant);
/// @brief True when the variant is a female timbre (used by casting and by tests).
bool isFemaleVariant(int variant);

/// @brief One consistent, distinct voice per speaker, in order of first line. Deterministic: the
/// same hints give the same cast. No two cast voices share a variant with pitches closer than
/// kMinPitchGap; a cameo voice is kept as given and the others steer clear of it.
VoiceCast castVoices(const QList<SpeakerHint> &speakersInOrderOfFirstLine);

/// Smallest espeak pitch difference (0..100 scale) that reads as a different voice on one timbre.
constexpr int kMinPitchGap = 8;

} // namespace kinora::audio
