// StageSet: the fixed part of a shot that comes from plan.environment: the floor and its material,
// walls at the stage edges indoors, gravity, and the water volume (beach sea, underwater).
#pragma once

#include "engine/world/physicsscene.h"
#include "engine/worldtrack.h"

namespace kinora::engine::world {

/// Where water is. Bodies inside feel buoyancy and drag (see WaterPhysics).
struct WaterVolume
{
    bool present = false;
    bool everywhere = false; ///< underwater: the whole stage
    double surfaceY = 0;     ///< the water surface height
    double beyondZ = -6;     ///< beach: water where z < beyondZ
    double bottomY = 0;      ///< the sea bed under the water

    bool containsColumn(double z) const { return present && (everywhere || z < beyondZ); }
};

/// The set of one environment, built into a PhysicsScene.
struct StageSet
{
    QString floorMaterial; ///< "" where there is no floor (space)
    bool gravity = true;
    WaterVolume water;
    double halfWidth = 10; ///< stage extends over |x| <= halfWidth
    double backZ = -10;    ///< and backZ <= z <= frontZ
    double frontZ = 10;
    QList<Primitive> primitives; ///< walls and water, entity -1; the ground itself is drawn by the renderer
};

/// @brief Builds floor, walls and water for an environment name; unknown names get a plain room floor.
StageSet buildStageSet(const QString &environment, PhysicsScene &scene);

/// @brief The surface response of a floor material, as a factor on the entity's own values.
SurfaceResponse floorResponse(const QString &floorMaterial);

/// @brief True for environments with gravity (all but space); decided before the scene exists.
bool environmentHasGravity(const QString &environment);

} // namespace kinora::engine::world
