// The PromptCompiler's vocabulary: nouns with physical defaults, colours, scene words, verbs and
// camera terms. Data lives in C++ tables (lexiconnouns.cpp, lexicon.cpp) so lookups need no I/O.
#pragma once

#include "engine/sceneplan.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace kinora::engine::prompt {

/// One noun of the lexicon with the physical defaults given to a new entity it names.
/// Densities are effective densities (mass over outer volume): they decide floating in water,
/// so a hollow ball is light (a basketball ~86 kg/m3) while a rock is 2600.
struct NounSpec
{
    const char *noun;     ///< canonical noun, also the entity id prefix for non-people/non-balls
    const char *synonyms; ///< '|' separated; a trailing '*' marks an irregular plural ("men*")
    const char *category; ///< person | animal | ball | vehicle | furniture | prop | structure
    const char *shape;
    const char *material;
    const char *color; ///< default colour name (see colourRgb); the entity's colorName stays ""
    double width, height, depth; ///< metres
    double massKg, restitution, friction, densityKgM3;
    char gender;  ///< 'f', 'm' or 0: decides which pronoun ("she", "he") may refer to it
    bool generic; ///< "ball", "person", "animal": refers to any entity of its category
};

/// @brief The whole noun table (at least 150 entries).
const QList<NounSpec> &nounTable();
/// @brief Canonical nouns of the lexicon, in table order.
QStringList lexiconNouns();
/// @brief Index into nounTable() of @p noun (canonical), or -1.
int nounIndex(const QString &noun);

/// @brief sRGB colour name -> linear RGB 0..1; false when the name is unknown.
bool colourRgb(const QString &name, Vec3 *linear);
/// @brief Every colour name the compiler understands ("red", "navy", ...).
QStringList colourNames();

/// What a word or phrase of the prompt can mean. One phrase may have several meanings
/// ("glass": a noun or a material; "her": a pronoun or a possessive); the parser picks by context.
struct Meaning
{
    enum Kind {
        Stop,        ///< grammar word with no content: "is", "of", "there"
        Article,     ///< value "def" or "indef"
        Possessive,  ///< his/her/their/its/this/that: makes the next noun definite
        Count,       ///< number = how many
        Colour,      ///< value = colour name
        Material,    ///< value = material name
        Scale,       ///< number = size factor ("big", "tiny")
        Modifier,    ///< harmless adjective, understood and ignored ("empty", "quiet", "old")
        Noun,        ///< number = nounTable() index; plural set for plural forms
        Pronoun,     ///< value = "m", "f", "it", "they"
        Verb,        ///< value = plan verb ("shoot"), "follow", "chase", "drive", "idle"; number = implied intensity or 0
        Miss,        ///< "misses": the last shot fails
        Score,       ///< "scores": the last shot succeeds
        Environment, ///< value = plan environment
        Time,        ///< value = plan time of day
        Weather,     ///< value = plan weather
        Move,        ///< value = camera move
        Framing,     ///< value = camera framing
        Style,       ///< value = style name
        StyleFiller, ///< "style", "look": only understood beside a style word
        Camera,      ///< the word "camera"
        Relation,    ///< value = on | above | under | beside | near | behind | front | left | right
        TargetPrep,  ///< to, at, into, through, off...: the next noun is a target
        Path,        ///< value = plan path: past, follow ("after"), toward, away ("away from"), around, across, along
        Adverb,      ///< number = action intensity: 0.5 "slowly"/"gently", 1.6 "quickly"/"hard"
        Clothing,    ///< a garment ("a red shirt"): its colour dresses the person before it
        Relative,    ///< who, which: starts a clause about the thing just named
        Sequence,    ///< then, after that, finally
        Simultaneous,///< while, as, meanwhile
        And,
        Scenery,     ///< floor, ground, sky, water: part of every environment, no entity
        Name,        ///< assigned by the parser to capitalised unknown words
        Cameo,       ///< assigned by the parser to @handles
    };
    Kind kind = Stop;
    QString value;
    double number = 0;
    bool plural = false;
};

/// @brief Phrase (lower-case words joined by single spaces, hyphens split) -> meanings.
const QHash<QString, QList<Meaning>> &phraseTable();
/// @brief Length in words of the longest phrase in phraseTable().
int longestPhraseWords();

/// @brief Adjectives that are understood but change nothing (documented for the user).
QStringList harmlessModifiers();

} // namespace kinora::engine::prompt
