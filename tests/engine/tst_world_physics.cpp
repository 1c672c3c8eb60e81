// Physics truths of the World stage: bounce heights, contact timing, a missed shot rebounding off
// the board, floating and sinking, state carried between shots, and bit-identical reruns.
#include "engine/world/world.h"
#include "tst_world_plans.h"

#include <QtTest>

using namespace kinora;
using namespace kinora::test;

class TestWorldPhysics : public QObject
{
    Q_OBJECT

    int m_boardHits = 0;

private:
    static engine::WorldTrack run(const ScenePlan &p)
    {
        engine::World world;
        auto result = world.simulate(p);
        if (!result.ok())
            qFatal("simulate failed: %s", qPrintable(result.error().toString()));
        return result.value();
    }
    static QList<engine::ContactEvent> contactsOf(const engine::WorldTrack &track, int entity, const QString &surfaceB,
                                                 const QString &kind = QStringLiteral("impact"))
    {
        QList<engine::ContactEvent> out;
        for (const auto &c : track.contacts)
            if (c.entityA == entity && c.surfaceB == surfaceB && c.kind == kind)
                out.append(c);
        return out;
    }

private Q_SLOTS:
    void bounceHeight_data()
    {
        QTest::addColumn<double>("restitution");
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("0.8") << 0.8;
    }
    void bounceHeight()
    {
        // Wood is a hard floor: the combined restitution is the ball's own.
        QFETCH(double, restitution);
        ScenePlan p = plan(QStringLiteral("gym"), 3, 240);
        p.entities = {ball(QStringLiteral("ball-1"), {0, 2, 0}, restitution)};
        const auto track = run(p);
        const auto floorHits = contactsOf(track, 0, QStringLiteral("floor"));
        QVERIFY(floorHits.size() >= 2);
        QCOMPARE(floorHits.first().materialB, QStringLiteral("wood"));
        double peak = 0;
        for (const auto &frame : track.frames) {
            const double t = double(&frame - &track.frames.first()) / p.fps;
            if (t > floorHits.at(0).timeSeconds && t < floorHits.at(1).timeSeconds)
                peak = std::max(peak, frame.entityPositions.at(0).y);
        }
        const double expected = restitution * restitution * 2.0;
        QVERIFY2(std::abs(peak - expected) <= 0.05 * expected,
                 qPrintable(QStringLiteral("peak %1 m, expected %2 m").arg(peak).arg(expected)));
        // Impact speed of a 2 m fall: sqrt(2 g h) = 6.26 m/s.
        QVERIFY(std::abs(floorHits.first().normalSpeed - std::sqrt(2 * 9.81 * 2)) < 0.1);
        QVERIFY(floorHits.first().impulse > 0.62 * 6.26 * (1 + restitution) * 0.9);
    }

    void firstContactTime_data()
    {
        QTest::addColumn<double>("height");
        QTest::newRow("2 m") << 2.0;
        QTest::newRow("0.5 m") << 0.5;
        QTest::newRow("3.3 m") << 3.3;
    }
    void firstContactTime()
    {
        QFETCH(double, height);
        ScenePlan p = plan(QStringLiteral("gym"), 1.5, 24);
        p.entities = {ball(QStringLiteral("ball-1"), {0, height, 0})};
        const auto hits = contactsOf(run(p), 0, QStringLiteral("floor"));
        QVERIFY(!hits.isEmpty());
        const double expected = std::sqrt(2 * height / 9.81);
        QVERIFY2(std::abs(hits.first().timeSeconds - expected) < 0.001,
                 qPrintable(QStringLiteral("contact at %1 s, expected %2 s").arg(hits.first().timeSeconds).arg(expected)));
        QCOMPARE(hits.first().frame, int(std::lround(hits.first().timeSeconds * 24)));
    }

    void missedShotRebounds_data()
    {
        QTest::addColumn<uint>("seed");
        QTest::newRow("seed 1") << 1u;
        QTest::newRow("seed 2") << 2u;
        QTest::newRow("seed 3") << 3u;
        QTest::newRow("seed 4") << 4u;
        QTest::newRow("seed 5") << 5u;
        QTest::newRow("seed 6") << 6u;
    }
    void missedShotRebounds()
    {
        QFETCH(uint, seed);
        const ScenePlan p = shootingPlan(false, seed);
        const auto track = run(p);
        const int ball = 1;
        const auto board = contactsOf(track, ball, QStringLiteral("backboard"));
        const auto rim = contactsOf(track, ball, QStringLiteral("rim"));
        QVERIFY2(!board.isEmpty() || !rim.isEmpty(), "the missed shot touched neither board nor rim");
        // The board's front face is at z = -8 + 0.025 and faces +z; the ball's centre never gets
        // behind it, at any frame (frames here are every internal step: 240 fps).
        const double boardFront = -8 + 0.025;
        for (const auto &frame : track.frames)
            QVERIFY(frame.entityPositions.at(ball).z > boardFront);
        if (!board.isEmpty()) {
            ++m_boardHits;
            const auto &hit = board.first();
            QVERIFY(hit.normal.z > 0.9); // pushes the ball out of the board
            const int k = int(hit.timeSeconds * p.fps);
            const double before = track.frames.at(k).entityPositions.at(ball).z - track.frames.at(k - 2).entityPositions.at(ball).z;
            const double after = track.frames.at(k + 4).entityPositions.at(ball).z - track.frames.at(k + 2).entityPositions.at(ball).z;
            QVERIFY2(before < 0 && after > 0, qPrintable(QStringLiteral("dz before %1, after %2").arg(before).arg(after)));
        }
        // A miss: the ball's centre never passes down through the rim circle.
        const engine::Vec3 rimCentre{0, 3.05, -8 + 0.025 + 0.15 + 0.2286};
        for (int f = 1; f < track.frames.size(); ++f) {
            const auto &a = track.frames.at(f - 1).entityPositions.at(ball), &b = track.frames.at(f).entityPositions.at(ball);
            if (a.y + 0.12 >= rimCentre.y && b.y + 0.12 < rimCentre.y)
                QVERIFY(std::hypot(b.x - rimCentre.x, b.z - rimCentre.z) > 0.2286 - 0.12);
        }
    }

    void someMissesHitTheGlass()
    {
        // Misses vary with the seed: off the back rim, or off the glass above it.
        QVERIFY2(m_boardHits >= 2, qPrintable(QStringLiteral("%1 of 6 misses hit the board").arg(m_boardHits)));
    }

    void aShotAtTheStartHasTheBallInHandOnFrameZero()
    {
        ScenePlan p = shootingPlan(false);
        p.fps = 24;
        p.actions[0].startSeconds = 0;
        const auto track = run(p);
        const engine::Vec3 first = track.frames.at(0).entityPositions.at(1), next = track.frames.at(1).entityPositions.at(1);
        // Held at the shooter's hands from the first frame: no jump from the floor on frame 1.
        QVERIFY2(distance(first, next) < 0.2, qPrintable(QStringLiteral("the ball moved %1 m").arg(distance(first, next))));
        QVERIFY2(first.y > 1.0, qPrintable(QStringLiteral("the ball is %1 m up").arg(first.y)));
    }

    void madeShotGoesThroughRim()
    {
        const ScenePlan p = shootingPlan(true);
        const auto track = run(p);
        const engine::Vec3 rimCentre{0, 3.05, -8 + 0.025 + 0.15 + 0.2286};
        bool through = false;
        for (int f = 1; f < track.frames.size(); ++f) {
            const auto &a = track.frames.at(f - 1).entityPositions.at(1), &b = track.frames.at(f).entityPositions.at(1);
            if (a.y + 0.12 >= rimCentre.y && b.y + 0.12 < rimCentre.y)
                through = through || std::hypot(b.x - rimCentre.x, b.z - rimCentre.z) < 0.2286 - 0.12;
        }
        QVERIFY(through);
    }

    void floatsAndSinks_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<double>("surface");
        QTest::addColumn<double>("bottom");
        QTest::addColumn<double>("z");
        QTest::newRow("beach") << QStringLiteral("beach") << 0.0 << -1.5 << -10.0;
        QTest::newRow("underwater") << QStringLiteral("underwater") << 8.0 << 0.0 << 0.0;
    }
    void floatsAndSinks()
    {
        QFETCH(QString, environment);
        QFETCH(double, surface);
        QFETCH(double, bottom);
        QFETCH(double, z);
        ScenePlan p = plan(environment, 10, 24);
        const double startY = environment == QLatin1String("beach") ? 0.5 : 3.0;
        p.entities = {block(QStringLiteral("crate-1"), QStringLiteral("wood"), 0.5, 600, {0, startY, z}),
                      block(QStringLiteral("stone-1"), QStringLiteral("stone"), 0.2, 2600, {2, startY, z})};
        const auto track = run(p);
        const auto &end = track.frames.last().entityPositions;
        // Density 600: 60% under water, so its top (base + 0.5) stands 0.2 m above the surface.
        QVERIFY2(end.at(0).y + 0.5 > surface + 0.1 && end.at(0).y < surface,
                 qPrintable(QStringLiteral("crate base at %1").arg(end.at(0).y)));
        QVERIFY2(std::abs(end.at(1).y - bottom) < 0.03, qPrintable(QStringLiteral("stone base at %1").arg(end.at(1).y)));
        QCOMPARE(track.endState.at(1).position.y, end.at(1).y);
        if (environment == QLatin1String("beach")) {
            const auto splashes = contactsOf(track, 0, QStringLiteral("water"), QStringLiteral("splash"));
            QCOMPARE(splashes.size(), 1);
            QVERIFY(splashes.first().timeSeconds < 0.4);
        }
    }

    void stateCarriesToNextShot()
    {
        ScenePlan first = plan(QStringLiteral("gym"), 8, 24);
        first.entities = {ball(QStringLiteral("ball-1"), {0, 0, 0})};
        first.entities[0].velocity = {1.5, 0, 0};
        const auto one = run(first);
        const engine::Vec3 last = one.frames.last().entityPositions.at(0);
        QVERIFY(last.x > 1.0); // it rolled
        QVERIFY(distance(last, one.frames.at(one.frames.size() - 24).entityPositions.at(0)) < 0.01); // and stopped
        QVERIFY(!contactsOf(one, 0, QStringLiteral("floor"), QStringLiteral("roll")).isEmpty());

        ScenePlan second = plan(QStringLiteral("gym"), 2, 24);
        second.newScene = false;
        second.entities = one.endState;
        const auto two = run(second);
        QVERIFY(distance(two.frames.first().entityPositions.at(0), last) < 1e-6);
        QVERIFY(distance(two.frames.last().entityPositions.at(0), last) < 0.01);
    }

    void rerunIsBitIdentical()
    {
        ScenePlan p = shootingPlan(false);
        p.fps = 24;
        p.entities.append(ball(QStringLiteral("ball-2"), {2, 2.5, -1}));
        p.actions.append(action(QStringLiteral("walk"), QStringLiteral("person-1"), {}, QStringLiteral("ball-2"), 2));
        const auto a = run(p), b = run(p);
        QCOMPARE(a.frames.size(), b.frames.size());
        for (int f = 0; f < a.frames.size(); ++f) {
            QCOMPARE(a.frames.at(f).primitives.size(), b.frames.at(f).primitives.size());
            for (int i = 0; i < a.frames.at(f).primitives.size(); ++i)
                QVERIFY(a.frames.at(f).primitives.at(i).center == b.frames.at(f).primitives.at(i).center);
        }
        QCOMPARE(a.contacts.size(), b.contacts.size());
        for (int i = 0; i < a.contacts.size(); ++i)
            QCOMPARE(a.contacts.at(i).timeSeconds, b.contacts.at(i).timeSeconds);
    }
};

QTEST_GUILESS_MAIN(TestWorldPhysics)
#include "tst_world_physics.moc"
