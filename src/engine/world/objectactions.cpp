// ObjectActions: holding a ball means placing it in the hands each step with collisions against
// the holder switched off; they come back on half a second after release, once the ball is clear.
#include "engine/world/objectactions.h"

#include "engine/world/motionpaths.h"
#include "engine/world/worldmath.h"

#include <algorithm>

namespace kinora::engine::world {

namespace {

bool isVerb(const PlanAction &a, std::initializer_list<const char *> verbs)
{
    for (const char *v : verbs)
        if (a.verb == QLatin1String(v))
            return true;
    return false;
}

/// A stable 0..1 number per plan seed and action, so a miss is not the same miss every shot.
double variation(std::uint32_t seed, int index)
{
    std::uint32_t h = seed * 747796405u + std::uint32_t(index) * 2891336453u + 1u;
    h ^= h >> 17;
    h *= 0xed5ad4bbu;
    h ^= h >> 11;
    return double(h % 1000) / 999.0;
}

constexpr double kShootRelease = 0.4; ///< s from picking up the ball to releasing a shot
constexpr double kThrowRelease = 0.3;
constexpr double kKickContact = 0.33; ///< s from the start of the kick to the foot meeting the ball

} // namespace

Vec3 ballisticVelocity(const Vec3 &from, const Vec3 &to, double elevationDeg, double gravity)
{
    Vec3 flat = to - from;
    flat.y = 0;
    const double d = length(flat), dy = to.y - from.y;
    if (gravity <= 0 || d < 1e-6) // space, or straight up: fly straight there at 6 m/s
        return normalized(to - from, {0, 1, 0}) * 6.0;
    // Raise the angle until the target is below the launch line (otherwise no parabola reaches it).
    double angle = elevationDeg * kPi / 180.0;
    const double minAngle = std::atan2(dy, d) + 8 * kPi / 180.0;
    angle = std::clamp(std::max(angle, minAngle), -1.2, 1.45);
    const double c = std::cos(angle);
    const double denom = 2 * c * c * (d * std::tan(angle) - dy);
    const double speed = std::sqrt(gravity * d * d / std::max(denom, 1e-6));
    const Vec3 dir = flat * (1.0 / d);
    return dir * (speed * c) + Vec3{0, speed * std::sin(angle), 0};
}

void setLaunchVelocity(btRigidBody *body, const Vec3 &velocity, double gravity, double dt)
{
    body->activate(true);
    body->setLinearVelocity(toBt(velocity + Vec3{0, gravity * dt / 2, 0}));
}

ObjectActions::ObjectActions(const ScenePlan &plan, SimEntities &entities, PhysicsScene &scene, const StageSet &set)
    : m_plan(plan), m_entities(entities), m_scene(scene), m_set(set)
{
    for (int i = 0; i < plan.actions.size(); ++i) {
        const PlanAction &a = plan.actions.at(i);
        if (!isVerb(a, {"throw", "shoot", "kick", "roll", "drop", "bounce", "push", "collide", "fall"}))
            continue;
        Pending p;
        p.action = a;
        p.index = i;
        p.actor = plan.indexOf(a.actor);
        p.object = plan.indexOf(a.object);
        p.target = plan.indexOf(a.target);
        // "the ball bounces", "the vase falls": the actor is the body itself.
        if (p.object < 0 && m_entities.body(p.actor))
            p.object = p.actor, p.actor = -1;
        if (!m_entities.body(p.object) || m_entities.body(p.object)->body->isStaticOrKinematicObject()) {
            if (!isVerb(a, {"collide"}))
                continue;
        }
        m_pending.append(p);
    }
}

void ObjectActions::ignoreCollisions(btRigidBody *a, btRigidBody *b, bool ignore)
{
    a->setIgnoreCollisionCheck(b, ignore);
    b->setIgnoreCollisionCheck(a, ignore);
    // Drop any cached contact between them so no stale point pushes the ball out of the hands.
    m_scene.dynamics().getBroadphase()->getOverlappingPairCache()->cleanProxyFromPairs(
        a->getBroadphaseHandle(), m_scene.dynamics().getDispatcher());
}

Vec3 ObjectActions::holdPoint(const Pending &p)
{
    FigureRig *rig = m_entities.rig(p.actor);
    const EntityBody *body = m_entities.body(p.object);
    const double r = body->halfHeight;
    if (isVerb(p.action, {"kick"}))
        return rig->frontOfFeet(0.2 * rig->height() + r, r);
    if (isVerb(p.action, {"roll"}))
        return rig->frontOfFeet(0.3 * rig->height() + r, r);
    return rig->handPoint(p.action.verb);
}

Vec3 ObjectActions::aimPoint(const Pending &p, const Vec3 &from)
{
    int target = p.target;
    if (target < 0 && isVerb(p.action, {"shoot"})) // "shoots" with no target: at the first hoop
        for (int i = 0; i < m_plan.entities.size() && target < 0; ++i)
            if (m_entities.hoop(i))
                target = i;
    if (const HoopGeometry *hoop = m_entities.hoop(target)) {
        if (p.action.succeeds)
            return hoop->rimCentre;
        // A miss: aim 0.25-0.35 m past the rim centre toward the board, so the ball meets the back
        // of the rim or the glass and rebounds; what happens then is up to the physics. Half the
        // misses aim 0.7 m higher too: they strike the glass high enough to rebound out over the
        // front of the rim (lower, they bank in).
        const double u = variation(m_plan.seed, p.index);
        return hoop->rimCentre - hoop->boardNormal * (0.25 + 0.1 * u) + Vec3{0, u >= 0.5 ? 0.7 : 0.0, 0};
    }
    Vec3 aim;
    if (target >= 0) {
        aim = m_entities.basePosition(target, m_plan);
        const PlanEntity &e = m_plan.entities.at(target);
        aim.y += e.shape == QLatin1String("figure") ? 0.7 * e.size.y : 0.5 * e.size.y;
    } else {
        FigureRig *rig = m_entities.rig(p.actor);
        const Vec3 ahead = rig ? headingDirection(rig->headingDeg()) : Vec3{0, 0, -1};
        aim = from + ahead * (6.0 * p.action.intensity); // "throws it hard": further
        aim.y = 0;
    }
    if (!p.action.succeeds) { // miss to the side by a metre
        const Vec3 across = normalized(cross(Vec3{0, 1, 0}, aim - from), {1, 0, 0});
        aim = aim + across * 1.0;
    }
    return aim;
}

// Which way a kick or roll sends a thing along the ground: at its target, away from it, or across
// the frame ("rolls across the floor") where the run is clearest.
Vec3 ObjectActions::groundDirection(const Pending &p, const Vec3 &from)
{
    FigureRig *rig = m_entities.rig(p.actor);
    const Vec3 facing = rig ? headingDirection(rig->headingDeg()) : Vec3{1, 0, 0};
    const QString &path = p.action.path;
    if (path == QLatin1String("across") || path == QLatin1String("along")) {
        QList<Footprint> obstacles;
        for (int i = 0; i < m_plan.entities.size(); ++i) {
            const Vec3 at = m_entities.basePosition(i, m_plan);
            if (i != p.object && i != p.actor && at.y < 0.5)
                obstacles << Footprint::of(m_plan.entities.at(i), at);
        }
        const EntityBody *body = m_entities.body(p.object);
        return lateralDirection(from, body ? body->halfHeight : 0.2, obstacles, m_set, rig ? facing : Vec3{});
    }
    Vec3 dir = aimPoint(p, from) - from;
    if (path == QLatin1String("away") && p.target >= 0)
        dir = from - m_entities.basePosition(p.target, m_plan);
    dir.y = 0;
    return normalized(dir, facing);
}

void ObjectActions::start(Pending &p, double t)
{
    FigureRig *rig = m_entities.rig(p.actor);
    const PlanAction &a = p.action;
    if (isVerb(a, {"push", "collide", "fall"})) {
        p.stage = Stage::Done;
        EntityBody *body = m_entities.body(p.object);
        if (isVerb(a, {"push"}) && body) {
            Vec3 dir = m_entities.basePosition(p.object, m_plan) - (rig ? rig->basePosition() : Vec3{});
            dir.y = 0;
            dir = normalized(dir, rig ? headingDirection(rig->headingDeg()) : Vec3{1, 0, 0});
            // A 40 N*s shove ("pushes hard": more, "gently": less).
            const double dv = std::min(3.0, 40.0 * double(body->body->getInvMass())) * a.intensity;
            setLaunchVelocity(body->body, fromBt(body->body->getLinearVelocity()) + dir * dv, m_scene.gravity(),
                              m_scene.stepSeconds());
            if (rig)
                rig->release(PoseInput::Follow::Throw, t);
        } else if (isVerb(a, {"collide"})) {
            // Two bodies sent at each other at 3 m/s each (figures run by themselves).
            EntityBody *other = m_entities.body(p.target);
            if (body && other) {
                const Vec3 d = normalized(m_entities.basePosition(p.target, m_plan) -
                                          m_entities.basePosition(p.object, m_plan), {1, 0, 0});
                setLaunchVelocity(body->body, d * 3.0, m_scene.gravity(), m_scene.stepSeconds());
                if (!other->body->isStaticOrKinematicObject())
                    setLaunchVelocity(other->body, d * -3.0, m_scene.gravity(), m_scene.stepSeconds());
            }
        } else if (body) { // fall: tip it over
            body->body->activate(true);
            const Vec3 side = rig ? headingDirection(rig->headingDeg()) : Vec3{1, 0, 0};
            body->body->setAngularVelocity(toBt(cross(Vec3{0, 1, 0}, side) * 2.5));
        }
        return;
    }
    if (!rig) { // nobody holds it: it leaves from where it is, now
        release(p, t);
        return;
    }
    EntityBody *body = m_entities.body(p.object);
    if (p.target >= 0 || isVerb(a, {"shoot"}))
        rig->face(aimPoint(p, rig->basePosition()));
    ignoreCollisions(body->body, rig->collider(), true);
    p.stage = Stage::Holding;
    p.releaseAt = t + (isVerb(a, {"shoot"}) ? kShootRelease : isVerb(a, {"kick"}) ? kKickContact : kThrowRelease);
    if (isVerb(a, {"kick"}))
        rig->kick(p.releaseAt);
    holdStep(p);
}

void ObjectActions::holdStep(Pending &p)
{
    EntityBody *body = m_entities.body(p.object);
    const Vec3 at = holdPoint(p);
    btTransform t = body->body->getWorldTransform();
    t.setOrigin(toBt(at));
    body->body->setWorldTransform(t);
    body->body->setLinearVelocity(btVector3(0, 0, 0));
    body->body->setAngularVelocity(btVector3(0, 0, 0));
    body->body->activate(true);
    if (!isVerb(p.action, {"kick", "roll"}))
        m_entities.rig(p.actor)->hold(at);
}

void ObjectActions::release(Pending &p, double t)
{
    EntityBody *body = m_entities.body(p.object);
    FigureRig *rig = m_entities.rig(p.actor);
    const PlanAction &a = p.action;
    const Vec3 from = fromBt(body->body->getWorldTransform().getOrigin());
    const double g = m_scene.gravity(), dt = m_scene.stepSeconds();
    Vec3 velocity;
    Vec3 spin;
    PoseInput::Follow follow = PoseInput::Follow::Throw;
    if (isVerb(a, {"shoot", "throw"})) {
        const bool pass = p.target >= 0 && m_plan.entities.at(p.target).shape == QLatin1String("figure");
        const Vec3 aim = aimPoint(p, from);
        double angle = isVerb(a, {"shoot"}) ? 50 : pass ? 25 : 40;
        if (isVerb(a, {"throw"})) // "throws it hard": flatter and faster; "gently": a lob
            angle = std::clamp(angle - 15 * (a.intensity - 1), 10.0, 60.0);
        if (isVerb(a, {"shoot"})) {
            // Release at ~50 degrees, steeper when needed so the ball comes down into the rim at
            // 40 degrees or more (flatter entries clip the front rim). A parabola from the release
            // to the rim has entry slope tan(release) - 2 dy / d.
            const double d = std::hypot(aim.x - from.x, aim.z - from.z), dy = aim.y - from.y;
            if (d > 1e-6)
                angle = std::max(angle, std::atan(std::tan(40 * kPi / 180) + 2 * dy / d) * 180 / kPi);
        }
        velocity = ballisticVelocity(from, aim, angle, g);
        follow = isVerb(a, {"shoot"}) ? PoseInput::Follow::Shoot : PoseInput::Follow::Throw;
    } else if (isVerb(a, {"kick", "roll"})) {
        const Vec3 dir = groundDirection(p, from);
        const double speed = (isVerb(a, {"kick"}) ? 8.0 : 3.0) * a.intensity;
        velocity = dir * speed;
        follow = PoseInput::Follow::Low;
        if (body->isSphere) // rolling without slipping: omega = v / r about up x dir
            spin = cross(Vec3{0, 1, 0}, dir) * (speed / body->radius);
    } else if (isVerb(a, {"bounce"})) {
        velocity = {0, from.y - body->halfHeight > 0.3 ? -3.0 : 4.0, 0};
    }
    setLaunchVelocity(body->body, velocity, g, dt);
    body->body->setAngularVelocity(toBt(spin));
    if (rig)
        rig->release(follow, t);
    p.stage = rig ? Stage::Flying : Stage::Done;
    p.ignoreUntil = t + 0.5;
}

void ObjectActions::beforeStep(double t)
{
    for (Pending &p : m_pending) {
        if (p.stage == Stage::Waiting && t + 1e-9 >= p.action.startSeconds)
            start(p, t);
        if (p.stage == Stage::Holding) {
            if (t + 1e-9 >= p.releaseAt)
                release(p, t);
            else
                holdStep(p);
        }
        if (p.stage == Stage::Flying && t >= p.ignoreUntil) {
            ignoreCollisions(m_entities.body(p.object)->body, m_entities.rig(p.actor)->collider(), false);
            p.stage = Stage::Done;
        }
    }
}

} // namespace kinora::engine::world
