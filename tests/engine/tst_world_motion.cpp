// Motion words end to end: the real PromptCompiler's plan simulated by the real World. What a user
// sees: a man who walks past a car passes it without touching it and keeps walking; a girl who
// runs after a ball ends next to it; "slowly" is slower; "away from" and "toward" change distance.
#include "engine/prompt/promptcompiler.h"
#include "engine/world/world.h"
#include "tst_world_plans.h"

#include <QtTest>

using namespace kinora;
using namespace kinora::test;
using engine::ContactEvent;
using engine::PromptCompiler;
using engine::ShotInput;
using engine::WorldTrack;

namespace {

ScenePlan compile(const QString &prompt, double seconds, const QList<PlanEntity> &previous = {},
                  const QString &environment = {})
{
    ShotInput s;
    s.prompt = prompt;
    s.durationSeconds = seconds;
    s.seed = 1210;
    s.newScene = previous.isEmpty();
    return PromptCompiler().compile(s, previous, environment);
}

WorldTrack simulate(const ScenePlan &p)
{
    auto result = engine::World().simulate(p);
    if (!result.ok())
        qFatal("simulate failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

int indexOfNoun(const ScenePlan &p, const char *noun)
{
    for (int i = 0; i < p.entities.size(); ++i)
        if (p.entities.at(i).noun == QLatin1String(noun))
            return i;
    qFatal("no %s in the plan", noun);
    return -1;
}

double groundDistance(const Vec3 &a, const Vec3 &b)
{
    return std::hypot(a.x - b.x, a.z - b.z);
}

// Half extents (x, z) of an entity's footprint on the ground; vehicles stand side-on at 90 degrees.
std::pair<double, double> halfFootprint(const PlanEntity &e)
{
    const bool sideways = std::fmod(std::abs(e.headingDeg), 180.0) == 90.0;
    return sideways ? std::pair{e.size.z / 2, e.size.x / 2} : std::pair{e.size.x / 2, e.size.z / 2};
}

QList<double> footstepTimes(const WorldTrack &track, int entity)
{
    QList<double> out;
    for (const ContactEvent &c : track.contacts)
        if (c.kind == QLatin1String("footstep") && c.entityA == entity)
            out << c.timeSeconds;
    return out;
}

// Distance walked: the sum of frame-to-frame ground moves.
double walked(const WorldTrack &track, int entity)
{
    double d = 0;
    for (int f = 1; f < track.frames.size(); ++f)
        d += groundDistance(track.frames.at(f).entityPositions.at(entity), track.frames.at(f - 1).entityPositions.at(entity));
    return d;
}

} // namespace

class TestWorldMotion : public QObject
{
    Q_OBJECT

private:
    // The man never overlaps the car, ends beyond its far end, and steps until the shot ends.
    static void checkPass(const ScenePlan &p, const WorldTrack &track, double walkerRadius)
    {
        const int man = indexOfNoun(p, "man"), car = indexOfNoun(p, "car");
        const auto [hx, hz] = halfFootprint(p.entities.at(car));
        const Vec3 start = track.frames.first().entityPositions.at(man);
        const Vec3 carAt = track.frames.first().entityPositions.at(car);
        const double side = start.x < carAt.x ? 1.0 : -1.0; // the way across the frame he goes
        for (int f = 0; f < track.frames.size(); ++f) {
            const Vec3 m = track.frames.at(f).entityPositions.at(man), c = track.frames.at(f).entityPositions.at(car);
            QVERIFY2(std::abs(m.x - c.x) >= hx + walkerRadius || std::abs(m.z - c.z) >= hz + walkerRadius,
                     qPrintable(QStringLiteral("frame %1: the man (%2, %3) walks into the car (%4, %5)")
                                    .arg(f).arg(m.x).arg(m.z).arg(c.x).arg(c.z)));
        }
        const Vec3 end = track.frames.last().entityPositions.at(man);
        qInfo("past: from (%.2f, %.2f) to (%.2f, %.2f); car at (%.2f, %.2f), %d footsteps", start.x, start.z, end.x,
              end.z, carAt.x, carAt.z, int(footstepTimes(track, man).size()));
        QVERIFY2((end.x - carAt.x) * side > hx + walkerRadius, qPrintable(QStringLiteral("ends at x %1; the car spans %2..%3")
                                                             .arg(end.x).arg(carAt.x - hx).arg(carAt.x + hx)));
        QVERIFY(groundDistance(track.endState.at(car).position, carAt) < 0.01); // he never pushed it
        const QList<double> steps = footstepTimes(track, man);
        const double seconds = p.durationSeconds;
        QVERIFY2(steps.size() >= int(seconds * 1.4), qPrintable(QStringLiteral("%1 footsteps").arg(steps.size())));
        QVERIFY(!steps.isEmpty());
        QVERIFY2(steps.last() > seconds - 0.75, qPrintable(QStringLiteral("last footstep at %1 s").arg(steps.last())));
        for (int i = 1; i < steps.size(); ++i) // no pause: a step at least every 0.8 s
            QVERIFY2(steps.at(i) - steps.at(i - 1) < 0.8, qPrintable(QStringLiteral("gap after %1 s").arg(steps.at(i - 1))));
    }

private Q_SLOTS:
    void walksPastTheCar()
    {
        const ScenePlan p = compile(QStringLiteral("Rain on a city street at night. A man walks past a yellow car."), 4);
        QCOMPARE(p.actions.first().path, QStringLiteral("past"));
        const WorldTrack track = simulate(p);
        checkPass(p, track, 0.25);
    }

    void walksPastFromBesideTheCar()
    {
        // A walker who stands just off the car's end (a continuing shot) steps out into a lane
        // beside it first, passes it on the camera's side and walks on.
        ScenePlan p = plan(QStringLiteral("street"), 6);
        PlanEntity man = person(QStringLiteral("person-1"), {0, 0, 0});
        man.noun = QStringLiteral("man");
        PlanEntity car = block(QStringLiteral("car-1"), QStringLiteral("metal"), 1, 300, {-3, 0, 0});
        car.noun = QStringLiteral("car");
        car.category = QStringLiteral("vehicle");
        car.shape = QStringLiteral("car");
        car.size = {1.8, 1.45, 4.5};
        car.massKg = 1300;
        car.headingDeg = 90;
        p.entities = {man, car};
        PlanAction walk = action(QStringLiteral("walk"), QStringLiteral("person-1"), {}, QStringLiteral("car-1"), 0);
        walk.path = QStringLiteral("past");
        p.actions = {walk};
        const WorldTrack track = simulate(p);
        checkPass(p, track, 0.25);
        double nearest = 1e9;
        for (const auto &frame : track.frames)
            if (std::abs(frame.entityPositions.at(0).x + 3) < 2.25)
                nearest = std::min(nearest, frame.entityPositions.at(0).z);
        QVERIFY2(nearest > 0.9 + 0.25, qPrintable(QStringLiteral("lane at z %1").arg(nearest))); // camera side

        // The old meaning, "walks to the car", stops beside it: the difference a user sees.
        p.actions.first().path.clear();
        const WorldTrack to = simulate(p);
        QVERIFY(to.frames.last().entityPositions.at(0).x > -1.5);
        QVERIFY(footstepTimes(to, 0).size() < 3);
    }

    void runsAfterTheRollingBall()
    {
        // The sample storyboard: a missed shot in a gym, then "the girl runs after it".
        const ScenePlan first = compile(QStringLiteral("An empty gym at night. A girl in a red shirt shoots an orange "
                                                       "basketball at the hoop and misses; the ball rebounds off the "
                                                       "backboard and bounces on the floor."), 5);
        const WorldTrack shot1 = simulate(first);
        const ScenePlan p = compile(QStringLiteral("The ball rolls across the floor and the girl runs after it."), 4,
                                    shot1.endState, first.environment);
        const int girl = indexOfNoun(p, "girl"), ball = indexOfNoun(p, "basketball");
        QVERIFY(!p.unknownWords.contains(QStringLiteral("after")));
        const PlanAction &run = p.actions.last();
        QCOMPARE(run.target, p.entities.at(ball).id);
        QCOMPARE(run.path, QStringLiteral("follow"));
        QCOMPARE(run.startSeconds, 0.0); // she chases it while it rolls
        const WorldTrack track = simulate(p);
        const Vec3 ballStart = track.frames.first().entityPositions.at(ball);
        const Vec3 ballEnd = track.frames.last().entityPositions.at(ball);
        QVERIFY2(std::abs(ballEnd.x - ballStart.x) > 3, qPrintable(QStringLiteral("the ball rolled %1 m across")
                                                                    .arg(ballEnd.x - ballStart.x)));
        const double gap = groundDistance(track.frames.last().entityPositions.at(girl), ballEnd);
        qInfo("chase: the ball rolled from (%.2f, %.2f) to (%.2f, %.2f); the girl ends %.2f m from it", ballStart.x,
              ballStart.z, ballEnd.x, ballEnd.z, gap);
        QVERIFY2(gap < 1.5, qPrintable(QStringLiteral("the girl ends %1 m from the ball").arg(gap)));
        QVERIFY(gap > 0.3); // next to it, not on it
    }

    void runsAfterTheBallInANewScene()
    {
        const ScenePlan p = compile(QStringLiteral("In a gym, the ball rolls across the floor and the girl runs after it."), 5);
        const int girl = indexOfNoun(p, "girl"), ball = indexOfNoun(p, "ball");
        const WorldTrack track = simulate(p);
        const double gap = groundDistance(track.frames.last().entityPositions.at(girl),
                                          track.frames.last().entityPositions.at(ball));
        QVERIFY2(gap < 1.5, qPrintable(QStringLiteral("the girl ends %1 m from the ball").arg(gap)));
        QVERIFY(walked(track, ball) > 3);
    }

    void slowlyIsSlower()
    {
        const ScenePlan normal = compile(QStringLiteral("In a park, a man walks."), 4);
        const ScenePlan slow = compile(QStringLiteral("In a park, a man walks slowly."), 4);
        const ScenePlan fast = compile(QStringLiteral("In a park, a man walks quickly."), 4);
        QCOMPARE(slow.actions.first().intensity, 0.5);
        const double dNormal = walked(simulate(normal), 0), dFast = walked(simulate(fast), 0);
        const WorldTrack slowTrack = simulate(slow);
        const double dSlow = walked(slowTrack, 0);
        qInfo("4 s walk: slowly %.2f m, normally %.2f m, quickly %.2f m", dSlow, dNormal, dFast);
        QVERIFY2(dSlow < 0.65 * dNormal && dSlow > 0.3 * dNormal,
                 qPrintable(QStringLiteral("slowly %1 m, normally %2 m").arg(dSlow).arg(dNormal)));
        QVERIFY2(dFast > 1.3 * dNormal, qPrintable(QStringLiteral("quickly %1 m, normally %2 m").arg(dFast).arg(dNormal)));
        const QList<double> slowSteps = footstepTimes(slowTrack, 0);
        QVERIFY(slowSteps.size() >= 4);
        QVERIFY(slowSteps.last() > 3.2); // still walking, just slower
    }

    void awayFromAndToward()
    {
        const ScenePlan away = compile(QStringLiteral("In a park, the girl walks away from the dog."), 4);
        QCOMPARE(away.actions.first().path, QStringLiteral("away"));
        WorldTrack track = simulate(away);
        const int girl = indexOfNoun(away, "girl"), dog = indexOfNoun(away, "dog");
        const auto gapAt = [&](const WorldTrack &t, int frame, int a, int b) {
            const int f = frame < 0 ? int(t.frames.size()) - 1 : frame;
            return groundDistance(t.frames.at(f).entityPositions.at(a), t.frames.at(f).entityPositions.at(b));
        };
        QVERIFY2(gapAt(track, -1, girl, dog) > gapAt(track, 0, girl, dog) + 3,
                 qPrintable(QStringLiteral("%1 m -> %2 m").arg(gapAt(track, 0, girl, dog)).arg(gapAt(track, -1, girl, dog))));

        const ScenePlan toward = compile(QStringLiteral("On a street, a woman walks toward the car."), 5);
        QCOMPARE(toward.actions.first().path, QStringLiteral("toward"));
        track = simulate(toward);
        const int woman = indexOfNoun(toward, "woman"), car = indexOfNoun(toward, "car");
        const double before = gapAt(track, 0, woman, car), after = gapAt(track, -1, woman, car);
        QVERIFY2(after < before - 1.5, qPrintable(QStringLiteral("%1 m -> %2 m").arg(before).arg(after)));
        // She stops in front of it: a clear metre between her and the car's side, and standing still.
        const auto [hx, hz] = halfFootprint(toward.entities.at(car));
        const Vec3 w = track.frames.last().entityPositions.at(woman), c = track.frames.last().entityPositions.at(car);
        const double clearance = std::max(std::abs(w.x - c.x) - hx, std::abs(w.z - c.z) - hz) - 0.25;
        qInfo("toward: %.2f m -> %.2f m, stopped %.2f m clear of the car", before, after, clearance);
        QVERIFY2(clearance > 0.8 && clearance < 1.6, qPrintable(QStringLiteral("%1 m clear").arg(clearance)));
        QVERIFY(groundDistance(w, track.frames.at(track.frames.size() - 12).entityPositions.at(woman)) < 0.01);
    }

    void aroundCircles()
    {
        const ScenePlan p = compile(QStringLiteral("A boy walks around the tree."), 8);
        const int boy = indexOfNoun(p, "boy"), tree = indexOfNoun(p, "tree");
        const WorldTrack track = simulate(p);
        const Vec3 c = track.frames.first().entityPositions.at(tree);
        double swept = 0, previous = 0, nearest = 1e9;
        for (int f = 0; f < track.frames.size(); ++f) {
            const Vec3 b = track.frames.at(f).entityPositions.at(boy);
            const double angle = std::atan2(b.z - c.z, b.x - c.x);
            if (f > 0)
                swept += std::remainder(angle - previous, 2 * 3.14159265358979);
            previous = angle;
            nearest = std::min(nearest, groundDistance(b, c));
        }
        QVERIFY2(std::abs(swept) > 3.14159, qPrintable(QStringLiteral("swept %1 rad").arg(swept)));
        const auto [hx, hz] = halfFootprint(p.entities.at(tree));
        QVERIFY2(nearest > std::max(hx, hz) + 0.25, qPrintable(QStringLiteral("came within %1 m").arg(nearest)));
    }

    void alongTheBeachAndHardKicks()
    {
        const ScenePlan beach = compile(QStringLiteral("A brown dog runs along the beach at sunset next to a blue beach ball."), 4);
        const int dog = indexOfNoun(beach, "dog"), ball = indexOfNoun(beach, "beach ball");
        QCOMPARE(beach.actions.first().target, QString()); // the ball is where it runs, not where to
        const WorldTrack track = simulate(beach);
        const Vec3 a = track.frames.first().entityPositions.at(dog), b = track.frames.last().entityPositions.at(dog);
        QVERIFY2(std::abs(b.x - a.x) > 8 && std::abs(b.z - a.z) < 0.3,
                 qPrintable(QStringLiteral("from (%1, %2) to (%3, %4)").arg(a.x).arg(a.z).arg(b.x).arg(b.z)));
        QVERIFY(groundDistance(track.endState.at(ball).position, beach.entities.at(ball).position) < 0.05); // not run into

        const auto ballSpeed = [](const char *prompt) {
            const ScenePlan p = compile(QString::fromLatin1(prompt), 2);
            const int ball = indexOfNoun(p, "ball");
            const WorldTrack t = simulate(p);
            double fastest = 0; // after the foot met it (0.33 s into the kick), not while it is set down
            for (int f = t.fps / 2; f < t.frames.size(); ++f)
                fastest = std::max(fastest, groundDistance(t.frames.at(f).entityPositions.at(ball),
                                                           t.frames.at(f - 1).entityPositions.at(ball)) * t.fps);
            return fastest;
        };
        const double normal = ballSpeed("In a park, a boy kicks the ball."), hard = ballSpeed("In a park, a boy kicks the ball hard.");
        qInfo("kick: %.2f m/s, hard %.2f m/s", normal, hard);
        QVERIFY2(hard > 1.4 * normal, qPrintable(QStringLiteral("hard %1 m/s, normal %2 m/s").arg(hard).arg(normal)));
    }

    void rejectsBrokenPaths()
    {
        ScenePlan p = plan(QStringLiteral("park"), 1);
        p.entities = {person(QStringLiteral("person-1"), {0, 0, 0}), ball(QStringLiteral("ball-1"), {2, 0, 0})};
        PlanAction walk = action(QStringLiteral("walk"), QStringLiteral("person-1"), {}, {}, 0);
        walk.path = QStringLiteral("past"); // past what?
        p.actions = {walk};
        auto result = engine::World().simulate(p);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().location, QStringLiteral("actions[0].target"));
        p.actions[0].path = QStringLiteral("sideways");
        result = engine::World().simulate(p);
        QCOMPARE(result.error().location, QStringLiteral("actions[0].path"));
        QVERIFY(result.error().message.contains(QStringLiteral("sideways")));
        p.actions[0].path = QStringLiteral("across");
        p.actions[0].intensity = 0;
        QCOMPARE(engine::World().simulate(p).error().location, QStringLiteral("actions[0].intensity"));
        p.actions[0].intensity = 1;
        QVERIFY(engine::World().simulate(p).ok()); // across needs no target
    }
};

QTEST_GUILESS_MAIN(TestWorldMotion)
#include "tst_world_motion.moc"
