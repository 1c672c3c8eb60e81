// Motion words end to end: the real PromptCompiler's plan simulated by the real World. What a user
// sees: a man who walks past a car passes it without touching it and keeps walking; a girl who
// runs after a ball ends next to it; "slowly" is slower; "away from" and "toward" change distance;
// a car drives at town speed, on the ground, facing the way it goes, its wheels rolling.
#include "engine/prompt/promptcompiler.h"
#include "engine/world/world.h"
#include "tst_world_plans.h"

#include <QtTest>

using namespace kinora;
using namespace kinora::test;
using engine::ContactEvent;
using engine::Primitive;
using engine::PromptCompiler;
using engine::ShotInput;
using engine::WorldFrame;
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

constexpr double kPi = 3.14159265358979323846;

// How an entity's body is turned in a frame, from its first primitive: a car's chassis, drawn
// unrotated in the body's frame.
engine::Quat bodyOrientation(const WorldFrame &frame, int entity)
{
    for (const Primitive &p : frame.primitives)
        if (p.entity == entity)
            return p.orientation;
    qFatal("entity %d draws nothing", entity);
    return {};
}

// The way it faces (degrees, 0 = +z): its local +z, rotated.
double headingIn(const WorldFrame &frame, int entity)
{
    const engine::Quat q = bodyOrientation(frame, entity);
    return std::atan2(2 * (q.x * q.z + q.w * q.y), 1 - 2 * (q.x * q.x + q.y * q.y)) * 180 / kPi;
}

double wrapDegrees(double d)
{
    return std::remainder(d, 360.0);
}

// Ground speed (m/s) between two frames.
double speedBetween(const WorldTrack &track, int entity, int from, int to)
{
    return groundDistance(track.frames.at(to).entityPositions.at(entity), track.frames.at(from).entityPositions.at(entity))
        * track.fps / (to - from);
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

    void carDrivesAlongTheStreet()
    {
        const ScenePlan p = compile(QStringLiteral("A red car drives along the street."), 3);
        QCOMPARE(p.actions.size(), 1);
        QCOMPARE(p.actions.first().path, QStringLiteral("along"));
        const int car = indexOfNoun(p, "car");
        const WorldTrack track = simulate(p);
        const Vec3 start = track.frames.first().entityPositions.at(car), end = track.frames.last().entityPositions.at(car);
        const double facing = p.entities.at(car).headingDeg * kPi / 180;
        const Vec3 ahead{std::sin(facing), 0, std::cos(facing)};
        const double forward = (end.x - start.x) * ahead.x + (end.z - start.z) * ahead.z;
        const double sideways = std::abs((end.x - start.x) * ahead.z - (end.z - start.z) * ahead.x);
        const double cruise = speedBetween(track, car, 12, 36);
        qInfo("drive: %.2f m ahead and %.2f m sideways in 3 s, %.2f m/s at 1 s", forward, sideways, cruise);
        QVERIFY2(forward > 15, qPrintable(QStringLiteral("%1 m in 3 s").arg(forward)));
        QVERIFY2(sideways < 0.2, qPrintable(QStringLiteral("%1 m off its line").arg(sideways)));
        QVERIFY2(cruise > 6 && cruise < 10, qPrintable(QStringLiteral("%1 m/s").arg(cruise)));
        QCOMPARE(track.contacts.size(), 0); // it rolls on the flat: no bumps or scrapes for the sound to play
        for (int f = 0; f < track.frames.size(); ++f) { // on the ground, facing the way it goes
            const Vec3 at = track.frames.at(f).entityPositions.at(car);
            QVERIFY2(std::abs(at.y) < 0.02, qPrintable(QStringLiteral("frame %1: base at y %2").arg(f).arg(at.y)));
            const double yaw = wrapDegrees(headingIn(track.frames.at(f), car) - p.entities.at(car).headingDeg);
            QVERIFY2(std::abs(yaw) < 1, qPrintable(QStringLiteral("frame %1: turned %2 degrees").arg(f).arg(yaw)));
        }

        // The wheels roll: each spoke turns about its axle by the ground covered over the radius.
        QList<int> tyres, spokes;
        const QList<Primitive> &parts = track.frames.first().primitives;
        for (int i = 0; i < parts.size(); ++i)
            if (parts.at(i).entity == car && parts.at(i).shape == Primitive::Shape::Cylinder)
                tyres << i;
            else if (parts.at(i).entity == car && parts.at(i).part == Primitive::Part::Detail)
                spokes << i;
        QCOMPARE(tyres.size(), 4);
        QCOMPARE(spokes.size(), 4);
        const double radius = parts.at(tyres.first()).size.x;
        const auto spokeAngle = [&](int frame, int spoke) { // about the car's x axis, from its chassis
            const engine::Quat b = bodyOrientation(track.frames.at(frame), car);
            const engine::Quat &s = track.frames.at(frame).primitives.at(spokes.at(spoke)).orientation;
            // conj(b) * s: the spoke's turn in the body frame.
            const double w = b.w * s.w + b.x * s.x + b.y * s.y + b.z * s.z;
            const double x = b.w * s.x - b.x * s.w - b.y * s.z + b.z * s.y;
            return 2 * std::atan2(x, w);
        };
        for (int f = 24; f < 48; ++f) {
            const double rolled = groundDistance(track.frames.at(f + 1).entityPositions.at(car),
                                                 track.frames.at(f).entityPositions.at(car)) / radius;
            for (int k = 0; k < spokes.size(); ++k) {
                const double turned = std::remainder(spokeAngle(f + 1, k) - spokeAngle(f, k), 2 * kPi);
                QVERIFY2(std::abs(turned - rolled) < 0.03 * rolled,
                         qPrintable(QStringLiteral("frame %1: the wheel turned %2 rad for %3 rad of road")
                                        .arg(f).arg(turned).arg(rolled)));
            }
        }
    }

    void drivesAtTheAdverbsSpeedAndStopsInsideTheSet()
    {
        const auto speedOf = [](const char *prompt) {
            const ScenePlan p = compile(QString::fromLatin1(prompt), 2);
            return speedBetween(simulate(p), indexOfNoun(p, "car"), 2, 10);
        };
        const double normal = speedOf("A car drives along the street.");
        const double slow = speedOf("A car drives slowly along the street.");
        const double fast = speedOf("A car drives quickly along the street.");
        qInfo("drive: slowly %.2f m/s, normally %.2f m/s, quickly %.2f m/s", slow, normal, fast);
        QVERIFY2(std::abs(slow / normal - 0.5) < 0.03,
                 qPrintable(QStringLiteral("slowly %1, normally %2").arg(slow).arg(normal)));
        QVERIFY2(std::abs(fast / normal - 1.6) < 0.05,
                 qPrintable(QStringLiteral("quickly %1, normally %2").arg(fast).arg(normal)));

        // A long drive brakes to a stop before the street's end instead of leaving the set.
        const ScenePlan p = compile(QStringLiteral("A car drives quickly along the street."), 8);
        const int car = indexOfNoun(p, "car");
        const WorldTrack track = simulate(p);
        const Vec3 end = track.frames.last().entityPositions.at(car);
        qInfo("long drive: ends at x %.2f", end.x);
        QVERIFY2(std::abs(end.x) + p.entities.at(car).size.z / 2 < 30, qPrintable(QStringLiteral("ends at x %1").arg(end.x)));
        QVERIFY(std::abs(end.x) > 20);
        QVERIFY(speedBetween(track, car, int(track.frames.size()) - 6, int(track.frames.size()) - 1) < 0.05);
        for (int f = 2; f < track.frames.size(); ++f) { // braking, not a wall: under 0.4 m/s lost per frame
            const double change = speedBetween(track, car, f - 1, f) - speedBetween(track, car, f - 2, f - 1);
            QVERIFY2(std::abs(change) < 0.4, qPrintable(QStringLiteral("frame %1: %2 m/s in a frame").arg(f).arg(change)));
        }
    }

    void truckDrivesPastTheBench()
    {
        const ScenePlan p = compile(QStringLiteral("A truck drives past a bench."), 4);
        QCOMPARE(p.actions.first().path, QStringLiteral("past"));
        const int truck = indexOfNoun(p, "truck"), bench = indexOfNoun(p, "bench");
        const auto [tx, tz] = halfFootprint(p.entities.at(truck));
        const auto [bx, bz] = halfFootprint(p.entities.at(bench));
        const WorldTrack track = simulate(p);
        const Vec3 benchAt = track.frames.first().entityPositions.at(bench);
        const Vec3 start = track.frames.first().entityPositions.at(truck);
        const double side = start.x < benchAt.x ? 1.0 : -1.0;
        for (int f = 0; f < track.frames.size(); ++f) {
            const Vec3 t = track.frames.at(f).entityPositions.at(truck);
            QVERIFY2(std::abs(t.x - benchAt.x) >= tx + bx || std::abs(t.z - benchAt.z) >= tz + bz,
                     qPrintable(QStringLiteral("frame %1: the truck (%2, %3) is on the bench (%4, %5)")
                                    .arg(f).arg(t.x).arg(t.z).arg(benchAt.x).arg(benchAt.z)));
            const double yaw = wrapDegrees(headingIn(track.frames.at(f), truck) - p.entities.at(truck).headingDeg);
            // Straight along its lane, so the axis-aligned footprint above is its footprint.
            QVERIFY2(std::abs(yaw) < 2, qPrintable(QStringLiteral("frame %1: turned %2 degrees").arg(f).arg(yaw)));
        }
        const Vec3 end = track.frames.last().entityPositions.at(truck);
        qInfo("truck past the bench: from (%.2f, %.2f) to (%.2f, %.2f); bench at (%.2f, %.2f)", start.x, start.z, end.x,
              end.z, benchAt.x, benchAt.z);
        QVERIFY2((end.x - benchAt.x) * side > tx + bx, qPrintable(QStringLiteral("ends at x %1").arg(end.x))); // all of it beyond
        QVERIFY(groundDistance(track.endState.at(bench).position, benchAt) < 0.01);
    }

    void busDrivesTowardTheWomanAndTheCamera()
    {
        const ScenePlan p = compile(QStringLiteral("On a street, a bus drives toward the woman."), 6);
        QCOMPARE(p.actions.first().path, QStringLiteral("toward"));
        const int bus = indexOfNoun(p, "bus"), woman = indexOfNoun(p, "woman");
        const WorldTrack track = simulate(p);
        const Vec3 w = track.frames.last().entityPositions.at(woman), b = track.frames.last().entityPositions.at(bus);
        const double before = groundDistance(track.frames.first().entityPositions.at(bus), w);
        // Its nose stops a clear metre or so short of her, and it stands still at the end.
        const double clearance = groundDistance(b, w) - p.entities.at(bus).size.z / 2 - 0.25;
        qInfo("bus toward the woman: %.2f m -> %.2f m clear of her", before, clearance);
        QVERIFY2(before - groundDistance(b, w) > 8,
                 qPrintable(QStringLiteral("%1 m -> %2 m").arg(before).arg(groundDistance(b, w))));
        QVERIFY2(clearance > 0.5 && clearance < 2, qPrintable(QStringLiteral("%1 m clear").arg(clearance)));
        QVERIFY(speedBetween(track, bus, int(track.frames.size()) - 6, int(track.frames.size()) - 1) < 0.05);

        // "Toward the camera": it faces the camera (+z) and drives at it, straight.
        const ScenePlan c = compile(QStringLiteral("A bus drives toward the camera."), 3);
        const int b2 = indexOfNoun(c, "bus");
        const WorldTrack t2 = simulate(c);
        const Vec3 from = t2.frames.first().entityPositions.at(b2), to = t2.frames.last().entityPositions.at(b2);
        QVERIFY2(to.z - from.z > 15 && std::abs(to.x - from.x) < 0.1,
                 qPrintable(QStringLiteral("from (%1, %2) to (%3, %4)").arg(from.x).arg(from.z).arg(to.x).arg(to.z)));
    }

    void turnsSmoothlyFacingItsWay()
    {
        // A parked car with a man off its far side, ahead: "drives away from the man" pulls away
        // and turns through a wide arc, its body always facing the way it moves.
        PlanEntity car, man;
        {
            const ScenePlan first = compile(QStringLiteral("A man stands next to a red car on the street."), 1);
            car = first.entities.at(indexOfNoun(first, "car"));
            man = first.entities.at(indexOfNoun(first, "man"));
        }
        car.position = {0, 0, 0};
        car.headingDeg = 90;
        man.position = {3, 0, -2.5};
        const ScenePlan p = compile(QStringLiteral("The car drives away from the man."), 4, {car, man},
                                    QStringLiteral("street"));
        QCOMPARE(p.actions.first().path, QStringLiteral("away"));
        const int c = indexOfNoun(p, "car"), m = indexOfNoun(p, "man");
        const WorldTrack track = simulate(p);
        double turned = 0;
        for (int f = 1; f < track.frames.size(); ++f) {
            const Vec3 a = track.frames.at(f - 1).entityPositions.at(c), b = track.frames.at(f).entityPositions.at(c);
            const double before = headingIn(track.frames.at(f - 1), c), after = headingIn(track.frames.at(f), c);
            const double step = wrapDegrees(after - before);
            turned += step;
            QVERIFY2(std::abs(step) < 10, qPrintable(QStringLiteral("frame %1: turned %2 degrees at once").arg(f).arg(step)));
            QVERIFY2(std::abs(b.y) < 0.02, qPrintable(QStringLiteral("frame %1: base at y %2").arg(f).arg(b.y)));
            if (groundDistance(a, b) < 0.05)
                continue; // barely moving: no direction to compare
            const double moving = std::atan2(b.x - a.x, b.z - a.z) * 180 / kPi;
            const double off = wrapDegrees(moving - (before + step / 2));
            QVERIFY2(std::abs(off) < 3, qPrintable(QStringLiteral("frame %1: moves at %2 degrees, faces %3")
                                                       .arg(f).arg(moving).arg(before + step / 2)));
        }
        const auto gapAt = [&](const WorldFrame &frame) {
            return groundDistance(frame.entityPositions.at(c), frame.entityPositions.at(m));
        };
        const double gapBefore = gapAt(track.frames.first()), gapAfter = gapAt(track.frames.last());
        qInfo("away: turned %.1f degrees, %.2f m -> %.2f m from the man", turned, gapBefore, gapAfter);
        QVERIFY2(std::abs(turned) > 60, qPrintable(QStringLiteral("turned %1 degrees").arg(turned)));
        QVERIFY2(gapAfter > gapBefore + 15, qPrintable(QStringLiteral("%1 m -> %2 m").arg(gapBefore).arg(gapAfter)));
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
