// VehicleDrives: vehicles that the plan's walk and run actions move ("a red car drives along the
// street"). A driven vehicle stays a dynamic body: each step sets its velocity along its heading and
// turns it no tighter than its turning circle; gravity keeps it on the ground, Bullet keeps it out
// of what it meets, and its wheels roll with the distance it covers.
#pragma once

#include "engine/world/motionpaths.h"
#include "engine/world/simentities.h"
#include "engine/world/stageset.h"

#include <functional>

namespace kinora::engine::world {

/// @brief True for an entity the World drives when it walks or runs: a vehicle not fixed in place.
bool isDrivable(const PlanEntity &entity);

/// @brief A vehicle's cruising speed on a street at intensity 1 (m/s): a car 8, a bus 7, a bike 5.
double cruiseSpeed(const PlanEntity &vehicle);

class VehicleDrives
{
public:
    /// @brief Finds the vehicles that drive in @p plan and gives their wheels markers.
    VehicleDrives(const ScenePlan &plan, SimEntities &entities, const StageSet &set);

    /// @brief Sets each driven vehicle's velocity for the step [t, t + dt); positionOf(entity) is
    /// where an entity's base is now (targets move).
    void beforeStep(double t, double dt, const std::function<Vec3(int)> &positionOf);

    /// Braking (m/s^2): the stage's edge and the end of a drive stop a vehicle this hard at most.
    static constexpr double kBrake = 6.0;
    /// Pulling away from a standstill (m/s^2).
    static constexpr double kAccelerate = 3.5;

private:
    struct Vehicle
    {
        int entity = -1;
        QList<int> actions;     ///< plan.actions indices of its walk and run actions
        QList<PathState> paths; ///< per entry of actions
        Mover mover;
        double turnRadius = 5;  ///< m: its tightest turning circle
        double friction = 0.5;  ///< its own, restored when it stops
        bool engaged = false;   ///< under the drive's control (else a plain body)
        Vec3 lastOrigin;        ///< for the wheels: how far it went since the last step
    };

    int activeAction(const Vehicle &v, double t) const;
    void steer(Vehicle &v, double t, double dt, const std::function<Vec3(int)> &positionOf);
    void engage(Vehicle &v, bool on);

    const ScenePlan &m_plan;
    SimEntities &m_entities;
    const StageSet &m_set;
    QList<Vehicle> m_vehicles;
};

} // namespace kinora::engine::world
