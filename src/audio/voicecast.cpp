// Voice casting: figure noun -> a pool of plausible espeak voices; speakers take the first pool entry
// that no earlier speaker (or cameo) already sounds like.
#include "audio/voicecast.h"

#include <QSet>
#include <cstdlib>

namespace kinora::audio {
namespace {

struct Variant
{
    const char *name;
    bool female;
};

// Fixed order: VoiceProfile::variant is stored in projects, so entries are only ever appended.
// Only variants without espeak's built-in echo (the mixer places voices in the room; a baked-in
// echo would double it and blur where a line ends) and without breath noise.
const Variant kVariants[] = {
    {"", false},      {"m1", false},    {"m3", false},      {"m4", false},      {"m6", false},
    {"m7", false},    {"m5", false},    {"f1", true},       {"linda", true},    {"belinda", true},
    {"Andrea", true}, {"steph", true},
};

enum class Kind { Man, Woman, Girl, Boy, Animal, Unknown };

Kind kindOf(const QString &noun)
{
    const QString n = noun.trimmed().toLower();
    static const QSet<QString> men{"man", "men", "guy", "father", "dad", "grandfather", "grandpa",
                                   "king", "boyfriend", "husband", "brother", "uncle", "gentleman",
                                   "policeman", "fireman", "chef", "soldier"};
    static const QSet<QString> women{"woman", "women", "lady", "mother", "mom", "grandmother",
                                     "grandma", "queen", "girlfriend", "wife", "sister", "aunt"};
    static const QSet<QString> girls{"girl", "daughter"};
    static const QSet<QString> boys{"boy", "son", "child", "kid", "baby", "toddler"};
    static const QSet<QString> animals{"dog", "puppy", "cat", "kitten", "bird", "parrot", "horse",
                                       "cow", "pig", "fox", "bear", "monkey", "robot"};
    if (men.contains(n)) return Kind::Man;
    if (women.contains(n)) return Kind::Woman;
    if (girls.contains(n)) return Kind::Girl;
    if (boys.contains(n)) return Kind::Boy;
    if (animals.contains(n)) return Kind::Animal;
    return Kind::Unknown;
}

struct Choice
{
    int variant, pitch, range, rate;
};

// Candidates per kind, most typical first. Pitch is espeak's 0..100 scale, a factor of the
// variant's base F0 (50 = 1x, 70 ~ 1.2x, 85 ~ 1.45x): men ~95-125 Hz, women ~165-230 Hz,
// children higher and faster.
QList<Choice> poolFor(Kind kind)
{
    switch (kind) {
    case Kind::Man:
        return {{0, 46, 50, 165}, {2, 40, 55, 160}, {1, 52, 45, 170}, {3, 36, 50, 158},
                {5, 48, 60, 168}, {4, 44, 50, 162}, {6, 50, 55, 166}};
    case Kind::Woman:
        return {{7, 54, 60, 168}, {8, 42, 55, 172}, {9, 46, 60, 165}, {10, 40, 65, 170},
                {11, 52, 55, 166}};
    case Kind::Girl:
        return {{8, 72, 65, 185}, {10, 70, 70, 188}, {7, 82, 65, 182}, {11, 80, 60, 190}};
    case Kind::Boy:
        return {{7, 68, 65, 185}, {11, 62, 60, 182}, {9, 62, 65, 188}, {10, 60, 60, 184}};
    case Kind::Animal:
        return {{5, 70, 75, 190}, {11, 85, 80, 195}, {1, 80, 75, 192}};
    case Kind::Unknown:
        break;
    }
    return {};
}

bool clashes(const Choice &c, const QList<VoiceProfile> &taken)
{
    for (const VoiceProfile &t : taken) {
        if (t.variant == c.variant && std::abs(t.pitch - c.pitch) < kMinPitchGap)
            return true;
    }
    return false;
}

Choice pick(Kind kind, int unknownOrdinal, const QList<VoiceProfile> &taken)
{
    // Unknown figures alternate man/woman so a scene of unnamed speakers still sounds varied.
    const Kind effective = kind == Kind::Unknown ? (unknownOrdinal % 2 == 0 ? Kind::Man : Kind::Woman)
                                                 : kind;
    const QList<Choice> pool = poolFor(effective);
    for (const Choice &c : pool) {
        if (!clashes(c, taken))
            return c;
    }
    // Pool exhausted: walk the pitch away from the pool's entries in gap-sized steps, alternating
    // up and down, until a free slot appears (pitch stays within espeak's 0..100).
    for (int step = 1; step < 100 / kMinPitchGap + 2; ++step) {
        for (const Choice &base : pool) {
            for (int sign : {1, -1}) {
                Choice c = base;
                c.pitch = base.pitch + sign * step * kMinPitchGap / 2;
                if (c.pitch < 5 || c.pitch > 95)
                    continue;
                if (!clashes(c, taken))
                    return c;
            }
        }
    }
    return pool.first(); // more speakers than audible slots: reuse, deterministically
}

} // namespace

int voiceVariantCount()
{
    return int(sizeof(kVariants) / sizeof(kVariants[0]));
}

QString voiceVariantName(int variant)
{
    if (variant < 0 || variant >= voiceVariantCount())
        return {};
    return QString::fromLatin1(kVariants[variant].name);
}

bool isFemaleVariant(int variant)
{
    return variant >= 0 && variant < voiceVariantCount() && kVariants[variant].female;
}

VoiceCast castVoices(const QList<SpeakerHint> &speakersInOrderOfFirstLine)
{
    VoiceCast cast;
    QList<VoiceProfile> taken;
    // Cameo voices first: they are fixed, so everyone else must steer clear of them.
    for (const SpeakerHint &hint : speakersInOrderOfFirstLine) {
        const QString key = hint.speaker.trimmed().toUpper();
        if (!hint.cameoVoice || cast.contains(key))
            continue;
        VoiceProfile voice = *hint.cameoVoice;
        voice.speaker = hint.speaker.trimmed();
        cast.insert(key, voice);
        taken.append(voice);
    }
    int unknownOrdinal = 0;
    for (const SpeakerHint &hint : speakersInOrderOfFirstLine) {
        const QString key = hint.speaker.trimmed().toUpper();
        if (cast.contains(key))
            continue;
        const Kind kind = kindOf(hint.noun);
        const Choice c = pick(kind, unknownOrdinal, taken);
        if (kind == Kind::Unknown)
            ++unknownOrdinal;
        VoiceProfile voice;
        voice.speaker = hint.speaker.trimmed();
        voice.variant = c.variant;
        voice.pitch = c.pitch;
        voice.range = c.range;
        voice.rate = c.rate;
        cast.insert(key, voice);
        taken.append(voice);
    }
    return cast;
}

} // namespace kinora::audio
