// World::simulate: one fixed-step loop (actions, drives, figures, water, Bullet step, contacts) with
// frames sampled at the plan's rate. Single thread, fixed step, ordered containers: runs repeat exactly.
#include "engine/world/world.h"

#include "engine/world/contacttracker.h"
#include "engine/world/objectactions.h"
#include "engine/world/simentities.h"
#include "engine/world/stageset.h"
#include "engine/world/vehicledrives.h"
#include "engine/world/waterphysics.h"
#include "engine/world/worldmath.h"

#include <QCoreApplication>

#include <algorithm>

namespace kinora::engine {

using namespace world;

namespace {

bool isFigureShape(const QString &shape)
{
    return shape == QLatin1String("figure") || shape == QLatin1String("quadruped") || shape == QLatin1String("bird") ||
           shape == QLatin1String("fish");
}

core::Status validate(const ScenePlan &plan)
{
    auto fail = [](const QString &message, const QString &where) { return core::Status(core::Error{message, where}); };
    if (plan.fps <= 0 || plan.fps > 240)
        return fail(QCoreApplication::translate("World", "The frame rate must be between 1 and 240 fps."),
                    QStringLiteral("fps"));
    if (!(plan.durationSeconds > 0) || plan.durationSeconds > 600)
        return fail(QCoreApplication::translate("World", "The shot must last between 0 and 600 seconds."),
                    QStringLiteral("durationSeconds"));
    for (int i = 0; i < plan.entities.size(); ++i) {
        const PlanEntity &e = plan.entities.at(i);
        if (!(e.massKg > 0))
            return fail(QCoreApplication::translate("World", "Mass must be above 0 kg."),
                        QStringLiteral("entities[%1].massKg").arg(i));
        if (!(e.size.x > 0 && e.size.y > 0 && e.size.z > 0))
            return fail(QCoreApplication::translate("World", "All three size extents must be above 0 m."),
                        QStringLiteral("entities[%1].size").arg(i));
    }
    for (int i = 0; i < plan.actions.size(); ++i) {
        const PlanAction &a = plan.actions.at(i);
        const struct { const QString &id; const char *field; } refs[] = {
            {a.actor, "actor"}, {a.object, "object"}, {a.target, "target"}};
        for (const auto &ref : refs)
            if (!ref.id.isEmpty() && plan.indexOf(ref.id) < 0)
                return fail(QCoreApplication::translate("World", "No entity '%1' in this shot; use one of the "
                                                                 "entities' ids or leave it empty.").arg(ref.id),
                            QStringLiteral("actions[%1].%2").arg(i).arg(QLatin1String(ref.field)));
        if (!planPaths().contains(a.path))
            return fail(QCoreApplication::translate("World", "Unknown path '%1'; use one of: %2, or leave it empty.")
                            .arg(a.path, planPaths().mid(1).join(QStringLiteral(", "))),
                        QStringLiteral("actions[%1].path").arg(i));
        if (pathNeedsTarget(a.path) && a.target.isEmpty())
            return fail(QCoreApplication::translate("World", "The path '%1' needs a target entity.").arg(a.path),
                        QStringLiteral("actions[%1].target").arg(i));
        if (!(a.intensity >= 0.1 && a.intensity <= 3))
            return fail(QCoreApplication::translate("World", "Intensity must be between 0.1 and 3."),
                        QStringLiteral("actions[%1].intensity").arg(i));
    }
    return {};
}

double headingFromRotation(const btQuaternion &q)
{
    const Vec3 forward = rotate(fromBt(q), {0, 0, 1});
    return headingOf(forward);
}

} // namespace

World::World(WorldOptions options) : m_options(options) {}

core::Result<WorldTrack> World::simulate(const ScenePlan &plan, const std::function<bool(int, int)> &progress)
{
    if (const core::Status status = validate(plan); !status)
        return status.error();
    const double stepHz = std::clamp(m_options.stepHz, 60.0, 2000.0);

    PhysicsScene scene(stepHz, environmentHasGravity(plan.environment));
    const StageSet set = buildStageSet(plan.environment, scene);
    QList<Primitive> setPrimitives = set.primitives;

    SimEntities sim;
    const size_t n = size_t(plan.entities.size());
    sim.bodyOf.assign(n, -1);
    sim.rigOf.assign(n, -1);
    sim.hoopOf.assign(n, -1);
    for (int i = 0; i < plan.entities.size(); ++i) {
        const PlanEntity &e = plan.entities.at(i);
        if (e.shape == QLatin1String("hoop")) {
            sim.hoopOf[size_t(i)] = int(sim.hoops.size());
            sim.hoops.push_back(buildHoop(e, scene, setPrimitives));
        } else if (isFigureShape(e.shape)) {
            sim.rigOf[size_t(i)] = int(sim.rigs.size());
            sim.rigs.push_back(std::make_unique<FigureRig>(plan, i, set, scene));
        } else {
            sim.bodyOf[size_t(i)] = int(sim.bodies.size());
            sim.bodies.push_back(buildEntityBody(e, i, scene));
            if (!e.isStatic)
                setLaunchVelocity(sim.bodies.back().body, e.velocity, scene.gravity(), scene.stepSeconds());
        }
    }

    ObjectActions actions(plan, sim, scene, set);
    VehicleDrives drives(plan, sim, set);
    ContactTracker contacts(scene, plan.fps);
    WaterPhysics water(set.water, scene.gravity(), plan.fps);
    const auto positionOf = [&](int entity) { return sim.basePosition(entity, plan); };

    WorldTrack track;
    track.fps = plan.fps;
    const int frameCount = std::max(1, plan.frameCount());
    const double dt = scene.stepSeconds();
    long long step = 0;
    // Frame 0 shows the actions as they begin (a ball already in the shooter's hands), not the
    // layout a step before them; step 0 repeats this (a hold is idempotent), so the run is unchanged.
    actions.beforeStep(0);
    for (int f = 0; f < frameCount; ++f) {
        const double frameTime = double(f) / plan.fps;
        while (double(step + 1) * dt <= frameTime + 1e-9) {
            const double t0 = double(step) * dt;
            actions.beforeStep(t0);
            drives.beforeStep(t0, dt, positionOf);
            for (auto &rig : sim.rigs)
                rig->advance(t0 + dt, dt, positionOf, track.contacts);
            water.applyForces(sim.bodies, dt);
            contacts.beforeStep();
            scene.step();
            contacts.afterStep(t0, track.contacts);
            water.detectSplashes(sim.bodies, scene, t0 + dt, track.contacts);
            ++step;
        }
        WorldFrame frame;
        frame.primitives = setPrimitives;
        for (const EntityBody &b : sim.bodies)
            appendBodyPrimitives(b, frame.primitives);
        for (const auto &rig : sim.rigs)
            rig->appendPrimitives(frameTime, frame.primitives);
        frame.entityPositions.reserve(plan.entities.size());
        for (int i = 0; i < plan.entities.size(); ++i)
            frame.entityPositions.append(sim.basePosition(i, plan));
        track.frames.append(std::move(frame));
        if (progress && !progress(f + 1, frameCount))
            return core::Error{QCoreApplication::translate("World", "cancelled"), {}};
    }
    // Events were appended per step and per source; order them by time for the audio engine.
    std::stable_sort(track.contacts.begin(), track.contacts.end(),
                     [](const ContactEvent &a, const ContactEvent &b) { return a.timeSeconds < b.timeSeconds; });

    // End state: where everything is on the last frame, so the next shot starts exactly there.
    track.endState = plan.entities;
    for (int i = 0; i < plan.entities.size(); ++i) {
        PlanEntity &e = track.endState[i];
        e.position = sim.basePosition(i, plan);
        if (FigureRig *rig = sim.rig(i)) {
            e.headingDeg = rig->headingDeg();
            e.velocity = rig->velocity();
        } else if (EntityBody *b = sim.body(i)) {
            e.velocity = fromBt(b->body->getLinearVelocity());
            if (!b->isSphere)
                e.headingDeg = headingFromRotation(b->body->getWorldTransform().getRotation());
        }
    }
    return track;
}

} // namespace kinora::engine
