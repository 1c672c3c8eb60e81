// bench_world: simulation cost of a gym shot with a person shooting three balls (default 20 s at
// 24 fps). Prints wall seconds per output second; the World has no image size, so 720p or not
// makes no difference and only the frame count matters.
#include "engine/world/world.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace kinora::engine;

namespace {

PlanEntity entity(const QString &id, const QString &shape, const Vec3 &size, double mass, const Vec3 &position)
{
    PlanEntity e;
    e.id = id;
    e.shape = shape;
    e.size = size;
    e.massKg = mass;
    e.position = position;
    e.restitution = 0.8;
    e.friction = 0.6;
    e.material = shape == QLatin1String("figure") ? QStringLiteral("flesh") : QStringLiteral("rubber");
    e.isStatic = shape == QLatin1String("hoop");
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 20;
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--seconds")));
    if (at >= 0 && at + 1 < args.size())
        seconds = args.at(at + 1).toDouble();

    ScenePlan plan;
    plan.environment = QStringLiteral("gym");
    plan.durationSeconds = seconds;
    plan.fps = 24;
    plan.width = 1280;
    plan.height = 720;
    plan.entities = {entity(QStringLiteral("person-1"), QStringLiteral("figure"), {0.5, 1.75, 0.3}, 70, {0, 0, -3}),
                     entity(QStringLiteral("hoop-1"), QStringLiteral("hoop"), {1.8, 3.95, 1.6}, 200, {0, 0, -8})};
    for (int i = 0; i < 3; ++i) {
        plan.entities.append(entity(QStringLiteral("ball-%1").arg(i + 1), QStringLiteral("sphere"), {0.24, 0.24, 0.24},
                                    0.62, {0.5 + 0.4 * i, 0, -2.5}));
        PlanAction shot;
        shot.verb = QStringLiteral("shoot");
        shot.actor = QStringLiteral("person-1");
        shot.object = QStringLiteral("ball-%1").arg(i + 1);
        shot.target = QStringLiteral("hoop-1");
        shot.startSeconds = 0.5 + i * seconds / 4;
        shot.succeeds = i != 1;
        plan.actions.append(shot);
    }

    QElapsedTimer timer;
    timer.start();
    auto result = World().simulate(plan);
    const double wall = timer.nsecsElapsed() / 1e9;
    QTextStream out(stdout);
    if (!result.ok()) {
        out << "bench_world: " << result.error().toString() << "\n";
        return 1;
    }
    const WorldTrack &track = result.value();
    qsizetype primitives = 0;
    for (const auto &f : track.frames)
        primitives += f.primitives.size();
    out << "bench_world: " << seconds << " s gym shot, 1 person, 3 shots, " << track.frames.size() << " frames at "
        << plan.fps << " fps (frame size does not matter: " << plan.width << "x" << plan.height << ")\n"
        << "  wall " << wall << " s, " << wall / seconds << " s per output second, " << 1000 * wall / track.frames.size()
        << " ms per frame\n"
        << "  " << track.contacts.size() << " contact events, " << primitives / track.frames.size()
        << " primitives per frame\n";
    return 0;
}
