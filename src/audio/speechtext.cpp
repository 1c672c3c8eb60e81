// Text clean-up by Unicode category (not by a list of emoji, which grows every year) and the
// language-code -> espeak voice mapping.
#include "audio/speechtext.h"

#include <QHash>
#include <QSet>

namespace kinora::audio::detail {
namespace {

bool isKanji(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0x20000 && c <= 0x2FFFF);
}

bool isUnsayable(char32_t c)
{
    if (c == U'\n' || c == U'\t' || c == U'\r')
        return false; // whitespace: simplified below
    if (c >= 0xFE00 && c <= 0xFE0F)
        return true; // variation selectors (emoji presentation)
    if (c >= 0x1F000 && c <= 0x1FAFF)
        return true; // pictographs, emoticons, symbols & pictographs, skin tones
    if (c >= 0x2600 && c <= 0x27BF)
        return true; // miscellaneous symbols and dingbats
    if (c >= 0xE0000 && c <= 0xE007F)
        return true; // tag characters (flag sequences)
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:      // zero-width joiner, bidi marks
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Symbol_Other:      // ©, ™ are fine to drop; pictographs mostly live here
        return true;
    default:
        return false;
    }
}

} // namespace

CleanText cleanForSpeech(const QString &text, const QString &language)
{
    const bool japanese = language.trimmed().toLower().startsWith(QLatin1String("ja"));
    CleanText out;
    QString kept;
    QSet<char32_t> seen;
    const QList<uint> codePoints = text.toUcs4();
    for (uint cp : codePoints) {
        const char32_t c = char32_t(cp);
        if (isUnsayable(c) || (japanese && isKanji(c))) {
            if (!seen.contains(c) && !(c >= 0xFE00 && c <= 0xFE0F) && c != 0x200D) {
                seen.insert(c);
                out.removed += QString::fromUcs4(&c, 1);
            }
            kept += QLatin1Char(' ');
            continue;
        }
        kept += QString::fromUcs4(&c, 1);
    }
    out.text = kept.simplified();
    return out;
}

bool hasSpeakableText(const QString &text)
{
    for (const QChar ch : text) {
        if (ch.isLetterOrNumber() || ch.isSurrogate())
            return true;
    }
    return false;
}

QStringList espeakVoicesFor(const QString &languageCode)
{
    // Codes whose espeak voice is not simply the code: Chinese reads hanzi as pinyin only with
    // the pinyin voice (the plain "cmn" voice spells the tones in English).
    static const QHash<QString, QString> special{
        {"en", "en-us"},  {"zh", "cmn-latn-pinyin"},  {"cmn", "cmn-latn-pinyin"},
        {"zh-cn", "cmn-latn-pinyin"}, {"zh-hans", "cmn-latn-pinyin"}, {"zh-tw", "cmn-latn-pinyin"},
        {"zh-hk", "yue"}, {"pt-pt", "pt"},
    };
    QString code = languageCode.trimmed().toLower();
    code.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (code.isEmpty())
        return {};
    QStringList names;
    auto add = [&names](const QString &n) {
        if (!n.isEmpty() && !names.contains(n))
            names.append(n);
    };
    const QString base = code.section(QLatin1Char('-'), 0, 0);
    add(special.value(code));
    add(code);
    add(special.value(base));
    add(base);
    return names;
}

} // namespace kinora::audio::detail
