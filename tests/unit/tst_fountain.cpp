// Tests for the Fountain screenplay import, on a real multi-scene script and on small cases.
// Checks what a filmmaker sees after import: shots, prompts, speakers, lines, notes, durations.
#include "story/fountainimporter.h"

#include <QFile>
#include <QSet>
#include <QtTest>

using namespace kinora;
using namespace kinora::story;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(KINORA_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

Storyboard importOk(const QByteArray &text)
{
    const auto result = importFountain(text);
    if (!result.ok())
        qWarning("import failed: %s", qPrintable(result.error().toString()));
    return result.ok() ? result.value() : Storyboard{};
}

// "SPEAKER (parenthetical): text" per line, to compare whole dialogue blocks at once.
QStringList dialogueOf(const Shot &shot)
{
    QStringList out;
    for (const DialogueLine &line : shot.dialogue)
        out << line.speaker
                + (line.parenthetical.isEmpty() ? QString() : QStringLiteral(" (") + line.parenthetical + ')')
                + QStringLiteral(": ") + line.text;
    return out;
}

} // namespace

class TestFountain : public QObject
{
    Q_OBJECT

private:
    Storyboard m_script;

private Q_SLOTS:
    void initTestCase()
    {
        m_script = importOk(readFixture("night-court.fountain"));
        QCOMPARE(m_script.shots.size(), 10);
    }

    void titleComesFromTitlePage() { QCOMPARE(m_script.title, QStringLiteral("NIGHT COURT")); }

    void everySceneIsANewShot()
    {
        QSet<QString> ids;
        QSet<quint32> seeds;
        for (const Shot &s : m_script.shots) {
            QCOMPARE(toString(s.continuity), toString(Continuity::NewScene));
            QVERIFY(!s.id.isEmpty());
            QVERIFY(s.seed > 0);
            ids.insert(s.id);
            seeds.insert(s.seed);
            for (const DialogueLine &line : s.dialogue) {
                QVERIFY(!line.id.isEmpty());
                QCOMPARE(line.language, QStringLiteral("en"));
            }
        }
        QCOMPARE(ids.size(), 10);
        QVERIFY(validate(m_script).isEmpty());
    }

    void headingsStartPrompts_data()
    {
        QTest::addColumn<int>("shot");
        QTest::addColumn<QString>("firstLine");
        QTest::newRow("EST.") << 0 << "EST. LINCOLN HIGH SCHOOL - NIGHT";
        QTest::newRow("scene number stripped") << 1 << "INT. HIGH SCHOOL GYM - NIGHT";
        QTest::newRow("EXT. with number") << 2 << "EXT. CITY STREET - NIGHT";
        QTest::newRow("forced heading") << 3 << "FLASHBACK - THE STATE FINAL";
        QTest::newRow("apostrophe") << 4 << "INT. MAYA'S KITCHEN - MORNING";
        QTest::newRow("after page break and section") << 5 << "EXT. PARK BASKETBALL COURT - DAY";
        QTest::newRow("lower case") << 6 << "ext. forest trail - dawn";
        QTest::newRow("beach") << 7 << "EXT. BEACH - SUNSET";
        QTest::newRow("INT./EXT.") << 8 << "INT./EXT. COACH DALE'S TRUCK - NIGHT";
        QTest::newRow("back to the gym") << 9 << "INT. HIGH SCHOOL GYM - NIGHT";
    }

    void headingsStartPrompts()
    {
        QFETCH(int, shot);
        QFETCH(QString, firstLine);
        QCOMPARE(m_script.shots.at(shot).prompt.split('\n').first(), firstLine);
    }

    void actionBecomesPrompt()
    {
        QCOMPARE(m_script.shots.at(0).prompt,
                 QStringLiteral("EST. LINCOLN HIGH SCHOOL - NIGHT\n"
                                "Rain drums on the roof of an old brick gym. One window is still lit."));
        QCOMPARE(m_script.shots.at(1).prompt,
                 QStringLiteral("INT. HIGH SCHOOL GYM - NIGHT\n"
                                "A single row of lights hums over an empty court. MAYA (17, hoodie, taped "
                                "fingers) dribbles at the free-throw line.\n"
                                "She shoots. The ball clangs off the rim, rebounds off the backboard and "
                                "rolls to the bleachers.\n"
                                "She jogs after the ball."));
        // The lyric line is action; the boneyard (a bus and a line of Maya's) is gone.
        QCOMPARE(m_script.shots.at(2).prompt,
                 QStringLiteral("EXT. CITY STREET - NIGHT\n"
                                "Rain smears the streetlights across wet asphalt. Maya walks home, ball "
                                "under her arm.\n"
                                "Four seconds on the clock and the whole gym holds its breath"));
        QCOMPARE(m_script.shots.at(8).prompt,
                 QStringLiteral("INT./EXT. COACH DALE'S TRUCK - NIGHT\nWAIT.\n"
                                "Dale watches the lit gym window from the parking lot and does not start "
                                "the engine."));
        for (const Shot &s : m_script.shots)
            QVERIFY2(!s.prompt.contains(QStringLiteral("bus")) && !s.prompt.contains('*')
                         && !s.prompt.contains(QStringLiteral("[[")),
                     qPrintable(s.prompt));
    }

    void dialogueKeepsSpeakersAndDirections_data()
    {
        QTest::addColumn<int>("shot");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("establishing") << 0 << QStringList{};
        QTest::newRow("gym") << 1
                             << QStringList{"MAYA (under her breath): Again.",
                                            "COACH DALE: Lights go off at ten, Maya.",
                                            "MAYA (beat): Five more shots. Then ten more."};
        QTest::newRow("street, V.O. and emphasis")
            << 2 << QStringList{"ANNOUNCER: Down by one. Four seconds left. The whole season comes down to this."};
        QTest::newRow("kitchen, CONT'D")
            << 4 << QStringList{"JORDAN: You were out there till midnight.", "MAYA (pouring coffee): Eleven.",
                                "MAYA: Eleven is not midnight.", "JORDAN (mouth full): Mom says it is."};
        QTest::newRow("dual dialogue") << 5 << QStringList{"JORDAN: Check ball!", "MAYA: Check ball!"};
        QTest::newRow("beach")
            << 7 << QStringList{"COACH DALE (shouting over the surf): Knees up! Your legs lose the game "
                                "before your hands do."};
        QTest::newRow("truck, forced action is not a cue") << 8 << QStringList{};
        QTest::newRow("last gym") << 9
                                  << QStringList{"COACH DALE (quietly): Ten o'clock.",
                                                 "MAYA (smiling): One more."};
    }

    void dialogueKeepsSpeakersAndDirections()
    {
        QFETCH(int, shot);
        QFETCH(QStringList, lines);
        QCOMPARE(dialogueOf(m_script.shots.at(shot)), lines);
    }

    void notesCollectTransitionsSectionsAndNotes_data()
    {
        QTest::addColumn<int>("shot");
        QTest::addColumn<QString>("notes");
        QTest::newRow("before the first heading")
            << 0 << "Section: ACT ONE\nSynopsis: Maya practises alone after the gym has closed.\n"
                    "Transition: FADE IN:";
        QTest::newRow("note and CUT TO")
            << 1 << "Keep the squeak of her sneakers loud in the mix.\nTransition: CUT TO:";
        QTest::newRow("nothing") << 2 << "";
        QTest::newRow("SMASH CUT") << 3 << "Transition: SMASH CUT TO:";
        QTest::newRow("forced transition") << 4 << "Transition: MATCH CUT TO:";
        QTest::newRow("section and dual dialogue")
            << 5 << "Section: ACT TWO\nDual dialogue: JORDAN and MAYA speak at the same time";
        QTest::newRow("note on its own line") << 6 << "Birdsong only, no music.";
        QTest::newRow("ending") << 9 << "Transition: FADE OUT.\nCentered: THE END";
    }

    void notesCollectTransitionsSectionsAndNotes()
    {
        QFETCH(int, shot);
        QFETCH(QString, notes);
        QCOMPARE(m_script.shots.at(shot).notes, notes);
    }

    void durationsFollowReadingPace()
    {
        // 3 s + 0.1 s x 15 action words.
        QCOMPARE(m_script.shots.at(0).durationDs, 45);
        // 3 s + 0.1 s x 42 action words + 0.35 s x 13 spoken words = 11.75 s.
        QCOMPARE(m_script.shots.at(1).durationDs, 118);
        // 3 s + 0.1 s x 15 + 0.35 s x 11 = 8.35 s.
        QCOMPARE(m_script.shots.at(7).durationDs, 84);
        QCOMPARE(m_script.totalDurationDs() > 10 * 30, true);
    }

    void windowsLineEndingsGiveTheSameShots()
    {
        QByteArray crlf = readFixture("night-court.fountain");
        crlf.replace("\n", "\r\n");
        const Storyboard b = importOk(crlf);
        QCOMPARE(b.title, m_script.title);
        QCOMPARE(b.shots.size(), m_script.shots.size());
        for (int i = 0; i < b.shots.size(); ++i) {
            QCOMPARE(b.shots.at(i).prompt, m_script.shots.at(i).prompt);
            QCOMPARE(b.shots.at(i).notes, m_script.shots.at(i).notes);
            QCOMPARE(dialogueOf(b.shots.at(i)), dialogueOf(m_script.shots.at(i)));
            QCOMPARE(b.shots.at(i).durationDs, m_script.shots.at(i).durationDs);
        }
    }

    void smallScripts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("prompts");
        QTest::addColumn<QStringList>("dialogue"); // all shots, in order
        QTest::addColumn<QString>("lastNotes");

        QTest::newRow("action before any heading")
            << QByteArray("A dog runs along the beach.\n\nINT. KITCHEN - DAY\n\nThe kettle whistles.\n")
            << QStringList{"A dog runs along the beach.", "INT. KITCHEN - DAY\nThe kettle whistles."}
            << QStringList{} << "";
        QTest::newRow("dialogue before any heading")
            << QByteArray("MAYA\nHello?\n") << QStringList{""} << QStringList{"MAYA: Hello?"} << "";
        QTest::newRow("parentheticals inside one speech are joined")
            << QByteArray("INT. GYM - NIGHT\n\nMAYA\n(tired)\nOne more.\n(beat)\nJust one.\n(whispering)\nPlease.\n")
            << QStringList{"INT. GYM - NIGHT"}
            << QStringList{"MAYA (tired; beat; whispering): One more. Just one. Please."} << "";
        QTest::newRow("forced cue, forced action, forced heading")
            << QByteArray("INT. GYM - DAY\n\n@McCLANE (V.O.)\nYippee.\n\n!BANG\nNobody moves.\n\n"
                          ".INSIDE THE LOCKER #12A#\n\nDarkness.\n")
            << QStringList{"INT. GYM - DAY\nBANG\nNobody moves.", "INSIDE THE LOCKER\nDarkness."}
            << QStringList{"McCLANE: Yippee."} << "";
        QTest::newRow("emphasis removed, escapes kept")
            << QByteArray("INT. GYM - DAY\n\nShe is *very* **very** ***tired*** and _alone_. "
                          "Score: 5 \\* 3, file\\_name.  \n")
            << QStringList{"INT. GYM - DAY\nShe is very very tired and alone. Score: 5 * 3, file_name."}
            << QStringList{} << "";
        QTest::newRow("a heading needs a blank line before it")
            << QByteArray("INT. GYM - DAY\n\nShe reads the sign:\nEXT. ONLY AFTER DARK\n")
            << QStringList{"INT. GYM - DAY\nShe reads the sign:\nEXT. ONLY AFTER DARK"} << QStringList{}
            << "";
        QTest::newRow("uncased scripts are action, not cues")
            << QByteArray("INT. KITCHEN - DAY\n\n料理をする。\n鍋が沸騰する。\n")
            << QStringList{"INT. KITCHEN - DAY\n料理をする。\n鍋が沸騰する。"} << QStringList{} << "";
        QTest::newRow("two spaces keep a speech together")
            << QByteArray("INT. GYM - DAY\n\nMAYA\nFirst part.\n  \nSecond part.\n")
            << QStringList{"INT. GYM - DAY"} << QStringList{"MAYA: First part. Second part."} << "";
        QTest::newRow("transitions, forced and centered")
            << QByteArray("INT. GYM - DAY\n\nShe runs.\n\nCUT TO:\n\nEXT. PARK - DAY\n\n>Fade to white.\n\n>THE END<\n")
            << QStringList{"INT. GYM - DAY\nShe runs.", "EXT. PARK - DAY"} << QStringList{}
            << "Transition: Fade to white.\nCentered: THE END";
        QTest::newRow("inline boneyard and note")
            << QByteArray("INT. GYM - DAY\n\nShe /* slowly */ walks [[too slow?]] in.\n/* [[ not a note */Then sits.\n")
            << QStringList{"INT. GYM - DAY\nShe walks in.\nThen sits."} << QStringList{} << "too slow?";
        QTest::newRow("note between speech lines does not split the speech")
            << QByteArray("INT. GYM - DAY\n\nMAYA\nOne.\n[[louder]]\nTwo.\n")
            << QStringList{"INT. GYM - DAY"} << QStringList{"MAYA: One. Two."} << "louder";
        QTest::newRow("multi-line title page values are skipped")
            << QByteArray("Title: Short\nContact:\n    Line one\n    INT. NOT A HEADING\n\nINT. GYM - DAY\n\nGo.\n")
            << QStringList{"INT. GYM - DAY\nGo."} << QStringList{} << "";
        QTest::newRow("an ALL CAPS line with a blank after is action")
            << QByteArray("EXT. STREET - NIGHT\n\nBOOM.\n\nSirens.\n")
            << QStringList{"EXT. STREET - NIGHT\nBOOM.\nSirens."} << QStringList{} << "";
    }

    void smallScripts()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, prompts);
        QFETCH(QStringList, dialogue);
        QFETCH(QString, lastNotes);
        const Storyboard b = importOk(text);
        QStringList gotPrompts;
        QStringList gotDialogue;
        for (const Shot &s : b.shots) {
            gotPrompts << s.prompt;
            gotDialogue << dialogueOf(s);
            QCOMPARE(toString(s.continuity), toString(Continuity::NewScene));
        }
        QCOMPARE(gotPrompts, prompts);
        QCOMPARE(gotDialogue, dialogue);
        QCOMPARE(b.shots.last().notes, lastNotes);
    }

    void titlePageKeys()
    {
        QCOMPARE(importOk("Title: Short\n\nINT. GYM - DAY\n").title, QStringLiteral("Short"));
        QCOMPARE(importOk("Author: Someone\n\nINT. GYM - DAY\n").title, QString());
        QCOMPARE(importOk("title:\n   Two\n   Lines\n\nINT. GYM - DAY\n").title, QStringLiteral("Two Lines"));
    }

    void longSpeechIsClampedToTwentySeconds()
    {
        const QByteArray words = QByteArray("word ").repeated(60);
        const Storyboard b = importOk("INT. GYM - DAY\n\nMAYA\n" + words + "\n");
        QCOMPARE(b.shots.at(0).durationDs, kMaxDurationDs);
        const Storyboard shortOne = importOk("INT. GYM - DAY\n");
        QCOMPARE(shortOne.shots.at(0).durationDs, 30);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        const QString nothing = QStringLiteral("no scenes, action or dialogue found");
        QTest::newRow("empty") << QByteArray() << "" << nothing;
        QTest::newRow("blank lines") << QByteArray("\n\n   \n\r\n") << "" << nothing;
        QTest::newRow("title page only") << QByteArray("Title: Nothing Yet\nAuthor: Me\n") << "" << nothing;
        QTest::newRow("sections and notes only")
            << QByteArray("# ACT ONE\n\n= Things happen.\n\n[[to do]]\n\n===\n") << "" << nothing;
        QTest::newRow("boneyard only") << QByteArray("/* INT. GYM - DAY\n\nGone. */\n") << "" << nothing;
        QTest::newRow("unterminated note (fixture)")
            << readFixture("unterminated-note.fountain") << "line 7"
            << "the note \"[[\" opened here is never closed with \"]]\"";
        QTest::newRow("unterminated boneyard")
            << QByteArray("INT. GYM - DAY\r\n\r\nAction.\r\n\r\nMore /* forgotten\r\n\r\nMore.\r\n") << "line 5"
            << "the boneyard \"/*\" opened here is never closed with \"*/\"";
        QTest::newRow("Latin-1 text")
            << QByteArray("INT. GYM - DAY\n\nCaf\xE9 au lait.\n") << "line 3"
            << "the screenplay is not UTF-8 text; save it as UTF-8 and import it again";
        QTest::newRow("overlong UTF-8")
            << QByteArray("INT. GYM - DAY\n\n\n\nA \xC0\xAF slash.\n") << "line 5"
            << "the screenplay is not UTF-8 text; save it as UTF-8 and import it again";
        QTest::newRow("truncated UTF-8 at the end")
            << QByteArray("INT. GYM - DAY\n\xE6\x96") << "line 2"
            << "the screenplay is not UTF-8 text; save it as UTF-8 and import it again";
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, location);
        QFETCH(QString, message);
        const auto result = importFountain(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, message);
        QCOMPARE(result.error().location, location);
    }

    void byteOrderMarkIsIgnored()
    {
        const Storyboard b = importOk("\xEF\xBB\xBFTitle: With BOM\n\nINT. GYM - DAY\n\nGo.\n");
        QCOMPARE(b.title, QStringLiteral("With BOM"));
        QCOMPARE(b.shots.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFountain)
#include "tst_fountain.moc"
