// FigureRig: locomotion (walk ~1.4 m/s, run ~4 m/s toward a target or across the stage), ballistic
// jumps, sitting, gestures and speech; the gait phase advances with distance so feet never skate.
#include "engine/world/figurerig.h"

#include "engine/world/creaturepose.h"
#include "engine/world/worldmath.h"

#include <algorithm>

namespace kinora::engine::world {

namespace {

struct Speeds
{
    double walk, run, cycleWalk, cycleRun; ///< m/s, and metres travelled per gait cycle
};

Speeds speedsFor(const QString &shape, const Vec3 &size)
{
    if (shape == QLatin1String("figure"))
        return {1.4, 4.0, 0.88 * size.y, 1.6 * size.y};
    if (shape == QLatin1String("bird"))
        return {0.5, 1.5, 6 * size.y, 10 * size.y};
    if (shape == QLatin1String("fish"))
        return {0.6, 2.0, 2 * size.z, 3 * size.z};
    return {1.4, 5.0, 1.3 * size.z, 2.4 * size.z}; // quadruped
}

// Stride (and step length) as a fraction of a normal walk's, for speeds below walking.
double slowStride(double speed, double walk)
{
    return speed >= walk ? 1.0 : std::sqrt(std::max(speed / walk, 0.09));
}

double approach(double value, double goal, double maxStep)
{
    return value + std::clamp(goal - value, -maxStep, maxStep);
}

double wrapDegrees(double d)
{
    while (d > 180)
        d -= 360;
    while (d < -180)
        d += 360;
    return d;
}

} // namespace

struct FigureRig::Motion
{
    double speed = 0;
    int target = -1;
    int action = -1; ///< index into m_actions of the move
    QString path;
    Vec3 direction;
    double sit = 0, dance = 0, wave = 0, talk = 0;
};

FigureRig::FigureRig(const ScenePlan &plan, int index, const StageSet &set, PhysicsScene &scene)
    : m_plan(plan), m_set(set), m_entity(index)
{
    const PlanEntity &e = plan.entities.at(index);
    m_shape = e.shape;
    m_person = e.shape == QLatin1String("figure");
    m_size = {std::max(e.size.x, 0.05), std::max(e.size.y, 0.05), std::max(e.size.z, 0.05)};
    m_height = m_size.y;
    m_heading = e.headingDeg;
    m_look = lookFor(e);
    m_root = e.position;
    if (m_shape == QLatin1String("fish") && m_root.y <= 0 && set.water.present)
        m_root.y = std::min(set.water.surfaceY - m_size.y - 0.3, set.water.bottomY + 1.5);
    else if (m_shape != QLatin1String("fish") && !set.floorMaterial.isEmpty())
        m_root.y = std::max(m_root.y, groundAt(m_root.z));
    m_velocity = e.velocity;
    m_speed = std::sqrt(e.velocity.x * e.velocity.x + e.velocity.z * e.velocity.z);
    for (const PlanAction &a : plan.actions)
        if (a.actor == e.id)
            m_actions.append(a);
    m_paths.resize(m_actions.size());
    // Speech: about 0.4 s per word, lines back to back unless they say when they start.
    double cursor = 0;
    for (const PlanDialogue &line : plan.dialogue) {
        const double start = line.startSeconds >= 0 ? line.startSeconds : cursor;
        const double end = start + 0.4 * std::max(1, int(line.text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size()));
        cursor = end + 0.3;
        if (line.entity == e.id)
            m_speech.append({start, end});
    }

    BodyTag tag;
    tag.entity = index;
    tag.surface = m_person ? QStringLiteral("body") : m_shape;
    tag.material = e.material;
    std::unique_ptr<btCollisionShape> shape;
    if (m_person) {
        const double r = std::clamp(std::min(m_size.x, m_size.z) / 2, 0.1, 0.3);
        shape = std::make_unique<btCapsuleShape>(btScalar(r), btScalar(std::max(0.0, m_height - 2 * r)));
    } else {
        shape = std::make_unique<btBoxShape>(toBt(m_size * 0.5));
    }
    btTransform t;
    t.setIdentity();
    m_collider = scene.addKinematic(std::move(shape), t, tag, {0.6, 0.8, 0});
    updateCollider();
    m_collider->setInterpolationWorldTransform(m_collider->getWorldTransform());
}

double FigureRig::groundAt(double z) const
{
    return m_set.water.present && !m_set.water.everywhere && z < m_set.water.beyondZ ? m_set.water.bottomY : 0.0;
}

FigureRig::Motion FigureRig::activeMotion(double t) const
{
    const Speeds speeds = speedsFor(m_shape, m_size);
    Motion m;
    for (int i = 0; i < m_actions.size(); ++i) {
        const PlanAction &a = m_actions.at(i);
        const double end = a.durationSeconds > 0 ? a.startSeconds + a.durationSeconds : 1e30;
        if (t < a.startSeconds || t >= end)
            continue;
        const QString &v = a.verb;
        if (v == QLatin1String("walk") || v == QLatin1String("run") || v == QLatin1String("collide")) {
            // "walks slowly": half the speed; the gait's cadence follows because it goes by distance.
            m.speed = (v == QLatin1String("walk") ? speeds.walk : speeds.run) * a.intensity;
            m.target = m_plan.indexOf(a.target);
            m.action = i;
            m.path = a.path;
            const PlanEntity &self = m_plan.entities.at(m_entity);
            // No target: cross the stage along the heading, or sideways when facing the camera.
            m.direction = self.headingDeg != 0 ? headingDirection(self.headingDeg)
                                               : Vec3{self.position.x <= 0 ? 1.0 : -1.0, 0, 0};
        } else if (v == QLatin1String("sit")) {
            m.sit = 1;
        } else if (v == QLatin1String("dance")) {
            m.dance = 1;
        } else if (v == QLatin1String("wave")) {
            m.wave = 1;
        } else if (v == QLatin1String("talk")) {
            m.talk = 1;
        }
    }
    for (const auto &line : m_speech)
        if (t >= line.first && t < line.second)
            m.talk = 1;
    return m;
}

void FigureRig::advance(double t, double dt, const std::function<Vec3(int)> &positionOf, QList<ContactEvent> &events)
{
    const Speeds speeds = speedsFor(m_shape, m_size);
    const Motion m = activeMotion(t);
    double desired = m.sit > 0 ? 0 : m.speed;
    Vec3 direction = m.direction;
    if (desired > 0 && !m.path.isEmpty()) {
        const Steer s = steer(m, desired, dt, positionOf);
        direction = s.direction;
        desired = nearStageEdge(m_root + direction * 0.8, m_set) ? 0 : std::min(desired, s.speedCap);
    } else if (desired > 0 && m.target >= 0) {
        Vec3 toGoal = positionOf(m.target) - m_root;
        toGoal.y = 0;
        const PlanEntity &target = m_plan.entities.at(m.target);
        const double dist = length(toGoal);
        direction = normalized(toGoal, headingDirection(m_heading));
        // Stop short of the target's footprint on the side we come from: beside a car's flank,
        // not half a car-length away from it (the old bound used the footprint's longest side).
        const Vec3 local = rotate(yawQuat(-target.headingDeg), direction);
        const double reach = std::abs(local.x) * target.size.x / 2 + std::abs(local.z) * target.size.z / 2;
        const double stop = 0.4 + reach + std::max(m_size.x, m_size.z) / 2;
        // Brake in time to stop at the target rather than overshoot it.
        desired = dist <= stop ? 0 : std::min(desired, std::sqrt(2 * 4.0 * (dist - stop)));
    } else if (desired > 0) {
        const Vec3 ahead = m_root + direction * 0.8;
        if (std::abs(ahead.x) > m_set.halfWidth || ahead.z < m_set.backZ || ahead.z > m_set.frontZ)
            desired = 0;
    }
    if (desired > 0) {
        const double turn = wrapDegrees(headingOf(direction) - m_heading);
        m_heading = wrapDegrees(m_heading + std::clamp(turn, -400 * dt, 400 * dt));
    }
    m_speed = approach(m_speed, desired, (desired > speeds.walk || m_speed > speeds.walk ? 8.0 : 4.0) * dt);
    const Vec3 forward = headingDirection(m_heading);
    m_root = m_root + forward * (m_speed * dt);
    if (m_shape != QLatin1String("fish") && !m_set.floorMaterial.isEmpty())
        m_root.y = groundAt(m_root.z);

    // Jumps: a ballistic lift of the whole figure (takeoff 2.8 m/s: about 0.4 m high).
    for (int i = 0; i < m_actions.size(); ++i) {
        const PlanAction &a = m_actions.at(i);
        if (a.verb == QLatin1String("jump") && t >= a.startSeconds && !m_jumpsDone.contains(i) && !m_airborne) {
            m_jumpsDone.append(i);
            m_airborne = true;
            m_liftSpeed = 2.8 * std::sqrt(m_height / 1.75);
        }
    }
    bool landed = false;
    if (m_airborne) {
        m_liftSpeed -= kGravity * dt;
        m_lift += m_liftSpeed * dt;
        if (m_lift <= 0) {
            m_lift = 0;
            m_airborne = false;
            landed = true;
        }
    }

    const double rampFast = dt / 0.3;
    m_sit = approach(m_sit, m.sit, dt / 0.8);
    m_dance = approach(m_dance, m.dance, rampFast);
    m_wave = approach(m_wave, m.wave, rampFast);
    m_talk = approach(m_talk, m.talk, rampFast);
    m_velocity = forward * m_speed + Vec3{0, m_airborne ? m_liftSpeed : 0.0, 0};

    // Gait: the phase follows distance, and each heel strike is a footstep.
    const double run = std::clamp((m_speed - speeds.walk) / (speeds.run - speeds.walk), 0.0, 1.0);
    // Below walking speed ("walks slowly") steps get both shorter and slower (each by the square
    // root of the speed fraction); the pose's leg swing uses the same factor, so feet do not skate.
    const double cycle = (speeds.cycleWalk + (speeds.cycleRun - speeds.cycleWalk) * run) * slowStride(m_speed, speeds.walk);
    const double before = m_phase;
    if (!m_airborne)
        m_phase += m_speed * dt / cycle;
    const bool grounded = !m_set.floorMaterial.isEmpty() && m_shape != QLatin1String("fish");
    const PlanEntity &self = m_plan.entities.at(m_entity);
    auto footstep = [&](double time, const Vec3 &at, double speed) {
        ContactEvent e;
        e.timeSeconds = time;
        e.frame = int(std::lround(time * m_plan.fps));
        e.entityA = m_entity;
        e.surfaceA = QStringLiteral("foot");
        e.surfaceB = QStringLiteral("floor");
        e.materialA = self.material;
        e.materialB = m_set.floorMaterial;
        e.normalSpeed = speed;
        e.tangentSpeed = m_speed;
        e.impulse = self.massKg * speed * 0.5;
        e.position = at;
        e.normal = {0, 1, 0};
        e.kind = QStringLiteral("footstep");
        events.append(e);
    };
    if (grounded && m_speed > 0.05) {
        for (const double strike : {0.25, 0.75}) {
            if (std::floor(before - strike) == std::floor(m_phase - strike))
                continue;
            const double frac = (std::ceil(before - strike) + strike - before) / (m_phase - before);
            const double time = t - dt + dt * std::clamp(frac, 0.0, 1.0);
            Vec3 at = m_root + rotate(yawQuat(m_heading), {strike < 0.5 ? 0.1 * m_size.x : -0.1 * m_size.x, 0, 0});
            if (m_person)
                at = posePerson(poseInput(t)).joints[strike < 0.5 ? LFoot : RFoot];
            at.y = m_root.y;
            footstep(time, at, 0.25 + 0.5 * run);
        }
    }
    if (grounded && landed) {
        footstep(t, m_root + rotate(yawQuat(m_heading), {0.1 * m_size.x, 0, 0}), 1.2);
        footstep(t, m_root + rotate(yawQuat(m_heading), {-0.1 * m_size.x, 0, 0}), 1.2);
    }
    updateCollider();
}

Steer FigureRig::steer(const Motion &m, double speed, double dt, const std::function<Vec3(int)> &positionOf)
{
    const double radius = std::max(m_size.x, m_size.z) / 2;
    const Mover mover{radius, radius, 400}; // round, and turns on the spot
    PathState &state = m_paths[m.action];
    Footprint target;
    if (m.target >= 0)
        target = Footprint::of(m_plan.entities.at(m.target), positionOf(m.target));
    if (!state.started) {
        // Things on the ground that a move across the stage should not run into.
        QList<Footprint> obstacles;
        for (int i = 0; i < m_plan.entities.size(); ++i) {
            const Vec3 at = positionOf(i);
            if (i != m_entity && i != m.target && at.y < 0.5)
                obstacles << Footprint::of(m_plan.entities.at(i), at);
        }
        startPath(state, m.path, m_root, mover, m.target >= 0 ? &target : nullptr, speed, obstacles, m_set,
                  headingDirection(m_heading));
    }
    return steerPath(state, m.path, m_root, mover, m.target >= 0 ? &target : nullptr, dt);
}

PoseInput FigureRig::poseInput(double t) const
{
    const Speeds speeds = speedsFor(m_shape, m_size);
    PoseInput in;
    in.height = m_height;
    in.root = m_root;
    in.headingDeg = m_heading;
    in.phase = m_phase;
    in.stride = m_speed <= speeds.walk ? (m_speed > 0 ? slowStride(m_speed, speeds.walk) : 0.0)
                                       : 1 + std::min(1.0, (m_speed - speeds.walk) / (speeds.run - speeds.walk));
    in.lift = m_lift;
    in.sit = m_sit;
    in.dance = m_dance;
    in.wave = m_wave;
    in.talk = m_talk;
    in.time = t;
    in.reach = m_holding;
    in.reachPoint = m_holdPoint;
    const double since = t - m_followStart;
    if (since >= 0 && since < 0.75) {
        in.follow = m_follow;
        in.followAmount = since < 0.35 ? 1.0 : 1.0 - (since - 0.35) / 0.4;
    }
    const double k = (t - m_kickContact) / 0.5 + 0.658; // 0.658: the leg passes vertical at contact
    if (k >= 0 && k <= 1)
        in.kick = k;
    return in;
}

void FigureRig::appendPrimitives(double t, QList<Primitive> &out) const
{
    const PlanEntity &e = m_plan.entities.at(m_entity);
    const PoseInput in = poseInput(t);
    if (m_person) {
        appendPersonPrimitives(posePerson(in), in, m_look, e.material, m_entity, out);
        return;
    }
    CreatureInput c;
    c.shape = m_shape;
    c.size = m_size;
    c.color = e.color;
    c.material = e.material;
    c.root = m_root;
    c.headingDeg = m_heading;
    c.phase = m_phase;
    c.stride = in.stride;
    c.lift = m_lift;
    c.time = t;
    c.talk = m_talk;
    appendCreaturePrimitives(c, m_entity, out);
}

void FigureRig::hold(const Vec3 &point)
{
    m_holding = true;
    m_holdPoint = point;
}

void FigureRig::release(PoseInput::Follow follow, double t)
{
    m_holding = false;
    m_follow = follow;
    m_followStart = t;
}

void FigureRig::kick(double contact) { m_kickContact = contact; }

void FigureRig::face(const Vec3 &point)
{
    Vec3 d = point - m_root;
    d.y = 0;
    if (length(d) > 1e-6)
        m_heading = headingOf(d);
    updateCollider();
}

Vec3 FigureRig::handPoint(const QString &verb) const
{
    const Quat yaw = yawQuat(m_heading);
    const double H = m_height;
    Vec3 local{0, 0.6 * m_size.y, 0.5 * m_size.z + 0.15};
    if (m_person) {
        if (verb == QLatin1String("shoot"))
            local = {0, 1.12 * H, 0.12 * H}; // above the head, arms up: a set shot
        else if (verb == QLatin1String("throw"))
            local = {-0.06 * H, 0.8 * H, 0.22 * H};
        else
            local = {0, 0.58 * H, 0.26 * H};
    }
    return m_root + rotate(yaw, local) + Vec3{0, m_lift, 0};
}

Vec3 FigureRig::frontOfFeet(double distance, double height) const
{
    Vec3 p = m_root + headingDirection(m_heading) * distance;
    p.y = m_root.y + height;
    return p;
}

void FigureRig::updateCollider()
{
    btTransform t;
    t.setIdentity();
    const double drop = m_person ? 0.25 * m_height * m_sit : 0.0;
    t.setOrigin(toBt(m_root + Vec3{0, m_size.y / 2 + m_lift - drop, 0}));
    t.setRotation(btQuaternion(btVector3(0, 1, 0), btScalar(m_heading * kPi / 180.0)));
    m_collider->setWorldTransform(t);
}

} // namespace kinora::engine::world
