// Text and language preparation for speech: what espeak-ng can say, and which espeak voice speaks
// a storyboard language code. Internal to the speech stage.
#pragma once

#include <QString>
#include <QStringList>

namespace kinora::audio::detail {

struct CleanText
{
    QString text;    ///< what will be spoken (whitespace simplified)
    QString removed; ///< the characters taken out (emoji, control characters...), in order, deduplicated
};

/// @brief Removes what espeak cannot pronounce: emoji and other pictographs, control and format
/// characters, private-use code points. For Japanese (@p language "ja...") kanji are removed too:
/// the stock Japanese voice reads only kana and would spell kanji out in English.
CleanText cleanForSpeech(const QString &text, const QString &language);

/// @brief True when @p text has something to say (a letter or a digit).
bool hasSpeakableText(const QString &text);

/// @brief espeak voice names (without variant) for a language code, best first, e.g.
/// "pt-BR" -> {"pt-br", "pt"}, "zh" -> {"cmn-latn-pinyin"}; empty for an empty code.
QStringList espeakVoicesFor(const QString &languageCode);

/// The language spoken when a code is unknown to espeak.
inline QString fallbackLanguage() { return QStringLiteral("en"); }
inline QString fallbackVoice() { return QStringLiteral("en-us"); }

} // namespace kinora::audio::detail
