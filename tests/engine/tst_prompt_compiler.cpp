// PromptCompiler: what the user sees in "how Kinora understood this shot": places, things, colours,
// actions with who/what/where and when, positions from relations, continuity and unknown words.
#include "engine/prompt/lexicon.h"
#include "engine/prompt/promptcompiler.h"
#include "engine/prompt/scenebuilder.h"
#include "tst_prompt_cases.h"

#include <QSet>
#include <QtTest>
#include <cmath>

using namespace kinora::engine;

namespace {

ScenePlan compileText(const QString &prompt, double seconds = 6, const QList<PlanEntity> &previous = {},
                      const QString &environment = {}, bool newScene = true)
{
    ShotInput s;
    s.shotId = QStringLiteral("shot-1");
    s.prompt = prompt;
    s.durationSeconds = seconds;
    s.seed = 42;
    s.newScene = newScene;
    return PromptCompiler().compile(s, previous, environment);
}

ScenePlan continueWith(const ScenePlan &previous, const QString &prompt)
{
    return compileText(prompt, 6, previous.entities, previous.environment, false);
}

const PlanEntity &entity(const ScenePlan &plan, const QString &id)
{
    const int i = plan.indexOf(id);
    if (i < 0)
        qFatal("no entity %s", qPrintable(id));
    return plan.entities.at(i);
}

QString entitySignature(const ScenePlan &plan)
{
    QStringList out;
    for (const PlanEntity &e : plan.entities)
        out << (e.colorName.isEmpty() ? e.noun : e.noun + QLatin1Char(':') + e.colorName);
    return out.join(QStringLiteral(", "));
}

QString actionSignature(const ScenePlan &plan)
{
    QStringList out;
    for (const PlanAction &a : plan.actions) {
        QString sig = QStringLiteral("%1(%2,%3,%4)").arg(a.verb, a.actor, a.object, a.target);
        if (!a.path.isEmpty())
            sig += QLatin1Char('~') + a.path;
        if (a.intensity != 1)
            sig += QLatin1Char('*') + QString::number(a.intensity);
        out << sig + QStringLiteral("@%1").arg(a.startSeconds);
    }
    return out.join(QLatin1Char(' '));
}

// Ground footprints (x, z) of two entities overlap?
bool footprintsOverlap(const PlanEntity &a, const PlanEntity &b)
{
    const auto half = [](const PlanEntity &e) {
        const bool side = std::fmod(std::abs(e.headingDeg), 180.0) == 90.0;
        return side ? std::pair{e.size.z / 2, e.size.x / 2} : std::pair{e.size.x / 2, e.size.z / 2};
    };
    const auto [ax, az] = half(a);
    const auto [bx, bz] = half(b);
    return std::abs(a.position.x - b.position.x) < ax + bx && std::abs(a.position.z - b.position.z) < az + bz;
}

} // namespace

class TestPromptCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void lexiconHasEnoughNouns();
    void lexiconFormsAreUnambiguous();
    void physicalDefaults();
    void relationsBecomePositions();
    void defaultLayoutDoesNotOverlap();
    void hoopIsRegulation();
    void continuityKeepsIdentityAndPosition();
    void continuityResolvesPronounsAndPlurals();
    void newSceneForgetsPreviousShot();
    void dialogueSpeakersBecomeFigures();
    void cameosAppearOnce();
    void cameraFromStoryboardAndPrompt();
    void timingSequenceAndSimultaneity();
    void missesAndScores();
    void countsAndColours();
    void namesAndUnknownCapitals();
    void materialsAndSizesChangePhysics();
    void deterministicAndSeeded();
    void intoTheWaterAtTheBeach();
    void pathsAndAdverbs();
    void vehiclesDrive();
};

void TestPromptCompiler::corpus_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(std::size(kPromptCases)); ++i)
        QTest::newRow(kPromptCases[i].prompt) << i;
}

void TestPromptCompiler::corpus()
{
    QFETCH(int, index);
    const PromptCase &c = kPromptCases[index];
    const ScenePlan plan = compileText(QString::fromUtf8(c.prompt));
    QCOMPARE(plan.environment, QString::fromLatin1(c.environment));
    QCOMPARE(plan.timeOfDay, QString::fromLatin1(c.timeOfDay));
    QCOMPARE(plan.weather, QString::fromLatin1(c.weather));
    QCOMPARE(entitySignature(plan), QString::fromLatin1(c.entities));
    QCOMPARE(actionSignature(plan), QString::fromLatin1(c.actions));
    QCOMPARE(plan.unknownWords.join(QStringLiteral(", ")), QString::fromLatin1(c.unknownWords));
}

void TestPromptCompiler::lexiconHasEnoughNouns()
{
    const QStringList nouns = prompt::lexiconNouns();
    QVERIFY2(nouns.size() >= 150, qPrintable(QString::number(nouns.size())));
    QCOMPARE(QSet<QString>(nouns.begin(), nouns.end()).size(), nouns.size());
    QVERIFY(prompt::colourNames().size() >= 16);
    for (const char *required : {"girl", "boy", "man", "woman", "child", "player", "coach", "runner", "dancer", "chef",
                                 "dog", "cat", "horse", "bird", "fish", "basketball", "football", "tennis ball",
                                 "beach ball", "car", "bus", "bike", "truck", "boat", "chair", "table", "sofa", "bed",
                                 "desk", "bench", "bleachers", "box", "bottle", "cup", "kettle", "lamp", "book",
                                 "rock", "hoop", "goal", "wall", "tree"})
        QVERIFY2(nouns.contains(QLatin1String(required)), required);
    // Each category is represented by a real vocabulary, not a token entry.
    QHash<QString, int> perCategory;
    for (const prompt::NounSpec &n : prompt::nounTable())
        ++perCategory[QLatin1String(n.category)];
    QVERIFY(perCategory.value("person") >= 30);
    QVERIFY(perCategory.value("animal") >= 30);
    QVERIFY(perCategory.value("ball") >= 10);
    QVERIFY(perCategory.value("prop") >= 40);
}

void TestPromptCompiler::lexiconFormsAreUnambiguous()
{
    // A synonym naming two different nouns would make "the X" depend on table order.
    QHash<QString, QString> owner;
    for (const prompt::NounSpec &n : prompt::nounTable()) {
        QStringList forms{QLatin1String(n.noun)};
        if (*n.synonyms)
            forms << QString::fromLatin1(n.synonyms).split(QLatin1Char('|'));
        for (QString f : forms) {
            if (f.endsWith(QLatin1Char('*')))
                f.chop(1);
            QVERIFY2(!owner.contains(f) || owner.value(f) == QLatin1String(n.noun),
                     qPrintable(f + QStringLiteral(": ") + owner.value(f) + QStringLiteral(" and ") + QLatin1String(n.noun)));
            owner.insert(f, QLatin1String(n.noun));
        }
        QVERIFY(n.width > 0 && n.height > 0 && n.depth > 0);
        QVERIFY(n.massKg > 0 && n.densityKgM3 > 0);
        QVERIFY(n.restitution >= 0 && n.restitution <= 1);
        Vec3 rgb;
        QVERIFY2(prompt::colourRgb(QLatin1String(n.color), &rgb), n.noun);
    }
    // Plurals, irregular plurals and multi-word synonyms all reach their noun.
    QCOMPARE(entitySignature(compileText(QStringLiteral("two puppies, two men, three children and a soccer ball"))),
             QStringLiteral("dog, dog, man, man, child, child, child, football"));
}

void TestPromptCompiler::physicalDefaults()
{
    const ScenePlan plan = compileText(QStringLiteral(
        "a basketball, a tennis ball, a wooden crate, a rock, a beach ball and a golf ball"));
    const PlanEntity &basketball = entity(plan, QStringLiteral("ball-1"));
    QCOMPARE(basketball.noun, QStringLiteral("basketball"));
    QCOMPARE(basketball.size.x, 0.24);
    QCOMPARE(basketball.massKg, 0.62);
    QCOMPARE(basketball.restitution, 0.8);
    QCOMPARE(basketball.shape, QStringLiteral("sphere"));
    const PlanEntity &tennis = entity(plan, QStringLiteral("ball-2"));
    QCOMPARE(tennis.size.x, 0.067);
    QCOMPARE(tennis.massKg, 0.058);
    // Water is 1000 kg/m3: the crate and the balls float, the rock and the golf ball sink.
    QCOMPARE(entity(plan, QStringLiteral("crate-1")).densityKgM3, 600.0);
    QCOMPARE(entity(plan, QStringLiteral("rock-1")).densityKgM3, 2600.0);
    QVERIFY(entity(plan, QStringLiteral("ball-3")).densityKgM3 < 1000);
    QVERIFY(basketball.densityKgM3 < 1000);
    QVERIFY(entity(plan, QStringLiteral("ball-4")).densityKgM3 > 1000);
    QVERIFY(entity(plan, QStringLiteral("crate-1")).isStatic == false);
    // Default colours are applied but not named: colorName says what the prompt said.
    QCOMPARE(basketball.colorName, QString());
    QVERIFY(basketball.color.x > basketball.color.y && basketball.color.y > basketball.color.z);
}

void TestPromptCompiler::relationsBecomePositions()
{
    ScenePlan plan = compileText(QStringLiteral("A cup is on the table."));
    const PlanEntity &cup = entity(plan, QStringLiteral("cup-1"));
    const PlanEntity &table = entity(plan, QStringLiteral("table-1"));
    QCOMPARE(cup.position.y, table.position.y + table.size.y); // on the table top: 0.75 m
    QCOMPARE(cup.position.y, 0.75);
    QCOMPARE(cup.position.x, table.position.x);
    QCOMPARE(cup.position.z, table.position.z);

    plan = compileText(QStringLiteral("A ball is under the chair."));
    QCOMPARE(entity(plan, QStringLiteral("ball-1")).position, entity(plan, QStringLiteral("chair-1")).position);

    plan = compileText(QStringLiteral("A dog stands behind the box."));
    const PlanEntity &dog = entity(plan, QStringLiteral("dog-1"));
    const PlanEntity &box = entity(plan, QStringLiteral("box-1"));
    QCOMPARE(dog.position.x, box.position.x);
    QVERIFY(qFuzzyCompare(box.position.z - dog.position.z, 0.45 + 0.2 + 0.3)); // half depths + 0.3 m gap

    plan = compileText(QStringLiteral("A boy is in front of the car."));
    QVERIFY(qFuzzyCompare(entity(plan, QStringLiteral("person-1")).position.z - entity(plan, QStringLiteral("car-1")).position.z,
                          0.11 + 0.9 + 0.3)); // the car is side-on: its half width along z is 0.9

    plan = compileText(QStringLiteral("A lamp is left of the sofa. A plant is right of the sofa."));
    const PlanEntity &sofa = entity(plan, QStringLiteral("sofa-1"));
    QVERIFY(qFuzzyCompare(sofa.position.x - entity(plan, QStringLiteral("lamp-1")).position.x, 1.0 + 0.15 + 0.3));
    QVERIFY(qFuzzyCompare(entity(plan, QStringLiteral("plant-1")).position.x - sofa.position.x, 1.0 + 0.2 + 0.3));

    plan = compileText(QStringLiteral("A girl stands next to the bench."));
    QVERIFY(qFuzzyCompare(std::abs(entity(plan, QStringLiteral("person-1")).position.x - entity(plan, QStringLiteral("bench-1")).position.x),
                          0.19 + 0.9 + 0.3));

    // Things on the table move with it when the table is then placed beside the sofa.
    plan = compileText(QStringLiteral("A cup on the table next to the sofa."));
    QCOMPARE(entity(plan, QStringLiteral("cup-1")).position.x, entity(plan, QStringLiteral("table-1")).position.x);
    QCOMPARE(entity(plan, QStringLiteral("cup-1")).position.y, 0.75);
    QVERIFY(!footprintsOverlap(entity(plan, QStringLiteral("table-1")), entity(plan, QStringLiteral("sofa-1"))));

    // Two things on one bench sit side by side, not inside each other.
    plan = compileText(QStringLiteral("A man and a woman sit on a bench."));
    QCOMPARE(entity(plan, QStringLiteral("person-1")).position.y, 0.45);
    QCOMPARE(entity(plan, QStringLiteral("person-2")).position.y, 0.45);
    QVERIFY(!footprintsOverlap(entity(plan, QStringLiteral("person-1")), entity(plan, QStringLiteral("person-2"))));
}

void TestPromptCompiler::defaultLayoutDoesNotOverlap()
{
    const ScenePlan plan = compileText(QStringLiteral(
        "A girl, a boy, a dog, a chair, a table, a bike, a lamp, a box and a horse."));
    QCOMPARE(plan.entities.size(), 9);
    for (int i = 0; i < plan.entities.size(); ++i) {
        const PlanEntity &e = plan.entities.at(i);
        QVERIFY2(std::abs(e.position.x) <= 4 && std::abs(e.position.z) <= 3, qPrintable(e.id));
        QCOMPARE(e.position.y, 0.0);
        for (int j = i + 1; j < plan.entities.size(); ++j)
            QVERIFY2(!footprintsOverlap(e, plan.entities.at(j)), qPrintable(e.id + QLatin1Char(' ') + plan.entities.at(j).id));
    }
    // The first thing named takes the centre of the stage.
    QCOMPARE(plan.entities.first().position, (Vec3{0, 0, 0}));
}

void TestPromptCompiler::hoopIsRegulation()
{
    const ScenePlan plan = compileText(QStringLiteral("A player shoots at the hoop."));
    const PlanEntity &hoop = entity(plan, QStringLiteral("hoop-1"));
    QCOMPARE(hoop.position, (Vec3{0, 0, -4}));
    QCOMPARE(hoop.headingDeg, 0.0);
    QCOMPARE(hoop.size.y, 4.0); // backboard top
    QCOMPARE(hoop.shape, QStringLiteral("hoop"));
    QVERIFY(hoop.isStatic);
    // "shoots a basket" with no hoop: one is added, and the note says so.
    const ScenePlan added = compileText(QStringLiteral("She shoots a basket."));
    QCOMPARE(actionSignature(added), QStringLiteral("shoot(person-1,ball-1,hoop-1)@0"));
    QVERIFY(added.notes.contains(QStringLiteral("a shot needs a basket; added a hoop")));
    QCOMPARE(entity(added, QStringLiteral("hoop-1")).position, (Vec3{0, 0, -4}));
}

void TestPromptCompiler::continuityKeepsIdentityAndPosition()
{
    const ScenePlan first = compileText(QStringLiteral("A red ball lies on the gym floor next to a girl."));
    const PlanEntity ball = entity(first, QStringLiteral("ball-1"));
    const PlanEntity girl = entity(first, QStringLiteral("person-1"));
    QCOMPARE(first.environment, QStringLiteral("gym"));

    ScenePlan second = continueWith(first, QStringLiteral("The ball rolls to the door."));
    QCOMPARE(second.environment, QStringLiteral("gym")); // not named again: the scene continues
    QCOMPARE(entitySignature(second), QStringLiteral("ball:red, girl, door"));
    const PlanEntity &ball2 = entity(second, QStringLiteral("ball-1"));
    QCOMPARE(ball2.position, ball.position);
    QCOMPARE(ball2.lookSeed, ball.lookSeed);
    QCOMPARE(ball2.color, ball.color);
    QCOMPARE(ball2.colorName, QStringLiteral("red"));
    QCOMPARE(entity(second, QStringLiteral("person-1")).position, girl.position); // not mentioned, still there
    QCOMPARE(entity(second, QStringLiteral("person-1")).lookSeed, girl.lookSeed);
    QCOMPARE(actionSignature(second), QStringLiteral("roll(ball-1,,door-1)@0"));
    QVERIFY(!footprintsOverlap(entity(second, QStringLiteral("door-1")), ball2));

    // A colour that differs names a different ball.
    const ScenePlan third = continueWith(second, QStringLiteral("The blue ball bounces."));
    QCOMPARE(entitySignature(third), QStringLiteral("ball:red, girl, door, ball:blue"));
    QCOMPARE(actionSignature(third), QStringLiteral("bounce(ball-2,,)@0"));
}

void TestPromptCompiler::continuityResolvesPronounsAndPlurals()
{
    const ScenePlan first = compileText(QStringLiteral("A girl dribbles a basketball on the court."));
    const ScenePlan second = continueWith(first, QStringLiteral("She shoots at the hoop."));
    QCOMPARE(second.environment, QStringLiteral("basketball-court"));
    QCOMPARE(actionSignature(second), QStringLiteral("shoot(person-1,ball-1,hoop-1)@0"));
    QCOMPARE(entity(second, QStringLiteral("person-1")).lookSeed, entity(first, QStringLiteral("person-1")).lookSeed);
    QCOMPARE(second.camera.subject, QStringLiteral("person-1"));

    const ScenePlan dogs = compileText(QStringLiteral("Two dogs sit on the grass in a park."));
    const ScenePlan run = continueWith(dogs, QStringLiteral("The dogs run to the tree."));
    QCOMPARE(actionSignature(run), QStringLiteral("run(dog-2,,tree-1)@0 run(dog-1,,tree-1)@0"));

    const ScenePlan he = compileText(QStringLiteral("A girl and a boy stand by the wall. He jumps, then she waves."));
    QCOMPARE(actionSignature(he), QStringLiteral("idle(person-1,,)@0 idle(person-2,,)@0 jump(person-2,,)@2 wave(person-1,,)@4"));
}

void TestPromptCompiler::newSceneForgetsPreviousShot()
{
    const ScenePlan first = compileText(QStringLiteral("A red ball in the gym."));
    const ScenePlan fresh = compileText(QStringLiteral("A dog runs."), 6, first.entities, first.environment, true);
    QCOMPARE(entitySignature(fresh), QStringLiteral("dog"));
    QCOMPARE(fresh.environment, QStringLiteral("room"));
    QVERIFY(fresh.newScene);
}

void TestPromptCompiler::dialogueSpeakersBecomeFigures()
{
    ShotInput s;
    s.prompt = QStringLiteral("Maya talks to the coach.");
    s.dialogue = {PlanDialogue{QStringLiteral("MAYA"), {}, QStringLiteral("en"), QStringLiteral("Watch this."), -1},
                  PlanDialogue{QStringLiteral("LEO"), {}, QStringLiteral("en"), QStringLiteral("No way."), 2.5},
                  PlanDialogue{QStringLiteral("COACH"), {}, QStringLiteral("en"), QStringLiteral("Again."), -1}};
    const ScenePlan plan = PromptCompiler().compile(s, {}, {});
    QCOMPARE(entitySignature(plan), QStringLiteral("person, coach, person"));
    QCOMPARE(entity(plan, QStringLiteral("person-1")).label, QStringLiteral("Maya"));
    QCOMPARE(entity(plan, QStringLiteral("person-1")).speaker, QStringLiteral("MAYA"));
    QCOMPARE(entity(plan, QStringLiteral("person-2")).speaker, QStringLiteral("COACH"));
    QCOMPARE(entity(plan, QStringLiteral("person-3")).label, QStringLiteral("Leo"));
    QCOMPARE(entity(plan, QStringLiteral("person-3")).speaker, QStringLiteral("LEO"));
    QCOMPARE(plan.dialogue.size(), 3);
    QCOMPARE(plan.dialogue.at(0).entity, QStringLiteral("person-1"));
    QCOMPARE(plan.dialogue.at(1).entity, QStringLiteral("person-3"));
    QCOMPARE(plan.dialogue.at(1).startSeconds, 2.5);
    QCOMPARE(plan.dialogue.at(1).text, QStringLiteral("No way."));
    QCOMPARE(plan.dialogue.at(2).entity, QStringLiteral("person-2"));
    QCOMPARE(actionSignature(plan), QStringLiteral("talk(person-1,,person-2)@0"));
}

void TestPromptCompiler::cameosAppearOnce()
{
    ShotInput s;
    s.prompt = QStringLiteral("@maya waves at a dog.");
    s.cameos = {QStringLiteral("@maya"), QStringLiteral("@leo")};
    const ScenePlan plan = PromptCompiler().compile(s, {}, {});
    QCOMPARE(entitySignature(plan), QStringLiteral("person, dog, person"));
    QCOMPARE(entity(plan, QStringLiteral("person-1")).cameo, QStringLiteral("@maya"));
    QCOMPARE(entity(plan, QStringLiteral("person-2")).cameo, QStringLiteral("@leo"));
    QCOMPARE(actionSignature(plan), QStringLiteral("wave(person-1,,dog-1)@0"));
}

void TestPromptCompiler::cameraFromStoryboardAndPrompt()
{
    ShotInput s;
    s.prompt = QStringLiteral("A dog runs on the beach.");
    s.camera = QStringLiteral("orbit");
    s.framing = QStringLiteral("medium");
    s.style = QStringLiteral("noir");
    ScenePlan plan = PromptCompiler().compile(s, {}, {});
    QCOMPARE(plan.camera.move, QStringLiteral("orbit"));
    QCOMPARE(plan.camera.framing, QStringLiteral("medium"));
    QCOMPARE(plan.style, QStringLiteral("noir"));
    QCOMPARE(plan.camera.subject, QStringLiteral("dog-1"));
    QVERIFY(plan.unknownWords.isEmpty());

    s.prompt = QStringLiteral("Close-up, dolly in on a girl who runs, in claymation style.");
    plan = PromptCompiler().compile(s, {}, {});
    QCOMPARE(plan.camera.move, QStringLiteral("dolly-in"));
    QCOMPARE(plan.camera.framing, QStringLiteral("close-up"));
    QCOMPARE(plan.style, QStringLiteral("claymation"));
    QCOMPARE(plan.camera.subject, QStringLiteral("person-1"));

    const QList<std::pair<QString, QString>> moves{
        {"The camera pans left over the forest.", "pan-left"}, {"Tracking shot of a horse.", "tracking"},
        {"Seen from above, a car.", "crane"}, {"Handheld shot of a dog.", "handheld"},
        {"The camera tilts up to the tree.", "tilt-up"}, {"Zoom out from the boat.", "dolly-out"}};
    for (const auto &[text, move] : moves)
        QCOMPARE(compileText(text).camera.move, move);
    QCOMPARE(compileText(QStringLiteral("A wide shot of a forest, vintage film.")).style, QStringLiteral("vintage-film"));
    QCOMPARE(compileText(QStringLiteral("A wide shot of a forest, vintage film.")).camera.framing, QStringLiteral("wide"));
    // The storyboard's unknown names do not leak into the plan.
    s.camera = QStringLiteral("barrel-roll");
    plan = PromptCompiler().compile(s, {}, {});
    QCOMPARE(plan.camera.move, QStringLiteral("dolly-in"));
    QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("barrel-roll")));
}

void TestPromptCompiler::timingSequenceAndSimultaneity()
{
    ScenePlan plan = compileText(QStringLiteral("A girl runs, then a boy jumps. After that a dog sits."), 9);
    QCOMPARE(actionSignature(plan), QStringLiteral("run(person-1,,)@0 jump(person-2,,)@3 sit(dog-1,,)@6"));
    for (const PlanAction &a : plan.actions)
        QCOMPARE(a.durationSeconds, 3.0);
    plan = compileText(QStringLiteral("A girl runs while a boy jumps and then a dog sits."), 8);
    QCOMPARE(actionSignature(plan), QStringLiteral("run(person-1,,)@0 jump(person-2,,)@0 sit(dog-1,,)@4"));
    plan = compileText(QStringLiteral("As the ball rolls, the dog runs."), 8);
    QCOMPARE(actionSignature(plan), QStringLiteral("roll(ball-1,,)@0 run(dog-1,,)@0"));
    QCOMPARE(plan.actions.at(0).words, QStringLiteral("the ball rolls"));
}

void TestPromptCompiler::missesAndScores()
{
    ScenePlan plan = compileText(QStringLiteral("The player shoots the basketball at the hoop and misses."));
    QCOMPARE(actionSignature(plan), QStringLiteral("shoot(person-1,ball-1,hoop-1)@0"));
    QCOMPARE(plan.actions.first().succeeds, false);
    plan = compileText(QStringLiteral("The player shoots and scores."));
    QCOMPARE(plan.actions.size(), 1);
    QCOMPARE(plan.actions.first().succeeds, true);
    plan = compileText(QStringLiteral("She missed the shot."));
    QCOMPARE(actionSignature(plan), QStringLiteral("shoot(person-1,ball-1,hoop-1)@0"));
    QCOMPARE(plan.actions.first().succeeds, false);
    plan = compileText(QStringLiteral("A boy kicks the ball into the goal."));
    QCOMPARE(actionSignature(plan), QStringLiteral("kick(person-1,ball-1,goal-1)@0"));
    QCOMPARE(entity(plan, QStringLiteral("ball-1")).noun, QStringLiteral("ball"));
    plan = compileText(QStringLiteral("Someone kicks."));
    QCOMPARE(entity(plan, QString(plan.actions.first().object)).noun, QStringLiteral("football"));
}

void TestPromptCompiler::countsAndColours()
{
    ScenePlan plan = compileText(QStringLiteral("A pair of navy chairs, twelve cups and 20 marbles."));
    QCOMPARE(plan.entities.size(), 2 + 12 + 12);
    QVERIFY(plan.notes.contains(QStringLiteral("'20': at most 12 of one thing; using 12")));
    const PlanEntity &chair = entity(plan, QStringLiteral("chair-1"));
    QCOMPARE(chair.colorName, QStringLiteral("navy"));
    // sRGB (20, 30, 90) in linear light
    QVERIFY(qAbs(chair.color.x - 0.006995) < 1e-5);
    QVERIFY(qAbs(chair.color.y - 0.012983) < 1e-5);
    QVERIFY(qAbs(chair.color.z - 0.102242) < 1e-5);
    const QStringList colours{"red", "green", "blue", "yellow", "orange", "purple", "pink", "brown", "black",
                              "white", "gray", "silver", "gold", "cyan", "magenta", "teal"};
    for (const QString &c : colours) {
        plan = compileText(QStringLiteral("a %1 box").arg(c));
        QCOMPARE(plan.entities.first().colorName, c);
    }
    QCOMPARE(compileText(QStringLiteral("a grey cat")).entities.first().colorName, QStringLiteral("gray"));
}

void TestPromptCompiler::namesAndUnknownCapitals()
{
    ScenePlan plan = compileText(QStringLiteral("Zestfully the dog runs to Maya and Leo."));
    QCOMPARE(plan.unknownWords, QStringList{QStringLiteral("zestfully")});
    QCOMPARE(entitySignature(plan), QStringLiteral("dog, person, person"));
    QCOMPARE(entity(plan, QStringLiteral("person-2")).label, QStringLiteral("Leo"));
    plan = compileText(QStringLiteral("The kid meets Zorblax near the Flibber."));
    QCOMPARE(plan.unknownWords, (QStringList{QStringLiteral("meets")}));
    QCOMPARE(entitySignature(plan), QStringLiteral("child, person, person"));
    // Harmless modifiers are understood, other adjectives are reported.
    plan = compileText(QStringLiteral("An old, empty, quiet gym with a shiny ancient hoop."));
    QCOMPARE(plan.unknownWords, QStringList{QStringLiteral("ancient")});
    QVERIFY(prompt::harmlessModifiers().contains(QStringLiteral("empty")));
}

void TestPromptCompiler::materialsAndSizesChangePhysics()
{
    const ScenePlan plan = compileText(QStringLiteral("A metal crate, a big ball and a tiny dog."));
    const PlanEntity &crate = entity(plan, QStringLiteral("crate-1"));
    QCOMPARE(crate.material, QStringLiteral("metal"));
    QVERIFY(crate.densityKgM3 > 1000); // a metal crate sinks where a wooden one floats
    const PlanEntity &ball = entity(plan, QStringLiteral("ball-1"));
    QVERIFY(qFuzzyCompare(ball.size.x, 0.22 * 1.3));
    QVERIFY(qFuzzyCompare(ball.massKg, 0.4 * 1.3 * 1.3 * 1.3));
    QVERIFY(qFuzzyCompare(entity(plan, QStringLiteral("dog-1")).size.y, 0.6 * 0.4));
    // People keep their size: "a little girl" is a young girl, not a doll.
    QCOMPARE(entity(compileText(QStringLiteral("a little girl")), QStringLiteral("person-1")).size.y, 1.4);
}

void TestPromptCompiler::intoTheWaterAtTheBeach()
{
    // The sea starts at kBeachSeaStartZ: things dropped into the water must start over it, apart
    // and above the surface, so the World drops them in and buoyancy decides floating or sinking.
    const ScenePlan sea = compileText(QStringLiteral(
        "A wooden crate and a grey rock are dropped into the water at the beach; the crate floats and the rock sinks."));
    QCOMPARE(sea.environment, QStringLiteral("beach"));
    QCOMPARE(sea.entities.size(), 2);
    for (const PlanEntity &e : sea.entities) {
        QVERIFY2(e.position.z < kBeachSeaStartZ - 1, qPrintable(e.id));
        QVERIFY(e.position.y > 0);
    }
    QVERIFY(std::abs(sea.entities.at(0).position.x - sea.entities.at(1).position.x) >= 0.9);
    // On the sand when the water is not named; a note where there is no water at all.
    const ScenePlan sand = compileText(QStringLiteral("A wooden crate falls at the beach."));
    QVERIFY(sand.entities.at(0).position.z > kBeachSeaStartZ);
    const ScenePlan kitchen = compileText(QStringLiteral("A cup is dropped into the water in the kitchen."));
    QVERIFY(kitchen.notes.join(QLatin1Char(' ')).contains(QStringLiteral("no water")));
}

void TestPromptCompiler::deterministicAndSeeded()
{
    const QString text = QStringLiteral("Two dogs and a girl play catch with a red frisbee on the beach at dusk.");
    const ScenePlan a = compileText(text);
    const ScenePlan b = compileText(text);
    QCOMPARE(toJson(a), toJson(b));
    ShotInput s;
    s.prompt = text;
    s.seed = 43;
    const ScenePlan c = PromptCompiler().compile(s, {}, {});
    QCOMPARE(entitySignature(c), entitySignature(a));
    QVERIFY(c.entities.at(0).lookSeed != a.entities.at(0).lookSeed);
    QVERIFY(a.entities.at(0).lookSeed != a.entities.at(1).lookSeed); // two dogs, two looks
    QCOMPARE(a.entities.at(0).lookSeed, prompt::lookSeedFor(42, QStringLiteral("dog-1"))); // from seed + id only
}


void TestPromptCompiler::pathsAndAdverbs()
{
    // "past": the walker starts in a lane beside the car (camera side, clear of its footprint),
    // just before its near end, facing along the lane.
    ScenePlan plan = compileText(QStringLiteral("A man walks past a yellow car."), 4);
    const PlanEntity &man = entity(plan, QStringLiteral("person-1")), &car = entity(plan, QStringLiteral("car-1"));
    QVERIFY(!footprintsOverlap(man, car));
    QVERIFY(man.position.z > car.position.z + car.size.x / 2 + man.size.x / 2); // nearer the camera
    QVERIFY(man.position.x < car.position.x - car.size.z / 2);                  // before its near end
    QCOMPARE(man.headingDeg, 90.0);                                              // facing the way past it
    QVERIFY(plan.unknownWords.isEmpty());

    // "toward": a few metres away, facing it.
    plan = compileText(QStringLiteral("A girl walks toward the dog."));
    const PlanEntity &girl = entity(plan, QStringLiteral("person-1")), &dog = entity(plan, QStringLiteral("dog-1"));
    QVERIFY(std::abs(girl.position.x - dog.position.x) > 3);
    QCOMPARE(girl.headingDeg, girl.position.x < dog.position.x ? 90.0 : -90.0);

    // "after it" after a verb is a chase; "it" is never the chaser itself; an animal chases too.
    plan = compileText(QStringLiteral("The ball rolls, and the dog runs after it."));
    QCOMPARE(actionSignature(plan), QStringLiteral("roll(ball-1,,)@0 run(dog-1,,ball-1)~follow@0"));
    // With "then" the order is kept: the chase starts once the roll is over.
    plan = compileText(QStringLiteral("The ball rolls, then the dog chases it."));
    QCOMPARE(actionSignature(plan), QStringLiteral("roll(ball-1,,)@0 run(dog-1,,ball-1)~follow@3"));
    // "After ..." opening a sentence is about time, which the compiler does not read: reported.
    plan = compileText(QStringLiteral("After the game, a girl waves."));
    QVERIFY(plan.unknownWords.contains(QStringLiteral("after")));

    // Paths a verb cannot take keep the old meaning (a target); a missing noun leaves a note.
    plan = compileText(QStringLiteral("A boy throws the ball toward the hoop."));
    QCOMPARE(actionSignature(plan), QStringLiteral("throw(person-1,ball-1,hoop-1)@0"));
    plan = compileText(QStringLiteral("A man walks past."));
    QCOMPARE(actionSignature(plan), QStringLiteral("walk(person-1,,)@0"));
    QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("'past'")));

    // Adverbs: several multiply; one with nothing to act on says so; "fast" before a noun is an
    // adjective; a made-up adverb is still reported.
    plan = compileText(QStringLiteral("A girl runs very quickly and throws the ball gently to the boy."));
    QCOMPARE(plan.actions.at(0).intensity, 1.6);
    QCOMPARE(plan.actions.at(1).intensity, 0.5);
    plan = compileText(QStringLiteral("Slowly, the sun sets over the sea."));
    QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("'Slowly': no action")));
    plan = compileText(QStringLiteral("A fast car crashes into a wall."));
    QCOMPARE(plan.actions.first().intensity, 1.0);
    plan = compileText(QStringLiteral("A man walks blorply to the car."));
    QCOMPARE(plan.unknownWords, QStringList{QStringLiteral("blorply")});
    QCOMPARE(plan.actions.first().intensity, 1.0);
}

void TestPromptCompiler::vehiclesDrive()
{
    // "drives" is a vehicle's move: a plan "run" that takes motion words like walking and running.
    ScenePlan plan = compileText(QStringLiteral("A red car drives along the street."));
    QCOMPARE(plan.environment, QStringLiteral("street"));
    QCOMPARE(entitySignature(plan), QStringLiteral("car:red"));
    QCOMPARE(actionSignature(plan), QStringLiteral("run(car-1,,)~along@0"));
    QVERIFY2(plan.notes.isEmpty(), qPrintable(plan.notes.join(QLatin1Char('\n'))));
    QCOMPARE(actionSignature(compileText(QStringLiteral("A taxi was driving slowly down the avenue."))),
             QStringLiteral("run(taxi-1,,)*0.5@0"));

    // "Past": the truck starts in a lane beside the bench on the camera's side, its nose just short
    // of the bench's near end, facing along the lane; "speeds" drives quickly.
    plan = compileText(QStringLiteral("A truck speeds past a bench."));
    QCOMPARE(actionSignature(plan), QStringLiteral("run(truck-1,,bench-1)~past*1.6@0"));
    QVERIFY(plan.unknownWords.isEmpty());
    const PlanEntity &truck = entity(plan, QStringLiteral("truck-1")), &bench = entity(plan, QStringLiteral("bench-1"));
    QVERIFY(!footprintsOverlap(truck, bench));
    QCOMPARE(truck.headingDeg, 90.0);
    QVERIFY(truck.position.z - truck.size.x / 2 > bench.position.z + bench.size.z / 2 + 0.4); // a clear lane
    QVERIFY(truck.position.z - truck.size.x / 2 < bench.position.z + bench.size.z / 2 + 0.6); // not a wide one
    QVERIFY(truck.position.x + truck.size.z / 2 < bench.position.x - bench.size.x / 2);     // before its near end
    QVERIFY(truck.position.x + truck.size.z / 2 > bench.position.x - bench.size.x / 2 - 0.5);

    // "A man drives a car": the car moves, toward the woman, from a run-up of 12 m; the note says
    // why the man stays where he is.
    plan = compileText(QStringLiteral("A man drives a blue car toward the woman."));
    QCOMPARE(entitySignature(plan), QStringLiteral("man, car:blue, woman"));
    QCOMPARE(actionSignature(plan), QStringLiteral("run(car-1,,person-2)~toward@0"));
    QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("driver")));
    const PlanEntity &car = entity(plan, QStringLiteral("car-1")), &woman = entity(plan, QStringLiteral("person-2"));
    QVERIFY(std::abs(car.position.x - woman.position.x) - car.size.z / 2 > 12);
    QCOMPARE(car.headingDeg, car.position.x < woman.position.x ? 90.0 : -90.0);
    QCOMPARE(actionSignature(compileText(QStringLiteral("The car drives away from the man."))),
             QStringLiteral("run(car-1,,person-1)~away@0"));

    // Toward or away from the camera: a vehicle faces that way (it drives along its heading); a
    // walker keeps its own direction and is told so.
    plan = compileText(QStringLiteral("A bus drives toward the camera."));
    QCOMPARE(actionSignature(plan), QStringLiteral("run(bus-1,,)@0"));
    QCOMPARE(entity(plan, QStringLiteral("bus-1")).headingDeg, 0.0);
    QVERIFY2(!plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("'toward'")),
             qPrintable(plan.notes.join(QLatin1Char('\n'))));
    plan = compileText(QStringLiteral("The bus drives away from the camera."));
    QCOMPARE(entity(plan, QStringLiteral("bus-1")).headingDeg, 180.0);
    plan = compileText(QStringLiteral("A man walks toward the camera."));
    QCOMPARE(entity(plan, QStringLiteral("person-1")).headingDeg, 0.0);
    QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("'toward'")));

    // With no vehicle named, "drives off" takes the one named last, or adds a car and says so.
    plan = compileText(QStringLiteral("A woman walks to a taxi. Then it drives off."));
    QCOMPARE(actionSignature(plan), QStringLiteral("walk(person-1,,taxi-1)@0 run(taxi-1,,)@3"));
    plan = compileText(QStringLiteral("A man waves, then drives along the road."));
    QCOMPARE(actionSignature(plan), QStringLiteral("wave(person-1,,)@0 run(car-1,,)~along@3"));
    QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QStringLiteral("added a car")));
}

QTEST_GUILESS_MAIN(TestPromptCompiler)
#include "tst_prompt_compiler.moc"
