// VehicleDrives: a bicycle model on a rigid body. While it drives, the drive owns the body's
// velocity along the ground and its yaw rate; friction is off meanwhile (rolling tyres do not
// slide) and pitch and roll are locked, so only the drive and collisions move it on the ground.
#include "engine/world/vehicledrives.h"

#include "engine/world/worldmath.h"

#include <algorithm>

namespace kinora::engine::world {

namespace {

double wrapDegrees(double d)
{
    while (d > 180)
        d -= 360;
    while (d < -180)
        d += 360;
    return d;
}

double headingOfBody(const btRigidBody *body)
{
    return headingOf(rotate(fromBt(body->getWorldTransform().getRotation()), {0, 0, 1}));
}

// How far the centre can go along @p direction before the nose (@p halfLength ahead of it) comes
// within 0.8 m of the stage's edge.
double runToEdge(const Vec3 &centre, const Vec3 &direction, double halfLength, const StageSet &set)
{
    const double margin = 0.8 + halfLength;
    double run = 1e9;
    const auto limit = [&](double at, double d, double low, double high) {
        if (d > 1e-6)
            run = std::min(run, (high - margin - at) / d);
        else if (d < -1e-6)
            run = std::min(run, (low + margin - at) / d);
    };
    limit(centre.x, direction.x, -set.halfWidth, set.halfWidth);
    limit(centre.z, direction.z, set.backZ, set.frontZ);
    return std::max(0.0, run);
}

} // namespace

bool isDrivable(const PlanEntity &entity)
{
    return entity.category == QLatin1String("vehicle") && !entity.isStatic;
}

double cruiseSpeed(const PlanEntity &vehicle)
{
    // Town speeds; anything not listed drives like a car.
    static const struct { const char *noun; double speed; } kSpeeds[] = {
        {"bus", 7}, {"truck", 7}, {"tractor", 4}, {"train", 10}, {"bike", 5}, {"motorcycle", 9},
        {"scooter", 4}, {"skateboard", 3}, {"cart", 1.2}};
    for (const auto &s : kSpeeds)
        if (vehicle.noun == QLatin1String(s.noun))
            return s.speed;
    return 8;
}

VehicleDrives::VehicleDrives(const ScenePlan &plan, SimEntities &entities, const StageSet &set)
    : m_plan(plan), m_entities(entities), m_set(set)
{
    if (set.floorMaterial.isEmpty())
        return; // nothing to drive on (space)
    for (int i = 0; i < plan.entities.size(); ++i) {
        const PlanEntity &e = plan.entities.at(i);
        EntityBody *body = entities.body(i);
        if (!body || !isDrivable(e))
            continue;
        Vehicle v;
        for (int k = 0; k < plan.actions.size(); ++k) {
            const PlanAction &a = plan.actions.at(k);
            if (a.actor == e.id && (a.verb == QLatin1String("walk") || a.verb == QLatin1String("run")))
                v.actions << k;
        }
        if (v.actions.isEmpty())
            continue;
        v.entity = i;
        v.paths.resize(v.actions.size());
        const double width = std::max(e.size.x, 0.01), length = std::max(e.size.z, 0.01);
        v.mover = Mover{width / 2, length / 2, 0};
        v.turnRadius = std::max(3.0, 1.1 * length); // a car 4.5 m long turns in a 5 m circle
        v.friction = double(body->body->getFriction());
        v.lastOrigin = fromBt(body->body->getWorldTransform().getOrigin());
        addWheelMarkers(*body);
        m_vehicles << v;
    }
}

int VehicleDrives::activeAction(const Vehicle &v, double t) const
{
    int active = -1; // a later action overrides an earlier one that still runs
    for (int k = 0; k < v.actions.size(); ++k) {
        const PlanAction &a = m_plan.actions.at(v.actions.at(k));
        const double end = a.durationSeconds > 0 ? a.startSeconds + a.durationSeconds : 1e30;
        if (t + 1e-9 >= a.startSeconds && t < end)
            active = k;
    }
    return active;
}

void VehicleDrives::engage(Vehicle &v, bool on)
{
    btRigidBody *body = m_entities.body(v.entity)->body;
    v.engaged = on;
    body->setFriction(btScalar(on ? 0.0 : v.friction));
    body->setAngularFactor(on ? btVector3(0, 1, 0) : btVector3(1, 1, 1));
    body->activate(true);
}

void VehicleDrives::beforeStep(double t, double dt, const std::function<Vec3(int)> &positionOf)
{
    for (Vehicle &v : m_vehicles) {
        EntityBody &b = *m_entities.body(v.entity);
        // The wheels roll with the ground covered since the last step, forward or backward.
        const Vec3 origin = fromBt(b.body->getWorldTransform().getOrigin());
        if (b.wheelRadius > 0) {
            const double rolled = dot(origin - v.lastOrigin, headingDirection(headingOfBody(b.body))) / b.wheelRadius;
            b.wheelTurnRad = std::fmod(b.wheelTurnRad + rolled, 2 * kPi);
        }
        v.lastOrigin = origin;
        steer(v, t, dt, positionOf);
    }
}

void VehicleDrives::steer(Vehicle &v, double t, double dt, const std::function<Vec3(int)> &positionOf)
{
    const int k = activeAction(v, t);
    if (k < 0 && !v.engaged)
        return; // parked: a plain body until its drive starts
    btRigidBody *body = m_entities.body(v.entity)->body;
    const PlanEntity &self = m_plan.entities.at(v.entity);
    const double heading = headingOfBody(body);
    const Vec3 forward = headingDirection(heading);
    const Vec3 centre = fromBt(body->getWorldTransform().getOrigin());
    const Vec3 velocity = fromBt(body->getLinearVelocity());

    double goal = 0;
    Vec3 direction = forward; // no target: on along its heading, across the frame when side-on
    if (k >= 0) {
        const PlanAction &a = m_plan.actions.at(v.actions.at(k));
        goal = cruiseSpeed(self) * a.intensity;
        const int target = m_plan.indexOf(a.target);
        if (target >= 0 && target != v.entity) {
            // "Drives to the house" (no path) stops in front of it, as "toward" does.
            const QString path = a.path.isEmpty() ? QStringLiteral("toward") : a.path;
            const Footprint footprint = Footprint::of(m_plan.entities.at(target), positionOf(target));
            Mover mover = v.mover;
            mover.turnDegPerS = goal / v.turnRadius * 180 / kPi;
            PathState &state = v.paths[k];
            if (!state.started)
                startPath(state, path, centre, mover, &footprint, goal, {}, m_set, forward);
            const Steer s = steerPath(state, path, centre, mover, &footprint, dt);
            direction = s.direction;
            goal = std::min(goal, s.speedCap);
        }
    }
    // Stop inside the set, braking a little under the limit so there is headroom.
    goal = std::min(goal, std::sqrt(2 * 0.75 * kBrake * runToEdge(centre, forward, v.mover.halfLength, m_set)));

    double speed = std::max(0.0, dot(velocity, forward));
    if (!v.engaged && t < 1e-9 && m_plan.newScene && speed < 0.05)
        speed = goal; // a new scene cuts into a drive already under way
    speed += std::clamp(goal - speed, -kBrake * dt, kAccelerate * dt);
    if (k < 0 && speed < 0.05) { // the drive is over and it has stopped: parked again
        body->setLinearVelocity(btVector3(0, btScalar(velocity.y), 0));
        body->setAngularVelocity(btVector3(0, 0, 0));
        engage(v, false);
        return;
    }
    if (!v.engaged)
        engage(v, true);

    // Bicycle model: the yaw rate is at most speed / turning radius, so it never turns on the spot.
    double yawDeg = 0;
    if (speed > 1e-3) {
        const double most = speed / v.turnRadius * dt * 180 / kPi;
        yawDeg = std::clamp(wrapDegrees(headingOf(direction) - heading), -most, most);
    }
    Vec3 move = headingDirection(heading + yawDeg / 2) * speed;
    move.y = velocity.y; // gravity and the ground keep it down
    body->activate(true);
    body->setLinearVelocity(toBt(move));
    body->setAngularVelocity(btVector3(0, btScalar(yawDeg * kPi / 180 / dt), 0));
}

} // namespace kinora::engine::world
