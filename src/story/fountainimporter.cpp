// Fountain (fountain.io) screenplay import, written against the 1.1 syntax description.
// Two passes: cut boneyard and [[notes]] out (keeping line numbers), then classify lines.
#include "story/fountainimporter.h"

#include "core/ids.h"
#include "core/jsonlocator.h"

#include <QRegularExpression>

namespace kinora::story {
namespace {

using core::Error;
using core::Result;

// A line of the source after /* boneyard */ and [[notes]] are cut out.
struct SourceLine
{
    QString text;
    int number = 0;    ///< 1-based line in the file, for messages
    QStringList notes; ///< notes that closed here; they belong to the story at this point
};

struct CleanText
{
    QList<SourceLine> lines;
    QStringList leadingNotes; ///< notes before the first surviving line
};

// Byte offset of the first invalid UTF-8 sequence (overlong forms and surrogates included), or -1.
int firstInvalidUtf8(const QByteArray &bytes)
{
    const int n = int(bytes.size());
    for (int i = 0; i < n;) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        int len = 1;
        uint cp = c;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else if (c >= 0x80) {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(bytes.at(i + k));
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += len;
    }
    return -1;
}

// Lines emptied by a cut are dropped entirely rather than left blank: a note between two lines
// of dialogue must not split the speech into dialogue and action.
Result<CleanText> cutBoneyardAndNotes(const QString &text)
{
    enum class Mode { Text, Boneyard, Note };
    Mode mode = Mode::Text;
    CleanText out;
    SourceLine line{QString(), 1, {}};
    bool touched = false;
    int openedAt = 0;
    QString note;

    const auto endLine = [&] {
        if (touched && line.text.trimmed().isEmpty()) {
            QStringList &into = out.lines.isEmpty() ? out.leadingNotes : out.lines.last().notes;
            into += line.notes;
        } else {
            out.lines.append(line);
        }
        line = SourceLine{QString(), line.number + 1, {}};
        touched = mode != Mode::Text;
    };

    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == QLatin1Char('\n')) {
            if (mode == Mode::Note)
                note += QLatin1Char(' ');
            endLine();
            continue;
        }
        switch (mode) {
        case Mode::Text:
            if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
                mode = Mode::Boneyard;
            } else if (c == QLatin1Char('[') && next == QLatin1Char('[')) {
                mode = Mode::Note;
                note.clear();
            } else {
                line.text += c;
                break;
            }
            openedAt = line.number;
            touched = true;
            ++i;
            break;
        case Mode::Boneyard:
            if (c == QLatin1Char('*') && next == QLatin1Char('/')) {
                mode = Mode::Text;
                ++i;
            }
            break;
        case Mode::Note:
            if (c == QLatin1Char(']') && next == QLatin1Char(']')) {
                mode = Mode::Text;
                ++i;
                if (!note.simplified().isEmpty())
                    line.notes << note.simplified();
            } else {
                note += c;
            }
            break;
        }
    }
    endLine();
    if (mode == Mode::Boneyard)
        return Error{QStringLiteral("the boneyard \"/*\" opened here is never closed with \"*/\""),
                     QStringLiteral("line %1").arg(openedAt)};
    if (mode == Mode::Note)
        return Error{QStringLiteral("the note \"[[\" opened here is never closed with \"]]\""),
                     QStringLiteral("line %1").arg(openedAt)};
    return out;
}

// Removes paired *italic*, **bold**, ***bold italic*** and _underline_ markers; \* and \_ stay.
QString plain(QString s)
{
    static const QRegularExpression markers[] = {
        QRegularExpression(QStringLiteral(R"(\*\*\*(\S(?:.*?\S)?)\*\*\*)")),
        QRegularExpression(QStringLiteral(R"(\*\*(\S(?:.*?\S)?)\*\*)")),
        QRegularExpression(QStringLiteral(R"(\*(\S(?:.*?\S)?)\*)")),
        QRegularExpression(QStringLiteral(R"(_(\S(?:.*?\S)?)_)")),
    };
    const QChar star(0xE000), underscore(0xE001); // private-use stand-ins for escaped markers
    s.replace(QStringLiteral("\\*"), star).replace(QStringLiteral("\\_"), underscore);
    for (const QRegularExpression &re : markers)
        s.replace(re, QStringLiteral("\\1"));
    s.replace(star, QLatin1Char('*')).replace(underscore, QLatin1Char('_'));
    return s.simplified();
}

int wordCount(const QString &s)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return int(s.split(space, Qt::SkipEmptyParts).size());
}

bool hasCasedLetters(const QString &s, bool *allUpper)
{
    bool any = false;
    *allUpper = true;
    for (const QChar c : s) {
        if (c.isLower())
            *allUpper = false;
        any = any || c.isUpper();
    }
    return any;
}

bool isSceneHeading(const QString &t)
{
    static const QRegularExpression re(QStringLiteral(R"(^(?:INT\.?/EXT|I/E|INT|EXT|EST)[.\s])"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(t).hasMatch();
}

bool isTransition(const QString &t)
{
    // The spec's rule is "ALL CAPS ending in TO:"; the usual openers and closers are added so a
    // script's FADE IN: does not become a shot of its own.
    static const QStringList known{QStringLiteral("FADE IN:"), QStringLiteral("FADE OUT."),
                                   QStringLiteral("FADE TO BLACK."), QStringLiteral("CUT TO BLACK.")};
    bool upper = false;
    return hasCasedLetters(t, &upper) && upper
        && (t.endsWith(QLatin1String("TO:")) || known.contains(t));
}

// "MAYA (V.O.) (CONT'D)" -> "MAYA"; "@McCLANE" -> "McCLANE"; a trailing "^" marks dual dialogue.
// Empty when the line cannot be a character cue.
QString cueSpeaker(const QString &line, bool *dual = nullptr)
{
    static const QRegularExpression extension(QStringLiteral(R"(\([^)]*\))"));
    QString cue = line.trimmed();
    const bool isDual = cue.endsWith(QLatin1Char('^'));
    if (isDual)
        cue.chop(1);
    if (dual)
        *dual = isDual;
    const bool forced = cue.startsWith(QLatin1Char('@'));
    if (forced)
        cue.remove(0, 1);
    const QString name = plain(cue.remove(extension));
    bool upper = false;
    if (name.isEmpty() || name.endsWith(QLatin1Char(':')))
        return {};
    if (!forced && !(hasCasedLetters(name, &upper) && upper))
        return {};
    return name;
}

struct ShotDraft
{
    Shot shot;
    QStringList prompt;
    QStringList notes;
    int actionWords = 0;
    int dialogueWords = 0;
};

class Parser
{
public:
    explicit Parser(QList<SourceLine> lines) : m_lines(std::move(lines)) {}

    Result<Storyboard> run(const QString &title, const QStringList &leadingNotes);

private:
    bool blank(int i) const { return i >= m_lines.size() || m_lines.at(i).text.trimmed().isEmpty(); }
    QString trimmed(int i) const { return m_lines.at(i).text.trimmed(); }

    ShotDraft &current()
    {
        if (m_shots.isEmpty())
            startShot({});
        return m_shots.last();
    }

    void startShot(const QString &heading)
    {
        ShotDraft draft;
        draft.shot = makeShot();
        draft.shot.continuity = Continuity::NewScene; // every Fountain scene is a new place or time
        if (!heading.isEmpty())
            draft.prompt << heading;
        draft.notes = m_pending;
        m_pending.clear();
        m_lastSpeaker.clear();
        m_shots.append(draft);
    }

    void note(const QString &text)
    {
        if (m_shots.isEmpty())
            m_pending << text;
        else
            m_shots.last().notes << text;
    }

    void action(const QString &text)
    {
        const QString line = plain(text);
        if (line.isEmpty())
            return;
        ShotDraft &draft = current();
        draft.prompt << line;
        draft.actionWords += wordCount(line);
    }

    int dialogueBlock(int i, const QString &cue);
    void classify(int &i, bool afterBlank);

    QList<SourceLine> m_lines;
    QList<ShotDraft> m_shots;
    QStringList m_pending; ///< notes waiting for the next shot (sections, anything before shot 1)
    QString m_lastSpeaker; ///< for dual dialogue notes
};

// Consumes the dialogue after the cue on line i; returns the index after the block.
int Parser::dialogueBlock(int i, const QString &cue)
{
    bool dual = false;
    const QString speaker = cueSpeaker(cue, &dual);

    QStringList text;
    QStringList parentheticals;
    int j = i + 1;
    // A line of exactly two spaces keeps the speech going across an intended empty line.
    for (; j < m_lines.size() && (!blank(j) || m_lines.at(j).text == QLatin1String("  ")); ++j) {
        QString t = trimmed(j);
        if (t.isEmpty())
            continue;
        if (t.startsWith(QLatin1Char('('))) {
            // A parenthetical may wrap over several lines; it ends at the closing bracket.
            while (!t.endsWith(QLatin1Char(')')) && j + 1 < m_lines.size() && !blank(j + 1))
                t += QLatin1Char(' ') + trimmed(++j);
            if (t.endsWith(QLatin1Char(')')))
                t.chop(1);
            parentheticals << plain(t.mid(1));
            continue;
        }
        if (t.startsWith(QLatin1Char('~')))
            t.remove(0, 1);
        text << plain(t);
    }

    ShotDraft &draft = current();
    const QString spoken = text.join(QLatin1Char(' ')).simplified();
    if (spoken.isEmpty()) {
        // A cue with only a direction has nothing to say; keep the direction for the filmmaker.
        if (!parentheticals.isEmpty())
            draft.notes << speaker + QStringLiteral(" (") + parentheticals.join(QStringLiteral("; "))
                               + QLatin1Char(')');
        return j;
    }
    if (dual && !m_lastSpeaker.isEmpty())
        draft.notes << QStringLiteral("Dual dialogue: %1 and %2 speak at the same time")
                           .arg(m_lastSpeaker, speaker);
    DialogueLine line;
    line.id = core::newId();
    line.speaker = speaker;
    line.language = QStringLiteral("en");
    line.text = spoken;
    line.parenthetical = parentheticals.join(QStringLiteral("; "));
    draft.shot.dialogue.append(line);
    draft.dialogueWords += wordCount(spoken);
    m_lastSpeaker = speaker;
    return j;
}

// Classifies the non-blank line i (advancing i past everything it consumed).
void Parser::classify(int &i, bool afterBlank)
{
    const QString t = trimmed(i);
    const QChar first = t.at(0);
    const auto nextIsText = [&] { return !blank(i + 1); };
    static const QRegularExpression sectionMarks(QStringLiteral("^#+"));
    static const QRegularExpression sceneNumber(QStringLiteral(R"(\s*#[\w.\-]+#$)"));

    if (first == QLatin1Char('!')) {
        action(t.mid(1));
        ++i;
    } else if (first == QLatin1Char('~')) {
        action(t.mid(1)); // lyrics are sung on screen: part of what the shot shows
        ++i;
    } else if (first == QLatin1Char('#')) {
        // A section opens what follows, so it goes to the next shot, not the one before it.
        const QString section = plain(QString(t).remove(sectionMarks));
        if (!section.isEmpty())
            m_pending << QStringLiteral("Section: ") + section;
        ++i;
    } else if (first == QLatin1Char('=')) {
        // A synopsis describes the section or scene just opened.
        const QString synopsis = QStringLiteral("Synopsis: ") + plain(t.mid(1));
        if (m_pending.isEmpty() && !m_shots.isEmpty())
            m_shots.last().notes << synopsis;
        else
            m_pending << synopsis;
        ++i;
    } else if (first == QLatin1Char('>') && t.endsWith(QLatin1Char('<')) && t.size() > 1) {
        note(QStringLiteral("Centered: ") + plain(t.mid(1, t.size() - 2)));
        ++i;
    } else if (first == QLatin1Char('>')) {
        note(QStringLiteral("Transition: ") + plain(t.mid(1)));
        ++i;
    } else if ((first == QLatin1Char('.') && t.size() > 1 && t.at(1).isLetterOrNumber())
               || (afterBlank && isSceneHeading(t))) {
        QString heading = first == QLatin1Char('.') ? t.mid(1) : t;
        startShot(plain(heading.remove(sceneNumber)));
        ++i;
    } else if (afterBlank && isTransition(t) && !nextIsText()) {
        note(QStringLiteral("Transition: ") + t);
        ++i;
    } else if ((first == QLatin1Char('@') || afterBlank) && nextIsText()
               && !cueSpeaker(t).isEmpty()) {
        i = dialogueBlock(i, t);
        return;
    } else {
        action(t);
        ++i;
    }
}

Result<Storyboard> Parser::run(const QString &title, const QStringList &leadingNotes)
{
    m_pending = leadingNotes;
    static const QRegularExpression pageBreak(QStringLiteral("^={3,}$"));
    bool afterBlank = true;
    for (int i = 0; i < m_lines.size();) {
        // Page breaks only matter on paper; they separate like a blank line.
        if (blank(i) || pageBreak.match(trimmed(i)).hasMatch()) {
            for (const QString &n : m_lines.at(i).notes)
                note(n);
            afterBlank = true;
            ++i;
            continue;
        }
        const int start = i;
        classify(i, afterBlank);
        // Notes attach after the line is read, so a note on a heading belongs to its new shot.
        for (int k = start; k < i; ++k)
            for (const QString &n : m_lines.at(k).notes)
                note(n);
        afterBlank = false;
    }
    if (m_shots.isEmpty())
        return Error{QStringLiteral("no scenes, action or dialogue found"), QString()};
    m_shots.last().notes += m_pending;

    Storyboard board;
    board.title = title;
    for (ShotDraft &draft : m_shots) {
        draft.shot.prompt = draft.prompt.join(QLatin1Char('\n'));
        draft.shot.notes = draft.notes.join(QLatin1Char('\n'));
        // Reading pace: 0.35 s per spoken word, 0.1 s per word of action, 3 s to establish.
        const int ds = qRound(30 + 3.5 * draft.dialogueWords + 1.0 * draft.actionWords);
        draft.shot.durationDs = qBound(kMinDurationDs, ds, kMaxDurationDs);
        board.shots.append(draft.shot);
    }
    return board;
}

// Title page: "Key: value" lines from the top, values may continue on indented lines, ending at
// the first blank line. Only a known first key starts one, so "FADE IN:" is not a title page.
int readTitlePage(const QList<SourceLine> &lines, QString *title)
{
    static const QStringList keys{
        QStringLiteral("title"), QStringLiteral("credit"), QStringLiteral("author"),
        QStringLiteral("authors"), QStringLiteral("source"), QStringLiteral("draft date"),
        QStringLiteral("date"), QStringLiteral("contact"), QStringLiteral("copyright"),
        QStringLiteral("notes"), QStringLiteral("revision")};
    static const QRegularExpression keyLine(QStringLiteral(R"(^([^\s:][^:]*):(.*)$)"));
    int i = 0;
    while (i < lines.size() && lines.at(i).text.trimmed().isEmpty())
        ++i;
    const auto firstMatch = i < lines.size() ? keyLine.match(lines.at(i).text) : QRegularExpressionMatch();
    if (!firstMatch.hasMatch() || !keys.contains(firstMatch.captured(1).trimmed().toLower()))
        return 0;

    QString key;
    QStringList titleParts;
    for (; i < lines.size() && !lines.at(i).text.trimmed().isEmpty(); ++i) {
        const QString &text = lines.at(i).text;
        const auto m = keyLine.match(text);
        QString value = text;
        if (m.hasMatch() && !text.at(0).isSpace()) {
            key = m.captured(1).trimmed().toLower();
            value = m.captured(2);
        }
        if (key == QLatin1String("title") && !value.trimmed().isEmpty())
            titleParts << value.trimmed();
    }
    *title = plain(titleParts.join(QLatin1Char(' ')));
    return i;
}

} // namespace

Result<Storyboard> importFountain(const QByteArray &text)
{
    QByteArray bytes = text;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const int bad = firstInvalidUtf8(bytes);
    if (bad >= 0)
        return Error{QStringLiteral("the screenplay is not UTF-8 text; save it as UTF-8 and import it again"),
                     QStringLiteral("line %1").arg(core::positionOfOffset(bytes, bad).line)};

    QString source = QString::fromUtf8(bytes);
    source.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    auto clean = cutBoneyardAndNotes(source);
    if (!clean)
        return clean.error();

    QString title;
    QList<SourceLine> lines = clean.value().lines;
    const int bodyStart = readTitlePage(lines, &title);
    QStringList leading = clean.value().leadingNotes;
    for (int i = 0; i < bodyStart; ++i)
        leading += lines.at(i).notes;
    return Parser(lines.mid(bodyStart)).run(title, leading);
}

} // namespace kinora::story
