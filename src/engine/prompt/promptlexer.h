// PromptLexer: splits a prompt into words, matches the longest lexicon phrases and picks each
// phrase's meaning from its neighbours ("her ball": possessive; "throws her the ball": pronoun).
#pragma once

#include "engine/prompt/lexicon.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kinora::engine::prompt {

/// One lexical unit: a punctuation mark, a lexicon phrase, a name, a handle, a number or an
/// unknown word.
struct Item
{
    QString text;  ///< the words as written
    QString lower; ///< lower-case, single-spaced
    int start = 0; ///< character offsets in the prompt
    int end = 0;
    QChar punct;          ///< ',' or '.' (also ! ? ; :) for punctuation, else null
    bool known = false;   ///< false: an unknown content word
    bool sentenceStart = false;
    bool possessive = false; ///< written with 's ("Maya's")
    Meaning meaning;         ///< the chosen meaning (valid when known)
    QList<Meaning> alternatives;

    bool is(Meaning::Kind k) const { return known && punct.isNull() && meaning.kind == k; }
    bool can(Meaning::Kind k) const;
};

/// @brief Lexes @p prompt. @p names are lower-case names that must be read as people even when
/// they are lexicon words (dialogue speakers, labels of people already in the scene).
QList<Item> lexPrompt(const QString &prompt, const QStringList &names);

} // namespace kinora::engine::prompt
