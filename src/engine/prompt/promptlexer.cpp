// Tokenizing, longest-phrase matching and context rules that choose one meaning per phrase.
#include "engine/prompt/promptlexer.h"

#include <QSet>

namespace kinora::engine::prompt {
namespace {

struct Token
{
    QString text;
    int start = 0;
    int end = 0;
    QChar punct;
    bool possessive = false;
    bool handle = false;
};

bool wordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('\'') || c == QChar(0x2019);
}

// Words are letters, digits and inner apostrophes; hyphens split words ("close-up" -> close up)
// so the phrase table needs only the spaced form. "@handle" keeps dots, dashes and underscores.
QList<Token> tokenize(const QString &s)
{
    QList<Token> out;
    int i = 0;
    const int n = int(s.size());
    while (i < n) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('@') && i + 1 < n && s.at(i + 1).isLetterOrNumber()) {
            int j = i + 1;
            while (j < n && (s.at(j).isLetterOrNumber() || s.at(j) == QLatin1Char('_') || s.at(j) == QLatin1Char('-')
                             || (s.at(j) == QLatin1Char('.') && j + 1 < n && s.at(j + 1).isLetterOrNumber())))
                ++j;
            out << Token{s.mid(i, j - i), i, j, {}, false, true};
            i = j;
        } else if (c.isLetterOrNumber()) {
            int j = i;
            while (j < n && wordChar(s.at(j)))
                ++j;
            QString w = s.mid(i, j - i);
            w.replace(QChar(0x2019), QLatin1Char('\''));
            bool possessive = false;
            if (w.endsWith(QStringLiteral("'s")) && w.size() > 2) {
                w.chop(2);
                possessive = true;
            } else if (w.endsWith(QLatin1Char('\''))) {
                w.chop(1);
                possessive = w.endsWith(QLatin1Char('s'));
            }
            out << Token{w, i, j, {}, possessive, false};
            i = j;
        } else if (c == QLatin1Char(',')) {
            out << Token{QString(c), i, i + 1, QLatin1Char(','), false, false};
            ++i;
        } else if (c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') || c == QLatin1Char(';')
                   || c == QLatin1Char(':')) {
            out << Token{QString(c), i, i + 1, QLatin1Char('.'), false, false};
            ++i;
        } else {
            ++i; // spaces, hyphens, quotes, brackets
        }
    }
    return out;
}

bool hasKind(const QList<Meaning> &list, Meaning::Kind k)
{
    for (const Meaning &m : list)
        if (m.kind == k)
            return true;
    return false;
}

const Meaning *find(const QList<Meaning> &list, Meaning::Kind k)
{
    for (const Meaning &m : list)
        if (m.kind == k)
            return &m;
    return nullptr;
}

// Can this item start or continue a noun phrase ("red", "big", "wooden", "ball")?
bool nounish(const Item &item)
{
    return item.can(Meaning::Noun) || item.can(Meaning::Colour) || item.can(Meaning::Material)
        || item.can(Meaning::Scale) || item.can(Meaning::Modifier) || item.can(Meaning::Count);
}

// A garment that is worn: "in a red hat", "wearing his old boots", "dressed in a blue coat".
bool worn(const QList<Item> &items, int i)
{
    static const QSet<QString> wearing{QStringLiteral("in"), QStringLiteral("wearing"), QStringLiteral("wears"),
                                       QStringLiteral("wore"), QStringLiteral("dressed"), QStringLiteral("dressed in")};
    for (int j = i - 1; j >= 0; --j) {
        const Item &w = items.at(j);
        if (w.is(Meaning::Article) || w.is(Meaning::Possessive) || w.is(Meaning::Colour) || w.is(Meaning::Material)
            || w.is(Meaning::Scale) || w.is(Meaning::Modifier) || w.is(Meaning::Count))
            continue;
        return wearing.contains(w.lower);
    }
    return false;
}

void choose(QList<Item> &items)
{
    for (int i = 0; i < items.size(); ++i) {
        Item &it = items[i];
        if (!it.known || it.alternatives.isEmpty())
            continue;
        const Item *next = i + 1 < items.size() ? &items.at(i + 1) : nullptr;
        const Item *prev = i > 0 ? &items.at(i - 1) : nullptr;
        const QList<Meaning> &alt = it.alternatives;
        Meaning pick = alt.first();
        if (hasKind(alt, Meaning::Possessive) && hasKind(alt, Meaning::Pronoun))
            pick = *find(alt, next && nounish(*next) ? Meaning::Possessive : Meaning::Pronoun);
        else if (hasKind(alt, Meaning::Material) && hasKind(alt, Meaning::Noun))
            pick = *find(alt, next && next->can(Meaning::Noun) ? Meaning::Material : Meaning::Noun);
        else if (hasKind(alt, Meaning::Clothing) && hasKind(alt, Meaning::Noun))
            pick = *find(alt, worn(items, i) ? Meaning::Clothing : Meaning::Noun); // "in a hat" vs "a hat on the table"
        const bool afterDeterminer = prev && (prev->is(Meaning::Article) || prev->is(Meaning::Possessive)
                                              || prev->is(Meaning::Colour));
        if (pick.kind == Meaning::Verb && afterDeterminer) {
            // "a dance", "her shot": a noun use of a verb; fall back to another sense or unknown.
            if (const Meaning *other = find(alt, Meaning::Scenery))
                pick = *other;
            else if (const Meaning *noun = find(alt, Meaning::Noun))
                pick = *noun;
            else
                it.known = false;
        } else if (pick.kind == Meaning::Scenery && hasKind(alt, Meaning::Verb) && !afterDeterminer) {
            pick = *find(alt, Meaning::Verb); // "she waves" vs "the waves"
        } else if (pick.kind == Meaning::Adverb && (afterDeterminer || (next && next->can(Meaning::Noun)))) {
            pick = Meaning{Meaning::Modifier, {}, 0, false}; // "a fast car", "the hard ball": an adjective
        }
        it.meaning = pick;
    }
}

} // namespace

bool Item::can(Meaning::Kind k) const
{
    return known && punct.isNull() && (meaning.kind == k || hasKind(alternatives, k));
}

QList<Item> lexPrompt(const QString &prompt, const QStringList &names)
{
    const QList<Token> toks = tokenize(prompt);
    const QHash<QString, QList<Meaning>> &table = phraseTable();
    const int longest = longestPhraseWords();
    QList<Item> items;
    bool sentenceStart = true;
    for (int i = 0; i < toks.size();) {
        const Token &t = toks.at(i);
        Item item;
        item.start = t.start;
        item.sentenceStart = sentenceStart;
        if (!t.punct.isNull()) {
            item.text = item.lower = t.text;
            item.end = t.end;
            item.punct = t.punct;
            item.known = true;
            sentenceStart = t.punct == QLatin1Char('.');
            items << item;
            ++i;
            continue;
        }
        sentenceStart = false;
        const QString lower = t.text.toLower();
        const bool capital = t.text.at(0).isUpper();
        if (t.handle) {
            item.text = t.text;
            item.lower = lower;
            item.end = t.end;
            item.known = true;
            item.meaning = Meaning{Meaning::Cameo, lower, 0, false};
            items << item;
            ++i;
            continue;
        }
        // A capitalised known name beats the lexicon ("Rose" the speaker, not a rose).
        if (capital && names.contains(lower)) {
            item.text = t.text;
            item.lower = lower;
            item.end = t.end;
            item.possessive = t.possessive;
            item.known = true;
            item.meaning = Meaning{Meaning::Name, t.text, 0, false};
            items << item;
            ++i;
            continue;
        }
        int matched = 0;
        QString key;
        for (int len = std::min(longest, int(toks.size()) - i); len >= 1 && matched == 0; --len) {
            QStringList words;
            bool ok = true;
            for (int k = 0; k < len && ok; ++k) {
                const Token &w = toks.at(i + k);
                ok = w.punct.isNull() && !w.handle && (k == len - 1 || !w.possessive);
                words << w.text.toLower();
            }
            if (!ok)
                continue;
            key = words.join(QLatin1Char(' '));
            if (table.contains(key))
                matched = len;
        }
        if (matched > 0) {
            const Token &last = toks.at(i + matched - 1);
            item.text = prompt.mid(t.start, last.end - t.start);
            item.lower = key;
            item.end = last.end;
            item.possessive = last.possessive;
            item.known = true;
            item.alternatives = table.value(key);
            item.meaning = item.alternatives.first();
            items << item;
            i += matched;
            continue;
        }
        item.text = t.text;
        item.lower = lower;
        item.end = t.end;
        item.possessive = t.possessive;
        bool digits = false;
        const int number = lower.toInt(&digits);
        if (digits) {
            item.known = true;
            item.meaning = Meaning{Meaning::Count, {}, double(number), false};
        } else if (capital) {
            item.meaning = Meaning{Meaning::Name, t.text, 0, false}; // confirmed below
        }
        items << item;
        ++i;
    }
    choose(items);
    // A capitalised unknown word is a person's name unless it opens a sentence and nothing
    // around it says so ("Suddenly" is not a name; "Maya shoots" and "Maya's ball" are).
    for (int i = 0; i < items.size(); ++i) {
        Item &it = items[i];
        if (it.known || it.meaning.kind != Meaning::Name)
            continue;
        const Item *next = i + 1 < items.size() ? &items.at(i + 1) : nullptr;
        const bool nameLike = !it.sentenceStart || it.possessive
            || (next && (next->can(Meaning::Verb) || next->can(Meaning::And) || next->can(Meaning::Miss)
                         || next->can(Meaning::Score) || next->can(Meaning::Relation)
                         || (!next->known && next->meaning.kind == Meaning::Name)));
        it.known = nameLike;
    }
    return items;
}

} // namespace kinora::engine::prompt
