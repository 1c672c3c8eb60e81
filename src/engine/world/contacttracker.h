// ContactTracker: turns Bullet's contact manifolds into the plan's ContactEvents: an impact when a
// pair starts touching (again), rolling ticks while a ball rolls on the floor.
#pragma once

#include "engine/world/physicsscene.h"
#include "engine/worldtrack.h"

#include <set>
#include <utility>
#include <vector>

namespace kinora::engine::world {

class ContactTracker
{
public:
    ContactTracker(PhysicsScene &scene, int fps);

    /// @brief Remembers every body's velocity before the step (impact speeds are measured before).
    void beforeStep();
    /// @brief Reads the manifolds of the step that began at stepStart; appends new events.
    void afterStep(double stepStart, QList<ContactEvent> &events);

    /// Slower approaches than this are resting contact, not an impact (m/s).
    static constexpr double kMinImpactSpeed = 0.05;
    /// A rolling ball reports a "roll" tick this often (s).
    static constexpr double kRollInterval = 0.1;

private:
    struct Snapshot
    {
        btVector3 linear, angular, origin;
    };
    btVector3 pointVelocity(int body, const btVector3 &point) const;

    PhysicsScene &m_scene;
    int m_fps;
    std::vector<Snapshot> m_before;
    std::set<std::pair<int, int>> m_touching;
    std::vector<double> m_nextRoll; ///< per body: when its next roll tick is due
};

} // namespace kinora::engine::world
