// WaterPhysics: buoyancy (rho_water * g * submerged volume), linear and quadratic drag for bodies in
// the water volume, and a "splash" event when a body enters the water from above.
#pragma once

#include "engine/world/entitybodies.h"
#include "engine/world/stageset.h"

#include <vector>

namespace kinora::engine::world {

class WaterPhysics
{
public:
    static constexpr double kWaterDensity = 1000; ///< kg/m^3 (fresh water; sea water is 2% denser)

    WaterPhysics(const WaterVolume &water, double gravity, int fps);

    /// @brief Applies this step's buoyancy force and drag to every dynamic body in water.
    void applyForces(const std::vector<EntityBody> &bodies, double dt);
    /// @brief After a step: a body whose bottom went below the surface from above splashes.
    void detectSplashes(const std::vector<EntityBody> &bodies, const PhysicsScene &scene, double time,
                        QList<ContactEvent> &events);

    /// @brief The fraction (0..1) of a body's volume below the water surface.
    double submergedFraction(const EntityBody &body) const;

private:
    WaterVolume m_water;
    double m_gravity;
    int m_fps;
    std::vector<char> m_below; ///< per body: its bottom was under the surface after the last step
};

} // namespace kinora::engine::world
