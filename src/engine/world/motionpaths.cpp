// Motion paths. "Past" is planned once as waypoints (into a lane beside the target, clear of its
// footprint, then on beyond it); follow, toward, away and around steer toward the target's
// position of this step, so a moving target is followed.
#include "engine/world/motionpaths.h"

#include <algorithm>

namespace kinora::engine::world {

namespace {

constexpr double kLaneGap = 0.5;     // m between a passer's body and the thing passed
constexpr double kFollowGap = 0.5;   // a chaser stops this far from what it caught up with
constexpr double kTowardGap = 1.2;   // "toward" stops in front of the target, not beside it
constexpr double kBrakeDecel = 4.0;  // m/s^2 when stopping at a target
constexpr double kOrbitGap = 0.6;    // around: circle this far outside the target's corners

Vec3 flat(Vec3 v)
{
    v.y = 0;
    return v;
}

double sign(double v)
{
    return v < 0 ? -1.0 : 1.0;
}

// Past a target along direction d: enter a lane beside it on side n (the side the mover is on
// when it is clearly to one side, else the camera's side), go along the lane, keep going. The lane
// keeps the mover's half width clear; its half length decides when it is alongside and beyond.
void planPass(PathState &state, const Vec3 &self, const Mover &mover, const Footprint &target, const Vec3 &d)
{
    Vec3 n{-d.z, 0, d.x};
    const Vec3 rel = flat(self - target.centre);
    const double u = dot(rel, d), v = dot(rel, n);
    const double reachD = target.reach(d), reachN = target.reach(n);
    const bool alongside = std::abs(u) < reachD + mover.halfLength + 0.05;
    if (alongside || std::abs(v) > reachN + mover.halfWidth)
        n = n * sign(v);
    else if (std::abs(n.z) > 1e-9)
        n = n * sign(n.z); // toward the camera (+z)
    const double lane = reachN + mover.halfWidth + kLaneGap;
    const double entry = -(reachD + mover.halfLength + 0.3 + state.accept);
    const double exit = reachD + mover.halfLength + 0.3;
    state.onward = d;
    if (u >= exit)
        return; // already beyond it
    // Before its near end: into the lane first, straight sideways when already close to that end,
    // so the way into the lane never cuts across the footprint.
    if (u < -(reachD + mover.halfLength + 0.05))
        state.waypoints << target.centre + d * std::max(u, entry) + n * lane;
    state.waypoints << target.centre + d * exit + n * lane;
}

} // namespace

Footprint Footprint::of(const PlanEntity &entity, const Vec3 &position)
{
    Footprint f;
    f.centre = flat(position);
    f.halfX = entity.size.x / 2;
    f.halfZ = entity.size.z / 2;
    f.headingDeg = entity.headingDeg;
    return f;
}

double Footprint::reach(const Vec3 &direction) const
{
    const Vec3 local = rotate(yawQuat(-headingDeg), normalized(flat(direction), {1, 0, 0}));
    return std::abs(local.x) * halfX + std::abs(local.z) * halfZ;
}

bool Footprint::contains(const Vec3 &point, double margin) const
{
    const Vec3 local = rotate(yawQuat(-headingDeg), flat(point - centre));
    return std::abs(local.x) < halfX + margin && std::abs(local.z) < halfZ + margin;
}

bool nearStageEdge(const Vec3 &point, const StageSet &set)
{
    return std::abs(point.x) > set.halfWidth - 0.8 || point.z < set.backZ + 0.8 || point.z > set.frontZ - 0.8;
}

Vec3 lateralDirection(const Vec3 &from, double radius, const QList<Footprint> &obstacles, const StageSet &set,
                      const Vec3 &facing)
{
    // Free distance along +x and -x, sampled every 0.2 m up to 40 m.
    const auto clearRun = [&](double sx) {
        double run = 0;
        for (; run < 40; run += 0.2) {
            const Vec3 p = from + Vec3{sx * (run + 0.2), 0, 0};
            if (nearStageEdge(p, set))
                break;
            bool blocked = false;
            for (const Footprint &f : obstacles)
                blocked = blocked || f.contains(p, radius + 0.1);
            if (blocked)
                break;
        }
        return run;
    };
    const double right = clearRun(1), left = clearRun(-1);
    if (std::abs(right - left) > 0.5)
        return {right > left ? 1.0 : -1.0, 0, 0};
    if (std::abs(facing.x) > 0.5)
        return {sign(facing.x), 0, 0};
    return {from.x > 0 ? -1.0 : 1.0, 0, 0};
}

void startPath(PathState &state, const QString &path, const Vec3 &self, const Mover &mover, const Footprint *target,
               double speed, const QList<Footprint> &obstacles, const StageSet &set, const Vec3 &facing)
{
    state = PathState{};
    state.started = true;
    state.onward = normalized(flat(facing), {0, 0, 1});
    // A fast mover turns wide (400 degrees/s at most for a walker), so it counts a waypoint as
    // reached sooner.
    state.accept = std::max(0.35, 1.2 * speed / (std::max(mover.turnDegPerS, 1.0) * kPi / 180));
    const bool across = path == QLatin1String("across"), along = path == QLatin1String("along");
    if (!target) {
        state.onward = (across || along) ? lateralDirection(self, mover.halfWidth, obstacles, set, facing) : facing;
        return;
    }
    const Vec3 toTarget = flat(target->centre - self);
    Vec3 d;
    if (path == QLatin1String("past")) {
        // Past it across the frame when it is off to one side, else past it in depth.
        d = std::abs(toTarget.x) >= 0.5 ? Vec3{sign(toTarget.x), 0, 0} : Vec3{0, 0, sign(toTarget.z)};
    } else if (across) {
        d = {std::abs(toTarget.x) > 1e-6 ? sign(toTarget.x) : 1.0, 0, 0};
    } else if (along) {
        // Along its length: the longer side of its footprint, in the direction that covers it.
        const Vec3 axis = headingDirection(target->headingDeg + (target->halfZ >= target->halfX ? 0 : 90));
        d = dot(axis, toTarget) >= 0 ? axis : axis * -1.0;
    } else {
        return; // follow, toward, away, around steer afresh every step
    }
    planPass(state, self, mover, *target, d);
}

Steer steerPath(PathState &state, const QString &path, const Vec3 &self, const Mover &mover, const Footprint *target,
                double dt)
{
    Steer s;
    const Vec3 here = flat(self);
    if (!state.waypoints.isEmpty() || path == QLatin1String("past") || !target || path == QLatin1String("across")
        || path == QLatin1String("along")) {
        // Waypoints in order; the last one (beyond the target) also counts once it is behind us.
        while (!state.waypoints.isEmpty()) {
            const Vec3 to = flat(state.waypoints.first() - here);
            const bool last = state.waypoints.size() == 1;
            if (length(to) < state.accept || (last && dot(to, state.onward) <= 0))
                state.waypoints.removeFirst();
            else
                break;
        }
        s.direction = state.waypoints.isEmpty() ? state.onward
                                                : normalized(flat(state.waypoints.first() - here), state.onward);
        return s;
    }
    const Vec3 toTarget = flat(target->centre - here);
    const double dist = length(toTarget);
    const Vec3 ahead = normalized(toTarget, state.onward);
    if (path == QLatin1String("away")) {
        s.direction = normalized(here - target->centre, state.onward);
    } else if (path == QLatin1String("around")) {
        // Circle at a fixed radius: the tangent, bent in or out toward that radius.
        const double radius = std::hypot(target->halfX, target->halfZ) + mover.halfWidth + kOrbitGap;
        const Vec3 out = ahead * -1.0;
        const Vec3 tangent{out.z, 0, -out.x};
        s.direction = normalized(tangent + out * std::clamp((radius - dist) / 0.8, -1.5, 1.5), tangent);
    } else { // follow, toward: go to it and brake so as to stop short of its footprint
        const double gap = path == QLatin1String("toward") ? kTowardGap : kFollowGap;
        const double stop = gap + target->reach(ahead) + mover.halfLength; // its nose stops short
        // A chaser keeps pace with what it follows: the braking speed is on top of the speed at
        // which the target moves away, so a rolling ball is caught and then accompanied.
        double away = 0;
        if (path == QLatin1String("follow") && state.tracking && dt > 0)
            away = std::max(0.0, dot(flat(target->centre - state.lastTarget), ahead) / dt);
        state.lastTarget = target->centre;
        state.tracking = true;
        s.direction = ahead;
        s.speedCap = away + (dist <= stop ? 0 : std::sqrt(2 * kBrakeDecel * (dist - stop)));
    }
    return s;
}

} // namespace kinora::engine::world
