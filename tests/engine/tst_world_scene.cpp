// The World's set and bookkeeping: hoop geometry as drawn, walls, space without gravity, roll
// ticks, actions on objects (pass, kick, drop), plan validation, cancelling, frame counts.
#include "engine/world/world.h"
#include "tst_world_plans.h"

#include <QtTest>

using namespace kinora;
using namespace kinora::test;
using engine::Primitive;

class TestWorldScene : public QObject
{
    Q_OBJECT

private:
    static engine::WorldTrack run(const ScenePlan &p)
    {
        auto result = engine::World().simulate(p);
        if (!result.ok())
            qFatal("simulate failed: %s", qPrintable(result.error().toString()));
        return result.value();
    }

private Q_SLOTS:
    void hoopAndWallsAreDrawn()
    {
        ScenePlan p = plan(QStringLiteral("gym"), 0.5, 24);
        p.entities = {hoop(QStringLiteral("hoop-1"), {0, 0, -8})};
        const auto track = run(p);
        const engine::Vec3 rimCentre{0, 3.05, -8 + 0.025 + 0.15 + 0.2286};
        int boards = 0, rimSegments = 0, walls = 0;
        for (const auto &prim : track.frames.first().primitives) {
            QCOMPARE(prim.entity, -1);
            if (prim.material == QLatin1String("glass")) {
                ++boards;
                QVERIFY(std::abs(prim.size.x - 0.9) < 1e-9 && std::abs(prim.size.y - 0.525) < 1e-9 &&
                        std::abs(prim.size.z - 0.025) < 1e-9);
                QVERIFY(std::abs(prim.center.y - prim.size.y - 2.9) < 1e-9); // bottom edge at 2.9 m
            } else if (prim.material == QLatin1String("metal") && prim.shape == Primitive::Shape::Capsule) {
                ++rimSegments;
                QVERIFY(std::abs(std::hypot(prim.center.x - rimCentre.x, prim.center.z - rimCentre.z) - 0.2286) < 0.001);
                QVERIFY(std::abs(prim.center.y - 3.05) < 1e-9);
            } else if (prim.material == QLatin1String("plaster")) {
                ++walls;
            }
        }
        QCOMPARE(boards, 1);
        QCOMPARE(rimSegments, 16);
        QCOMPARE(walls, 3);
        QCOMPARE(track.frames.first().entityPositions.at(0), p.entities.at(0).position);

        ScenePlan outdoors = plan(QStringLiteral("park"), 0.5, 24);
        QVERIFY(run(outdoors).frames.first().primitives.isEmpty()); // the ground is the renderer's
    }

    void spaceHasNoGravityOrFloor()
    {
        ScenePlan p = plan(QStringLiteral("space"), 2, 24);
        p.entities = {ball(QStringLiteral("ball-1"), {0, 1, 0})};
        p.entities[0].velocity = {1, 0, 0};
        const auto track = run(p);
        const auto &end = track.frames.last().entityPositions.at(0);
        QVERIFY(std::abs(end.x - 47.0 / 24) < 1e-3); // frame 47 is at 47/24 s
        QVERIFY(std::abs(end.y - 1) < 1e-6);
        QVERIFY(track.contacts.isEmpty());
    }

    void rollingBallTicks()
    {
        ScenePlan p = plan(QStringLiteral("gym"), 3, 24);
        p.entities = {ball(QStringLiteral("ball-1"), {0, 0, 0})};
        p.entities[0].velocity = {1.5, 0, 0};
        const auto track = run(p);
        QList<engine::ContactEvent> ticks;
        for (const auto &c : track.contacts)
            if (c.kind == QLatin1String("roll"))
                ticks.append(c);
        QVERIFY(ticks.size() >= 20);
        for (int i = 1; i < ticks.size(); ++i) {
            QVERIFY(std::abs(ticks.at(i).timeSeconds - ticks.at(i - 1).timeSeconds - 0.1) < 0.005);
            QVERIFY(ticks.at(i).tangentSpeed <= ticks.at(i - 1).tangentSpeed + 1e-6); // slowing down
        }
        QCOMPARE(ticks.first().materialB, QStringLiteral("wood"));
        QVERIFY(ticks.first().tangentSpeed > 0.8 && ticks.first().tangentSpeed < 1.5);
    }

    void passReachesTheOtherPerson()
    {
        ScenePlan p = plan(QStringLiteral("park"), 3, 24);
        p.entities = {person(QStringLiteral("person-1"), {-3, 0, 0}, 90), person(QStringLiteral("person-2"), {3, 0, 0}, -90),
                      ball(QStringLiteral("ball-1"), {-2.5, 0, 0})};
        p.actions = {action(QStringLiteral("throw"), QStringLiteral("person-1"), QStringLiteral("ball-1"),
                            QStringLiteral("person-2"), 0.5)};
        const auto track = run(p);
        bool caught = false;
        for (const auto &c : track.contacts)
            if ((c.entityA == 2 && c.entityB == 1) || (c.entityA == 1 && c.entityB == 2)) {
                caught = true;
                QVERIFY(c.position.y > 0.9 && c.position.y < 1.5); // at chest height
            }
        QVERIFY(caught);
    }

    void kickIsHorizontalAndDropFallsFromHand()
    {
        ScenePlan p = plan(QStringLiteral("street"), 1.5, 240);
        p.entities = {person(QStringLiteral("person-1"), {0, 0, 0}, 90), ball(QStringLiteral("ball-1"), {0.6, 0, 0})};
        p.actions = {action(QStringLiteral("kick"), QStringLiteral("person-1"), QStringLiteral("ball-1"), {}, 0.2)};
        auto track = run(p);
        // The foot meets the ball 0.33 s into the kick; 0.1 s later it has gone 0.8 m at ground level.
        const int release = int((0.2 + 0.33) * 240 + 1);
        const auto &a = track.frames.at(release).entityPositions.at(1), &b = track.frames.at(release + 24).entityPositions.at(1);
        QVERIFY2(std::abs((b.x - a.x) / 0.1 - 8.0) < 0.3, qPrintable(QStringLiteral("%1 m/s").arg((b.x - a.x) / 0.1)));
        QVERIFY(std::abs(b.y - a.y) < 0.01);

        p.actions = {action(QStringLiteral("drop"), QStringLiteral("person-1"), QStringLiteral("ball-1"), {}, 0.2)};
        track = run(p);
        const double handY = 0.58 * 1.75 - 0.12; // the ball's bottom in the hands
        const double held = track.frames.at(int(0.4 * 240)).entityPositions.at(1).y;
        QVERIFY(std::abs(held - handY) < 0.01);
        for (const auto &c : track.contacts)
            if (c.entityA == 1 && c.surfaceB == QLatin1String("floor")) {
                QVERIFY(std::abs(c.timeSeconds - (0.5 + std::sqrt(2 * handY / 9.81))) < 0.005);
                QCOMPARE(c.materialB, QStringLiteral("asphalt"));
                break;
            }
    }

    void rejectsBrokenPlans()
    {
        ScenePlan p = plan(QStringLiteral("gym"), 1, 24);
        p.entities = {ball(QStringLiteral("ball-1"), {0, 1, 0})};
        p.actions = {action(QStringLiteral("throw"), QStringLiteral("person-9"), QStringLiteral("ball-1"), {}, 0)};
        auto result = engine::World().simulate(p);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().location, QStringLiteral("actions[0].actor"));
        QVERIFY(result.error().message.contains(QStringLiteral("person-9")));

        p.actions.clear();
        p.entities[0].massKg = 0;
        result = engine::World().simulate(p);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().location, QStringLiteral("entities[0].massKg"));

        p.entities[0].massKg = 1;
        p.fps = 0;
        QCOMPARE(engine::World().simulate(p).error().location, QStringLiteral("fps"));
    }

    void cancelsAndCountsFrames()
    {
        ScenePlan p = plan(QStringLiteral("gym"), 2.5, 30);
        p.entities = {ball(QStringLiteral("ball-1"), {0, 1, 0}), person(QStringLiteral("person-1"), {1, 0, 0})};
        int calls = 0, lastTotal = 0;
        auto result = engine::World().simulate(p, [&](int done, int total) {
            ++calls;
            lastTotal = total;
            return done < 5;
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, QStringLiteral("cancelled"));
        QCOMPARE(calls, 5);
        QCOMPARE(lastTotal, 75);

        const auto track = run(p);
        QCOMPARE(track.frames.size(), 75);
        QCOMPARE(track.fps, 30);
        for (const auto &frame : track.frames)
            QCOMPARE(frame.entityPositions.size(), 2);
        QCOMPARE(track.endState.size(), 2);
        QCOMPARE(track.endState.at(1).id, QStringLiteral("person-1"));
    }
};

QTEST_GUILESS_MAIN(TestWorldScene)
#include "tst_world_scene.moc"
