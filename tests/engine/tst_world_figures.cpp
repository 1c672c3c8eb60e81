// Figures in the World stage: walking speed and alternating footsteps, running to a target,
// jumps, sitting, talking, drawing (head, eyes, feet on the ground), and balls bouncing off people.
#include "engine/world/world.h"
#include "tst_world_plans.h"

#include <QtTest>

using namespace kinora;
using namespace kinora::test;
using engine::Primitive;

class TestWorldFigures : public QObject
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
    static QList<engine::ContactEvent> footsteps(const engine::WorldTrack &track, int entity)
    {
        QList<engine::ContactEvent> out;
        for (const auto &c : track.contacts)
            if (c.kind == QLatin1String("footstep") && c.entityA == entity)
                out.append(c);
        return out;
    }
    static QList<Primitive> partsOf(const engine::WorldFrame &frame, int entity, Primitive::Part part)
    {
        QList<Primitive> out;
        for (const auto &p : frame.primitives)
            if (p.entity == entity && p.part == part)
                out.append(p);
        return out;
    }

private Q_SLOTS:
    void walkSpeedAndFootsteps()
    {
        ScenePlan p = plan(QStringLiteral("gym"), 6, 24);
        p.entities = {person(QStringLiteral("person-1"), {-6, 0, 0}, 90)};
        p.actions = {action(QStringLiteral("walk"), QStringLiteral("person-1"), {}, {}, 0)};
        const auto track = run(p);
        const double x2 = track.frames.at(48).entityPositions.at(0).x, x5 = track.frames.at(120).entityPositions.at(0).x;
        const double speed = (x5 - x2) / 3.0;
        QVERIFY2(std::abs(speed - 1.4) < 0.1, qPrintable(QStringLiteral("walked %1 m/s").arg(speed)));
        QVERIFY(std::abs(track.frames.at(120).entityPositions.at(0).z) < 1e-6); // straight across

        const auto steps = footsteps(track, 0);
        QVERIFY(steps.size() >= 8);
        for (int i = 1; i < steps.size(); ++i) {
            // Left and right alternate: facing +x, the left foot is on the -z side... so the side
            // flips every step, and steps come ~0.55 s apart at walking pace.
            QVERIFY(steps.at(i).position.z * steps.at(i - 1).position.z < 0);
            if (steps.at(i).timeSeconds > 1.0)
                QVERIFY(std::abs(steps.at(i).timeSeconds - steps.at(i - 1).timeSeconds - 0.55) < 0.08);
        }
        QCOMPARE(steps.first().materialB, QStringLiteral("wood"));
        QCOMPARE(steps.first().surfaceB, QStringLiteral("floor"));
        QVERIFY(std::abs(steps.at(4).position.y) < 1e-9);
    }

    void runsToTargetAndStops()
    {
        ScenePlan p = plan(QStringLiteral("park"), 6, 24);
        p.entities = {person(QStringLiteral("person-1"), {-10, 0, 0}), person(QStringLiteral("person-2"), {8, 0, 0})};
        p.entities[1].lookSeed = 99;
        p.actions = {action(QStringLiteral("run"), QStringLiteral("person-1"), {}, QStringLiteral("person-2"), 0)};
        const auto track = run(p);
        const double x1 = track.frames.at(24).entityPositions.at(0).x, x3 = track.frames.at(72).entityPositions.at(0).x;
        QVERIFY2(std::abs((x3 - x1) / 2 - 4.0) < 0.3, qPrintable(QStringLiteral("ran %1 m/s").arg((x3 - x1) / 2)));
        const double gap = distance(track.frames.last().entityPositions.at(0), track.frames.last().entityPositions.at(1));
        QVERIFY2(gap > 0.5 && gap < 1.5, qPrintable(QStringLiteral("stopped %1 m away").arg(gap)));
        QCOMPARE(footsteps(track, 0).first().materialB, QStringLiteral("grass"));
        QVERIFY(footsteps(track, 1).isEmpty()); // the other one stood still
        QVERIFY(std::abs(track.endState.at(0).headingDeg - 90) < 1);
    }

    void jumpIsBallistic()
    {
        ScenePlan p = plan(QStringLiteral("gym"), 2, 240);
        p.entities = {person(QStringLiteral("person-1"), {0, 0, 0})};
        p.actions = {action(QStringLiteral("jump"), QStringLiteral("person-1"), {}, {}, 0.5)};
        const auto track = run(p);
        double top = 0;
        for (const auto &f : track.frames)
            top = std::max(top, f.entityPositions.at(0).y);
        QVERIFY2(std::abs(top - 0.40) < 0.03, qPrintable(QStringLiteral("jumped %1 m").arg(top))); // 2.8^2 / 2g
        const auto steps = footsteps(track, 0);
        QCOMPARE(steps.size(), 2); // both feet land together
        QVERIFY(std::abs(steps.at(0).timeSeconds - (0.5 + 2 * 2.8 / 9.81)) < 0.02);
    }

    void drawsHeadEyesAndFeetOnGround()
    {
        ScenePlan p = plan(QStringLiteral("room"), 2, 24);
        p.entities = {person(QStringLiteral("person-1"), {-2, 0, 0}, 90)};
        p.actions = {action(QStringLiteral("walk"), QStringLiteral("person-1"), {}, {}, 0)};
        const auto track = run(p);
        for (const auto &frame : track.frames) {
            const auto heads = partsOf(frame, 0, Primitive::Part::Head);
            QCOMPARE(heads.size(), 1);
            QCOMPARE(partsOf(frame, 0, Primitive::Part::Eye).size(), 2);
            const double top = heads.first().center.y + heads.first().size.x;
            QVERIFY(std::abs(top - 1.75) < 0.09); // the head's top at the entity's height
            double lowest = 10;
            for (const auto &limb : partsOf(frame, 0, Primitive::Part::Limb))
                if (limb.shape == Primitive::Shape::Box) // shoes
                    lowest = std::min(lowest, limb.center.y - limb.size.y);
            QVERIFY2(lowest > -0.02 && lowest < 0.05, qPrintable(QStringLiteral("lowest shoe %1").arg(lowest)));
        }
    }

    void sitLowersAndTalkOpensMouth()
    {
        ScenePlan p = plan(QStringLiteral("office"), 3, 24);
        p.entities = {person(QStringLiteral("person-1"), {0, 0, 0})};
        p.actions = {action(QStringLiteral("sit"), QStringLiteral("person-1"), {}, {}, 0.5),
                     action(QStringLiteral("talk"), QStringLiteral("person-1"), {}, {}, 2.0)};
        const auto track = run(p);
        const double standing = partsOf(track.frames.at(0), 0, Primitive::Part::Head).first().center.y;
        const double seated = partsOf(track.frames.at(48), 0, Primitive::Part::Head).first().center.y;
        QVERIFY2(standing - seated > 0.2 * 1.75, qPrintable(QStringLiteral("head %1 -> %2").arg(standing).arg(seated)));
        double before = 0, during = 0;
        for (int f = 0; f < track.frames.size(); ++f) {
            const double mouth = partsOf(track.frames.at(f), 0, Primitive::Part::Head).first().mouthOpen;
            (f < 48 ? before : during) = std::max(f < 48 ? before : during, mouth);
        }
        QCOMPARE(before, 0.0);
        QVERIFY(during > 0.3);
    }

    void ballBouncesOffPerson()
    {
        ScenePlan p = plan(QStringLiteral("gym"), 1.5, 240);
        p.entities = {person(QStringLiteral("person-1"), {0, 0, 0}), ball(QStringLiteral("ball-1"), {-3, 1.0, 0})};
        p.entities[1].velocity = {6, 0, 0};
        const auto track = run(p);
        bool hit = false;
        for (const auto &c : track.contacts)
            hit = hit || (c.entityA == 0 && c.entityB == 1) || (c.entityA == 1 && c.entityB == 0);
        QVERIFY(hit);
        const auto &end = track.frames.last().entityPositions.at(1);
        QVERIFY2(end.x < -0.3, qPrintable(QStringLiteral("ball ended at x = %1").arg(end.x)));
    }

    void animalsWalkWithFeetAndFishSwimWithout()
    {
        ScenePlan p = plan(QStringLiteral("underwater"), 3, 24);
        PlanEntity fish = person(QStringLiteral("fish-1"), {0, 2, 0}, 90);
        fish.shape = QStringLiteral("fish");
        fish.category = QStringLiteral("animal");
        fish.size = {0.1, 0.15, 0.4};
        p.entities = {fish};
        p.actions = {action(QStringLiteral("walk"), QStringLiteral("fish-1"), {}, {}, 0)};
        auto track = run(p);
        QVERIFY(footsteps(track, 0).isEmpty());
        QVERIFY(track.frames.last().entityPositions.at(0).x > 1.0);
        QCOMPARE(track.frames.last().entityPositions.at(0).y, 2.0);
        QCOMPARE(partsOf(track.frames.last(), 0, Primitive::Part::Eye).size(), 2);

        ScenePlan q = plan(QStringLiteral("street"), 3, 24);
        PlanEntity dog = person(QStringLiteral("dog-1"), {-3, 0, 0}, 90);
        dog.shape = QStringLiteral("quadruped");
        dog.size = {0.3, 0.6, 0.9};
        q.entities = {dog};
        q.actions = {action(QStringLiteral("walk"), QStringLiteral("dog-1"), {}, {}, 0)};
        track = run(q);
        QVERIFY(footsteps(track, 0).size() >= 6);
        QCOMPARE(footsteps(track, 0).first().materialB, QStringLiteral("asphalt"));
        QCOMPARE(partsOf(track.frames.last(), 0, Primitive::Part::Head).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWorldFigures)
#include "tst_world_figures.moc"
