// Tests for the kinora.storyboard.v1 exchange format and the JSON locator behind its messages.
// What a user notices: byte-stable files, nothing lost on the way, errors that name line and field.
#include "core/jsonlocator.h"
#include "story/storyboardjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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

// A board that uses every field, every optional form, and text that needs escaping.
Storyboard fullBoard()
{
    Storyboard board;
    board.title = QStringLiteral("Night Court \"director's cut\" – 夜");
    board.fps = 25;
    board.resolution = Resolution::P720;
    board.aspect = Aspect::Tall9x16;

    Shot first;
    first.id = QStringLiteral("shot-a");
    first.prompt = QStringLiteral("A basketball misses and rebounds off the backboard.\nThe gym is empty.");
    first.durationDs = 42;
    first.camera = CameraMove::DollyIn;
    first.framing = Framing::CloseUp;
    first.style = Style::VintageFilm;
    first.continuity = Continuity::NewScene;
    first.seed = 2147483647u;
    first.seedLocked = true;
    first.notes = QStringLiteral("Squeaky sneakers.");
    first.plan = QJsonObject{{QStringLiteral("environment"), QStringLiteral("space")},
                             {QStringLiteral("entities"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("ball-1")}}}}};
    first.cameos = {CameoSlot{QStringLiteral("@maya"), QStringLiteral("Maya")},
                    CameoSlot{QStringLiteral("@dale"), QString()}};
    DialogueLine a;
    a.id = QStringLiteral("line-1");
    a.speaker = QStringLiteral("MAYA");
    a.text = QStringLiteral("Again.");
    a.parenthetical = QStringLiteral("under her breath");
    a.startMs = 1250;
    DialogueLine b;
    b.id = QStringLiteral("line-2");
    b.speaker = QStringLiteral("LUCÍA");
    b.language = QStringLiteral("pt-BR");
    b.text = QStringLiteral("De novo!");
    first.dialogue = {a, b};

    Shot second;
    second.id = QStringLiteral("shot-b");
    second.prompt = QStringLiteral("A dog on a beach.");
    second.durationDs = 200;
    second.seed = 0;
    DialogueLine c;
    c.id = QStringLiteral("line-3");
    c.text = QStringLiteral("Woof.");
    c.startMs = 0;
    second.dialogue = {c};

    board.shots = {first, second};
    return board;
}

QByteArray board(const char *shotsJson)
{
    return QByteArray("{\n  \"format\": \"kinora.storyboard.v1\",\n  \"shots\": [\n") + shotsJson
        + "\n  ]\n}\n";
}

} // namespace

class TestStoryboardJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsByteIdentical()
    {
        const Storyboard original = fullBoard();
        const QByteArray text = toJsonText(original);
        QVERIFY(text.endsWith('\n'));
        const auto parsed = storyboardFromJsonText(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value(), original);
        QCOMPARE(toJsonText(parsed.value()), text);
        const auto fromObject = storyboardFromJson(toJson(original));
        QVERIFY(fromObject.ok());
        QCOMPARE(fromObject.value(), original);
    }

    void everyFieldSurvives()
    {
        const auto parsed = storyboardFromJsonText(toJsonText(fullBoard()));
        QVERIFY(parsed.ok());
        const Storyboard &b = parsed.value();
        QCOMPARE(b.title, QStringLiteral("Night Court \"director's cut\" – 夜"));
        QCOMPARE(b.fps, 25);
        QCOMPARE(toString(b.resolution), toString(Resolution::P720));
        QCOMPARE(toString(b.aspect), toString(Aspect::Tall9x16));
        QCOMPARE(b.shots.size(), 2);
        const Shot &s = b.shots.at(0);
        QCOMPARE(s.id, QStringLiteral("shot-a"));
        QCOMPARE(s.durationDs, 42);
        QCOMPARE(toString(s.camera), toString(CameraMove::DollyIn));
        QCOMPARE(toString(s.framing), toString(Framing::CloseUp));
        QCOMPARE(toString(s.style), toString(Style::VintageFilm));
        QCOMPARE(toString(s.continuity), toString(Continuity::NewScene));
        QCOMPARE(s.seed, 2147483647u);
        QCOMPARE(s.seedLocked, true);
        QCOMPARE(s.cameos.size(), 2);
        QCOMPARE(s.cameos.at(1).cameo, QStringLiteral("@dale"));
        QCOMPARE(s.dialogue.at(0).startMs, std::optional<int>(1250));
        QCOMPARE(s.dialogue.at(0).parenthetical, QStringLiteral("under her breath"));
        QCOMPARE(s.dialogue.at(1).language, QStringLiteral("pt-BR"));
        QCOMPARE(s.dialogue.at(1).startMs, std::optional<int>());
        QCOMPARE(b.shots.at(1).seed, 0u);
        // The edited plan is carried as it is (the engine checks it); no plan stays no plan.
        QCOMPARE(s.plan.value(QStringLiteral("environment")).toString(), QStringLiteral("space"));
        QCOMPARE(s.plan.value(QStringLiteral("entities")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("ball-1"));
        QVERIFY(b.shots.at(1).plan.isEmpty());
        QCOMPARE(b.shots.at(1).dialogue.at(0).startMs, std::optional<int>(0));
    }

    void writesAllFieldsAndOptionalOnesOnlyWhenSet()
    {
        const QJsonObject root = toJson(fullBoard());
        QCOMPARE(root.keys(), (QStringList{"aspect", "format", "fps", "resolution", "shots", "title"}));
        const QJsonObject shot = root.value("shots").toArray().at(1).toObject();
        QCOMPARE(shot.keys(), (QStringList{"cameos", "camera", "continuity", "dialogue",
                                           "durationSeconds", "framing", "id", "notes", "prompt",
                                           "seed", "seedLocked", "style"}));
        const QJsonObject withAll = root.value("shots").toArray().at(0).toObject()
                                        .value("dialogue").toArray().at(0).toObject();
        QCOMPARE(withAll.value("startSeconds").toDouble(), 1.25);
        QCOMPARE(withAll.value("parenthetical").toString(), QStringLiteral("under her breath"));
        const QJsonObject plain = root.value("shots").toArray().at(0).toObject()
                                      .value("dialogue").toArray().at(1).toObject();
        QVERIFY(!plain.contains("startSeconds"));
        QVERIFY(!plain.contains("parenthetical"));

        const QByteArray text = toJsonText(fullBoard());
        QVERIFY(text.contains("\"durationSeconds\": 4.2,"));
        QVERIFY(text.contains("\"durationSeconds\": 20,"));
        QVERIFY(text.contains("\"seed\": 2147483647,"));
        QVERIFY(text.contains("\"format\": \"kinora.storyboard.v1\""));
    }

    void defaultsForMissingFields()
    {
        const auto parsed = storyboardFromJsonText(board(
            "    { \"prompt\": \"A dog on a beach.\", \"dialogue\": [ { \"text\": \"Woof.\" } ] },\n"
            "    {}"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const Storyboard &b = parsed.value();
        QCOMPARE(b.title, QString());
        QCOMPARE(b.fps, 24);
        QCOMPARE(toString(b.resolution), toString(Resolution::P1080));
        QCOMPARE(toString(b.aspect), toString(Aspect::Wide16x9));
        QCOMPARE(b.shots.size(), 2);
        const Shot &s = b.shots.at(0);
        QCOMPARE(s.durationDs, 50);
        QCOMPARE(toString(s.camera), toString(CameraMove::Static));
        QCOMPARE(toString(s.framing), toString(Framing::Wide));
        QCOMPARE(toString(s.style), toString(Style::Cinematic));
        QCOMPARE(toString(s.continuity), toString(Continuity::ContinuePrevious));
        QCOMPARE(s.seedLocked, false);
        QCOMPARE(s.dialogue.at(0).language, QStringLiteral("en"));
        QVERIFY(!s.dialogue.at(0).id.isEmpty());
        QVERIFY(!s.id.isEmpty());
        QVERIFY(s.id != b.shots.at(1).id);
        QVERIFY(s.seed > 0);
        QVERIFY(b.shots.at(1).seed > 0);
        QCOMPARE(b.shots.at(1).prompt, QString());
    }

    void acceptsNamesInAnyCaseAndWritesThemCanonically()
    {
        const auto parsed = storyboardFromJsonText(board(
            "    { \"id\": \"x\", \"seed\": 5, \"camera\": \"Pan-Left\", \"style\": \"NOIR\" }"));
        QVERIFY(parsed.ok());
        QCOMPARE(toString(parsed.value().shots.at(0).camera), toString(CameraMove::PanLeft));
        QVERIFY(toJsonText(parsed.value()).contains("\"camera\": \"pan-left\""));
    }

    void errorsNameLineAndField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");

        QTest::newRow("duration out of range (fixture)")
            << readFixture("bad-duration.json") << "line 14"
            << "shots[1].durationSeconds: must be between 1 and 20 seconds, not 42";
        QTest::newRow("plan that is not an object")
            << board("    {\n      \"plan\": [1, 2]\n    }") << "line 5"
            << "shots[0].plan: must be an object (an edited scene plan)";
        QTest::newRow("duration below range")
            << board("    {\n      \"durationSeconds\": 0.5\n    }") << "line 5"
            << "shots[0].durationSeconds: must be between 1 and 20 seconds, not 0.5";
        QTest::newRow("duration off the 0.1 s grid")
            << board("    {\n      \"durationSeconds\": 4.25\n    }") << "line 5"
            << "shots[0].durationSeconds: must be a multiple of 0.1 seconds, not 4.25";
        QTest::newRow("wrong type")
            << QByteArray("{\n\"format\": \"kinora.storyboard.v1\",\n\"title\": 5\n}") << "line 3"
            << "title: must be a string, not a number";
        QTest::newRow("wrong format")
            << QByteArray("{\n  \"format\": \"kinora.storyboard.v2\"\n}") << "line 2"
            << "format: must be \"kinora.storyboard.v1\", not \"kinora.storyboard.v2\"";
        QTest::newRow("missing format")
            << QByteArray("\n{ \"title\": \"x\" }") << "line 2"
            << "format: missing; a storyboard file starts with \"format\": \"kinora.storyboard.v1\"";
        QTest::newRow("fps")
            << QByteArray("{\"format\": \"kinora.storyboard.v1\",\n\"fps\": 60}") << "line 2"
            << "fps: must be 24, 25 or 30, not 60";
        QTest::newRow("fps huge")
            << QByteArray("{\"format\": \"kinora.storyboard.v1\", \"fps\": 1e300}") << "line 1"
            << "fps: must be 24, 25 or 30, not 1e+300";
        QTest::newRow("unknown resolution")
            << QByteArray("{\"format\": \"kinora.storyboard.v1\",\n\n\"resolution\": \"4k\"}")
            << "line 3" << "resolution: unknown value \"4k\"; allowed values are 480p, 720p, 1080p";
        QTest::newRow("unknown camera lists allowed values")
            << board("    {},\n    {\n      \"camera\": \"zoom\"\n    }") << "line 6"
            << "shots[1].camera: unknown value \"zoom\"; allowed values are static, pan-left, "
               "pan-right, tilt-up, tilt-down, dolly-in, dolly-out, orbit, crane, handheld, tracking";
        QTest::newRow("unknown continuity")
            << board("    { \"continuity\": \"next\" }") << "line 4"
            << "shots[0].continuity: unknown value \"next\"; allowed values are continue, new-scene";
        QTest::newRow("seed not whole")
            << board("    {\n\n      \"seed\": 3.5\n    }") << "line 6"
            << "shots[0].seed: must be a whole number between 0 and 2147483647, not 3.5";
        QTest::newRow("seed too large")
            << board("    { \"seed\": 2147483648 }") << "line 4"
            << "shots[0].seed: must be a whole number between 0 and 2147483647, not 2147483648";
        QTest::newRow("seedLocked type")
            << board("    { \"seedLocked\": \"yes\" }") << "line 4"
            << "shots[0].seedLocked: must be true or false, not a string";
        QTest::newRow("too many cameos")
            << board("    {\n      \"cameos\": [\n        {\"cameo\": \"@a\"}, {\"cameo\": \"@b\"},\n"
                     "        {\"cameo\": \"@c\"}\n      ]\n    }")
            << "line 5" << "shots[0].cameos: a shot has at most 2 cameo slots, not 3";
        QTest::newRow("empty cameo handle")
            << board("    { \"cameos\": [\n      { \"role\": \"Maya\" }\n    ] }") << "line 5"
            << "shots[0].cameos[0].cameo: a cameo slot needs a cameo handle such as \"@maya\"";
        QTest::newRow("blank dialogue text")
            << board("    { \"dialogue\": [\n      { \"speaker\": \"MAYA\",\n        \"text\": \"  \" }\n    ] }")
            << "line 6" << "shots[0].dialogue[0].text: a dialogue line needs text";
        QTest::newRow("missing dialogue text falls back to the line's line")
            << board("    { \"dialogue\": [\n\n      { \"speaker\": \"MAYA\" }\n    ] }") << "line 6"
            << "shots[0].dialogue[0].text: a dialogue line needs text";
        QTest::newRow("language code")
            << board("    { \"dialogue\": [ { \"text\": \"Hi\",\n \"language\": \"english\" } ] }")
            << "line 5"
            << "shots[0].dialogue[0].language: must be a language code such as \"en\" or \"pt-BR\", "
               "not \"english\"";
        QTest::newRow("negative start")
            << board("    { \"dialogue\": [ { \"text\": \"Hi\", \"startSeconds\": -1 } ] }") << "line 4"
            << "shots[0].dialogue[0].startSeconds: must be between 0 and 20 seconds, not -1";
        QTest::newRow("dialogue must be an array")
            << board("    {\n      \"dialogue\": \"Hi\"\n    }") << "line 5"
            << "shots[0].dialogue: must be an array, not a string";
        QTest::newRow("shot must be an object")
            << board("    {},\n    \"shot two\"") << "line 5" << "shots[1]: must be an object, not a string";
        QTest::newRow("unknown field (typo)")
            << board("    {\n      \"durationSecond\": 4\n    }") << "line 5"
            << "shots[0].durationSecond: unknown field; allowed fields are id, prompt, durationSeconds, "
               "camera, framing, style, continuity, dialogue, cameos, seed, seedLocked, notes, trimIn, trimOut, plan";
        QTest::newRow("duplicate shot id")
            << board("    { \"id\": \"a\" },\n    { \"id\": \"b\" },\n    { \"id\": \"a\" }") << "line 6"
            << "shots[2].id: duplicate id \"a\" (also used by shots[0])";
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << "line 1"
            << "the file must contain one JSON object with \"format\": \"kinora.storyboard.v1\"";
    }

    void errorsNameLineAndField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, location);
        QFETCH(QString, message);
        const auto parsed = storyboardFromJsonText(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message, message);
        QCOMPARE(parsed.error().location, location);
    }

    void errorFromParsedObjectHasNoLine()
    {
        QJsonObject root = toJson(fullBoard());
        QJsonArray shots = root.value("shots").toArray();
        QJsonObject shot = shots.at(1).toObject();
        shot.insert("durationSeconds", 42);
        shots.replace(1, shot);
        root.insert("shots", shots);
        const auto parsed = storyboardFromJson(root);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().location, QString());
        QCOMPARE(parsed.error().toString(),
                 QStringLiteral("shots[1].durationSeconds: must be between 1 and 20 seconds, not 42"));
    }

    void syntaxErrorNamesLineAndColumn()
    {
        const QByteArray text = readFixture("bad-syntax.json");
        const auto parsed = storyboardFromJsonText(text);
        QVERIFY(!parsed.ok());
        // The missing comma at the end of line 7 is noticed inside the next key, on line 8.
        QCOMPARE(parsed.error().location, QStringLiteral("line 8, column 8"));
        QJsonParseError qtError;
        QJsonDocument::fromJson(text, &qtError);
        QCOMPARE(parsed.error().message, qtError.errorString());
        QCOMPARE(parsed.error().toString(), QStringLiteral("line 8, column 8: ") + qtError.errorString());

        const auto empty = storyboardFromJsonText(QByteArray());
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().location, QStringLiteral("line 1, column 1"));
    }

    void sampleStoryboardLoads()
    {
        const QByteArray text = readFixture("sample-storyboard.json");
        const auto parsed = storyboardFromJsonText(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        const Storyboard &b = parsed.value();
        QCOMPARE(b.title, QStringLiteral("Rebound"));
        QCOMPARE(b.shots.size(), 10);
        QCOMPARE(b.totalDurationDs(), 65 + 30 + 80 + 100 + 50 + 73 + 120 + 45 + 28 + 200);
        QSet<QString> languages;
        QSet<QString> cameras;
        for (const Shot &s : b.shots) {
            cameras.insert(toString(s.camera));
            for (const DialogueLine &line : s.dialogue)
                languages.insert(line.language);
        }
        QCOMPARE(languages, (QSet<QString>{"en", "es", "fr", "ja"}));
        QCOMPARE(cameras.size(), 10); // ten shots, ten different camera moves
        QCOMPARE(b.shots.at(0).dialogue.at(0).startMs, std::optional<int>(4200));
        QCOMPARE(b.shots.at(9).dialogue.at(1).startMs, std::optional<int>(2750));
        QCOMPARE(b.shots.at(5).dialogue.at(0).text, QStringLiteral("今年の桜はきれいだね。"));
        QCOMPARE(b.shots.at(2).dialogue.at(1).parenthetical, QStringLiteral("riendo"));
        QCOMPARE(b.shots.at(4).cameos.size(), 2);
        QCOMPARE(b.shots.at(9).seed, 2147483647u);
        QVERIFY(b.shots.at(0).prompt.contains(QStringLiteral("rebounds off the backboard")));

        const auto again = storyboardFromJsonText(toJsonText(b));
        QVERIFY(again.ok());
        QCOMPARE(again.value(), b);
        QCOMPARE(toJsonText(again.value()), toJsonText(b));
    }

    void locatorFindsValueLines()
    {
        const QByteArray text = readFixture("bad-duration.json");
        const core::JsonLocator locator(text);
        QCOMPARE(locator.lineOf(QString()), 1);
        QCOMPARE(locator.lineOf("format"), 2);
        QCOMPARE(locator.lineOf("shots"), 4);
        QCOMPARE(locator.lineOf("shots[0]"), 5);
        QCOMPARE(locator.lineOf("shots[0].durationSeconds"), 8);
        QCOMPARE(locator.lineOf("shots[1]"), 10);
        QCOMPARE(locator.lineOf("shots[1].camera"), 13);
        // Unknown paths fall back to the nearest parent that exists.
        QCOMPARE(locator.lineOf("shots[1].dialogue[3].text"), 10);
        QCOMPARE(locator.lineOf("nothing.here"), 1);
    }

    void locatorHandlesEscapesAndStopsAtErrors()
    {
        const QByteArray text = "{\n\"a\\\"b\": [\n1,\n{\"k\\u00e9y\": \"x\\ny\"}\n],\n\"bad\": ,\n\"late\": 1}";
        const core::JsonLocator locator(text);
        QCOMPARE(locator.lineOf("a\"b[0]"), 3);
        QCOMPARE(locator.lineOf(QStringLiteral("a\"b[1].kéy")), 4);
        QCOMPARE(locator.lineOf("late"), 1); // after the syntax error: only the root is known
        QCOMPARE(core::JsonLocator(QByteArray()).lineOf("x"), 0);
    }

    void positionOfOffsetCountsCharacters()
    {
        const QByteArray text = "ab\nçé x\n";
        QCOMPARE(core::positionOfOffset(text, 0).line, 1);
        QCOMPARE(core::positionOfOffset(text, 0).column, 1);
        const int x = text.indexOf('x');
        QCOMPARE(core::positionOfOffset(text, x).line, 2);
        QCOMPARE(core::positionOfOffset(text, x).column, 4);
        QCOMPARE(core::positionOfOffset(text, 1000).line, 3);
    }
};

QTEST_GUILESS_MAIN(TestStoryboardJson)
#include "tst_storyboardjson.moc"
