// Motion paths: how a figure steers along PlanAction::path (past, follow, toward, away, around,
// across, along) and which way "across the floor" goes. Pure geometry on the ground plane, so the
// FigureRig (walkers), the VehicleDrives and the ObjectActions (rolled and kicked things) share
// one set of rules.
#pragma once

#include "engine/world/stageset.h"
#include "engine/world/worldmath.h"

#include <QList>
#include <QString>

namespace kinora::engine::world {

/// A thing's footprint on the ground: an oriented rectangle.
struct Footprint
{
    Vec3 centre;
    double halfX = 0, halfZ = 0; ///< half extents along the thing's own x and z
    double headingDeg = 0;

    static Footprint of(const PlanEntity &entity, const Vec3 &position);
    /// @brief Distance from the centre to the edge along a ground direction.
    double reach(const Vec3 &direction) const;
    /// @brief True when @p point (ground plane) lies within @p margin of the rectangle.
    bool contains(const Vec3 &point, double margin) const;
};

/// How big a thing on a path is and how sharply it turns. A walker is round (both halves its
/// radius); a vehicle is long: lanes keep its half width clear, and its nose is half its length
/// ahead of its centre when it stops short of a target.
struct Mover
{
    double halfWidth = 0.25;  ///< m across the direction of travel
    double halfLength = 0.25; ///< m along it
    double turnDegPerS = 400; ///< the fastest it turns at the speed it is about to move at
};

/// What a figure on a path does this step.
struct Steer
{
    Vec3 direction;        ///< unit, on the ground
    double speedCap = 1e9; ///< m/s; braking so it stops short of a target (follow, toward)
};

/// One action's path, planned when it starts and kept between steps.
struct PathState
{
    bool started = false;
    QList<Vec3> waypoints; ///< past: into the lane beside the target, then beyond it
    Vec3 onward;           ///< the direction after the waypoints, or the fixed one (across, along)
    double accept = 0.35;  ///< m: a waypoint counts as reached this close
    Vec3 lastTarget;       ///< follow: where the target was last step, for its speed
    bool tracking = false;
};

/// @brief Plans @p path from @p self (its size @p mover, about to move at @p speed m/s).
/// @p target is null when the action has none; @p obstacles are the other things on the ground;
/// @p facing is the way the figure faces now.
void startPath(PathState &state, const QString &path, const Vec3 &self, const Mover &mover, const Footprint *target,
               double speed, const QList<Footprint> &obstacles, const StageSet &set, const Vec3 &facing);

/// @brief The direction (and speed limit) for this step (@p dt seconds) of a started path.
Steer steerPath(PathState &state, const QString &path, const Vec3 &self, const Mover &mover, const Footprint *target,
                double dt);

/// @brief "Across the floor": +x or -x, whichever has the longer clear run from @p from (a corridor
/// @p radius wide past @p obstacles, inside the stage); ties go toward the side @p facing points
/// to, else toward the middle of the stage.
Vec3 lateralDirection(const Vec3 &from, double radius, const QList<Footprint> &obstacles, const StageSet &set,
                      const Vec3 &facing);

/// @brief True when @p point is too close to the stage's edge to go on (0.8 m margin).
bool nearStageEdge(const Vec3 &point, const StageSet &set);

} // namespace kinora::engine::world
