// ScenePlan JSON: the user edits plans as JSON, so writing must keep every field and reading must
// give the same plan back, and a mistake must be reported with the field path and what to do.
#include "engine/prompt/promptcompiler.h"
#include "engine/sceneplan.h"
#include "tst_prompt_cases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace kinora::engine;

namespace {

// A plan where no field holds its default, with text that needs escaping.
ScenePlan fullPlan()
{
    ScenePlan p;
    p.shotId = QStringLiteral("shot-7");
    p.prompt = QStringLiteral("Maya \"shoots\" – and misses.\nThe ball rebounds.");
    p.environment = QStringLiteral("basketball-court");
    p.timeOfDay = QStringLiteral("night");
    p.weather = QStringLiteral("rain");
    p.style = QStringLiteral("vintage-film");
    p.camera = PlanCamera{QStringLiteral("orbit"), QStringLiteral("close-up"), QStringLiteral("person-1")};
    p.durationSeconds = 4.2;
    p.fps = 30;
    p.width = 1280;
    p.height = 720;
    p.seed = 4000000000u;
    p.newScene = false;
    for (int i = 0; i < 3; ++i) {
        PlanEntity e;
        e.id = QStringLiteral("thing-%1").arg(i + 1);
        e.noun = QStringLiteral("basketball");
        e.label = QStringLiteral("a ball №%1").arg(i);
        e.category = QStringLiteral("ball");
        e.shape = QStringLiteral("sphere");
        e.material = QStringLiteral("leather");
        e.colorName = QStringLiteral("orange");
        e.color = Vec3{0.913098651791473, 0.223227957316058, 0.00699541018726539};
        e.size = Vec3{0.24, 0.24 + i, 1.0 / 3.0};
        e.massKg = 0.62;
        e.restitution = 0.8;
        e.friction = 0.6;
        e.densityKgM3 = 85.66;
        e.position = Vec3{-1.5, 0.1 * i, 3.05};
        e.headingDeg = -90.5;
        e.velocity = Vec3{1e-9, -2.5, 7};
        e.isStatic = i == 2;
        e.speaker = i == 0 ? QStringLiteral("MAYA") : QString();
        e.cameo = i == 0 ? QStringLiteral("@maya") : QString();
        e.lookSeed = 4294967295u - i;
        p.entities << e;
    }
    p.entities[0].id = QStringLiteral("person-1");
    p.actions << PlanAction{QStringLiteral("shoot"), QStringLiteral("person-1"), QStringLiteral("thing-2"),
                            QStringLiteral("thing-3"), 0.25, 1.75, false, QStringLiteral("Maya shoots")};
    p.actions << PlanAction{QStringLiteral("bounce"), QStringLiteral("thing-2"), {}, {}, 2, 0, true, {}};
    p.actions << PlanAction{QStringLiteral("walk"), QStringLiteral("person-1"), {}, QStringLiteral("thing-3"), 3, 1,
                            true, QStringLiteral("walks slowly past it"), QStringLiteral("past"), 0.5};
    p.dialogue << PlanDialogue{QStringLiteral("MAYA"), QStringLiteral("person-1"), QStringLiteral("pt-BR"),
                               QStringLiteral("Olá!"), 1.5};
    p.dialogue << PlanDialogue{QStringLiteral("LEO"), {}, QStringLiteral("en"), QStringLiteral("..."), -1};
    p.unknownWords = {QStringLiteral("rebounds"), QStringLiteral("zorblax")};
    p.notes = {QStringLiteral("added a hoop")};
    return p;
}

QJsonObject roundTrip(const QJsonObject &o)
{
    // Through text, as a file on disk would go.
    return QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
}

} // namespace

class TestPromptJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullPlanRoundTrips();
    void compiledPlansRoundTrip();
    void everyFieldIsWritten();
    void missingFieldsTakeDefaults();
    void errorsNameTheField_data();
    void errorsNameTheField();
};

void TestPromptJson::fullPlanRoundTrips()
{
    const ScenePlan plan = fullPlan();
    const QJsonObject json = toJson(plan);
    const auto back = scenePlanFromJson(roundTrip(json));
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(toJson(back.value()), json);
    const ScenePlan &b = back.value();
    QCOMPARE(b.seed, 4000000000u);
    QCOMPARE(b.entities.at(0).lookSeed, 4294967295u);
    QCOMPARE(b.entities.at(1).size.z, 1.0 / 3.0);
    QCOMPARE(b.entities.at(0).velocity.x, 1e-9);
    QCOMPARE(b.entities.at(2).isStatic, true);
    QCOMPARE(b.actions.at(0).succeeds, false);
    QCOMPARE(b.actions.at(0).startSeconds, 0.25);
    QCOMPARE(b.actions.at(2).path, QStringLiteral("past"));
    QCOMPARE(b.actions.at(2).intensity, 0.5);
    QCOMPARE(b.dialogue.at(0).text, QStringLiteral("Olá!"));
    QCOMPARE(b.dialogue.at(1).startSeconds, -1.0);
    QCOMPARE(b.prompt, plan.prompt);
    QCOMPARE(b.newScene, false);
    QCOMPARE(b.camera.subject, QStringLiteral("person-1"));
    QCOMPARE(b.unknownWords, plan.unknownWords);
    QCOMPARE(b.notes, plan.notes);
}

void TestPromptJson::compiledPlansRoundTrip()
{
    for (const PromptCase &c : kPromptCases) {
        ShotInput s;
        s.prompt = QString::fromUtf8(c.prompt);
        s.seed = 99;
        const QJsonObject json = toJson(PromptCompiler().compile(s, {}, {}));
        const auto back = scenePlanFromJson(roundTrip(json));
        QVERIFY2(back.ok(), qPrintable(QString::fromUtf8(c.prompt) + QStringLiteral(": ") + back.error().toString()));
        QCOMPARE(toJson(back.value()), json);
    }
}

void TestPromptJson::everyFieldIsWritten()
{
    const QJsonObject json = toJson(fullPlan());
    QCOMPARE(json.keys().size(), 19);
    const QJsonObject entity = json.value(QStringLiteral("entities")).toArray().at(0).toObject();
    QCOMPARE(entity.keys().size(), 20);
    QCOMPARE(entity.value(QStringLiteral("position")).toArray(), (QJsonArray{-1.5, 0.0, 3.05}));
    QCOMPARE(entity.value(QStringLiteral("lookSeed")).toDouble(), 4294967295.0);
    QCOMPARE(json.value(QStringLiteral("actions")).toArray().at(0).toObject().keys().size(), 10);
    const QJsonObject walk = json.value(QStringLiteral("actions")).toArray().at(2).toObject();
    QCOMPARE(walk.value(QStringLiteral("path")).toString(), QStringLiteral("past"));
    QCOMPARE(walk.value(QStringLiteral("intensity")).toDouble(), 0.5);
    QCOMPARE(json.value(QStringLiteral("dialogue")).toArray().at(0).toObject().keys().size(), 5);
    QCOMPARE(json.value(QStringLiteral("camera")).toObject().value(QStringLiteral("move")).toString(), QStringLiteral("orbit"));
}

void TestPromptJson::missingFieldsTakeDefaults()
{
    const auto plan = scenePlanFromJson(QJsonObject{{"entities", QJsonArray{QJsonObject{{"id", "box-1"}}}}});
    QVERIFY2(plan.ok(), qPrintable(plan.error().toString()));
    QCOMPARE(plan.value().environment, QStringLiteral("room"));
    QCOMPARE(plan.value().fps, 24);
    QCOMPARE(plan.value().entities.size(), 1);
    QCOMPARE(plan.value().entities.at(0).massKg, 1.0);
    QCOMPARE(toJson(plan.value()).value(QStringLiteral("durationSeconds")).toDouble(), 5.0);

    // A plan written before actions had a path and an intensity still loads: "to the target", normal.
    const auto old = scenePlanFromJson(QJsonObject{
        {"entities", QJsonArray{QJsonObject{{"id", "person-1"}}, QJsonObject{{"id", "car-1"}}}},
        {"actions", QJsonArray{QJsonObject{{"verb", "walk"}, {"actor", "person-1"}, {"target", "car-1"}}}}});
    QVERIFY2(old.ok(), qPrintable(old.error().toString()));
    QCOMPARE(old.value().actions.at(0).path, QString());
    QCOMPARE(old.value().actions.at(0).intensity, 1.0);
}

void TestPromptJson::errorsNameTheField_data()
{
    QTest::addColumn<QString>("path");  // where to change the full plan's JSON
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *path, const QJsonValue &v, const QString &msg) {
        QTest::newRow(name) << QString::fromLatin1(path) << v << msg;
    };
    row("mass zero", "entities.2.massKg", 0, QStringLiteral("entities[2].massKg: must be greater than 0"));
    row("environment", "environment", "moon",
        QStringLiteral("environment: unknown value \"moon\"; allowed values are gym, basketball-court, beach, street, "
                       "forest, room, office, kitchen, park, stage, space, underwater"));
    row("actor", "actions.0.actor", "ghost",
        QStringLiteral("actions[0].actor: \"ghost\" is not an entity id; known ids: person-1, thing-2, thing-3"));
    row("target", "actions.1.target", "hoop-9",
        QStringLiteral("actions[1].target: \"hoop-9\" is not an entity id; known ids: person-1, thing-2, thing-3"));
    row("size element", "entities.1.size", QJsonArray{0.2, -1, 0.2}, QStringLiteral("entities[1].size[1]: must be greater than 0"));
    row("vector length", "entities.0.position", QJsonArray{1, 2}, QStringLiteral("entities[0].position: must be an array of three numbers [x, y, z]"));
    row("fps type", "fps", "24", QStringLiteral("fps: must be a number, not a string"));
    row("fps range", "fps", 0, QStringLiteral("fps: must be at least 1"));
    row("seed whole", "seed", 1.5, QStringLiteral("seed: must be a whole number"));
    row("restitution", "entities.0.restitution", 1.5, QStringLiteral("entities[0].restitution: must be at most 1"));
    row("colour", "entities.0.color", QJsonArray{0.5, 2, 0}, QStringLiteral("entities[0].color[1]: must be at most 1"));
    row("category", "entities.0.category", "plant",
        QStringLiteral("entities[0].category: unknown value \"plant\"; allowed values are person, animal, ball, vehicle, "
                       "furniture, prop, structure"));
    row("verb", "actions.0.verb", "fly",
        QStringLiteral("actions[0].verb: unknown value \"fly\"; allowed values are walk, run, jump, throw, shoot, kick, "
                       "roll, fall, drop, bounce, collide, push, float, sink, talk, wave, dance, sit, idle"));
    row("camera move", "camera.move", "zoom",
        QStringLiteral("camera.move: unknown value \"zoom\"; allowed values are static, pan-left, pan-right, tilt-up, "
                       "tilt-down, dolly-in, dolly-out, orbit, crane, handheld, tracking"));
    row("camera subject", "camera.subject", "nobody",
        QStringLiteral("camera.subject: \"nobody\" is not an entity id; known ids: person-1, thing-2, thing-3"));
    row("dialogue entity", "dialogue.1.entity", "leo-1",
        QStringLiteral("dialogue[1].entity: \"leo-1\" is not an entity id; known ids: person-1, thing-2, thing-3"));
    row("dialogue start", "dialogue.0.startSeconds", -0.5,
        QStringLiteral("dialogue[0].startSeconds: must be -1 (after the previous line) or at least 0"));
    row("duplicate id", "entities.1.id", "person-1", QStringLiteral("entities[1].id: duplicate id \"person-1\"; ids must be unique"));
    row("empty id", "entities.2.id", "", QStringLiteral("entities[2].id: must not be empty; every entity needs an id such as \"ball-1\""));
    row("static type", "entities.0.isStatic", 1, QStringLiteral("entities[0].isStatic: must be true or false, not a number"));
    row("unknown word type", "unknownWords", QJsonArray{"ok", 3}, QStringLiteral("unknownWords[1]: must be a string, not a number"));
    row("unknown field", "entities.0.colour", "red",
        QStringLiteral("entities[0].colour: unknown field; allowed fields are id, noun, label, category, shape, material, "
                       "colorName, color, size, massKg, restitution, friction, densityKgM3, position, headingDeg, "
                       "velocity, isStatic, speaker, cameo, lookSeed"));
    row("version", "version", 2, QStringLiteral("version: must be at most 1"));
    row("path", "actions.2.path", "over",
        QStringLiteral("actions[2].path: unknown value \"over\"; allowed values are \"\" (to the target), past, follow, "
                       "toward, away, around, across, along"));
    row("path needs target", "actions.2.target", "",
        QStringLiteral("actions[2].path: \"past\" needs a target; set target to an entity id or clear path"));
    row("path to itself", "actions.2.target", "person-1",
        QStringLiteral("actions[2].target: an entity cannot move past itself; choose another target"));
    row("intensity", "actions.2.intensity", 0, QStringLiteral("actions[2].intensity: must be at least 0.1"));
    row("intensity type", "actions.2.intensity", "fast", QStringLiteral("actions[2].intensity: must be a number, not a string"));
    row("entities type", "entities", "none", QStringLiteral("entities: must be an array, not a string"));
}

void TestPromptJson::errorsNameTheField()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    // Set value at a dotted path ("entities.2.massKg") inside the full plan's JSON.
    const std::function<QJsonValue(const QJsonValue &, QStringList)> set = [&](const QJsonValue &node, QStringList keys) -> QJsonValue {
        if (keys.isEmpty())
            return value;
        const QString key = keys.takeFirst();
        bool isIndex = false;
        const int index = key.toInt(&isIndex);
        if (isIndex) {
            QJsonArray a = node.toArray();
            a[index] = set(a.at(index), keys);
            return a;
        }
        QJsonObject o = node.toObject();
        o[key] = set(o.value(key), keys);
        return o;
    };
    const QJsonObject edited = set(toJson(fullPlan()), path.split(QLatin1Char('.'))).toObject();
    const auto result = scenePlanFromJson(edited);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().toString(), message);
}

QTEST_GUILESS_MAIN(TestPromptJson)
#include "tst_prompt_json.moc"
