// EntityBodies: the rigid bodies of the plan's objects (balls, boxes, furniture, cars) and the
// hoop structure, each with the primitives that draw it in the body's own frame.
#pragma once

#include "engine/world/physicsscene.h"
#include "engine/worldtrack.h"

namespace kinora::engine::world {

/// Where a hoop's parts are, for aiming shots and checking rebounds.
struct HoopGeometry
{
    Vec3 rimCentre;
    Vec3 boardFront;  ///< a point on the board's front face (its centre)
    Vec3 boardNormal; ///< unit, out of the front face toward the court
    double rimRadius = 0.2286;
};

/// A drawn part that turns with a wheel: about the axle through @p hub (body frame), which runs
/// along the body's x axis.
struct WheelPart
{
    int part = -1; ///< index into EntityBody::localParts
    Vec3 hub;
};

/// One plan entity simulated as a rigid body.
struct EntityBody
{
    int entity = -1;
    btRigidBody *body = nullptr;
    QList<Primitive> localParts; ///< relative to the body's transform
    double halfHeight = 0;       ///< the body origin sits this far above the entity's base
    bool isSphere = false;
    double radius = 0;            ///< spheres
    double displacedM3 = 0;       ///< mass / density: the volume buoyancy acts on
    double dragAreaM2 = 0;        ///< mean cross-section for water drag
    QList<WheelPart> wheels;      ///< cars: the tyres (and their markers, once driven)
    double wheelRadius = 0;
    double wheelTurnRad = 0;      ///< how far the wheels have rolled, about +x; 0 draws them as built
};

/// @brief Physical constants of the hoop structure (metres): regulation board, rim and heights.
namespace hoop {
constexpr double kBoardWidth = 1.8;
constexpr double kBoardHeight = 1.05;
constexpr double kBoardThickness = 0.05;
constexpr double kBoardBottom = 2.9;
constexpr double kRimHeight = 3.05;
constexpr double kRimRadius = 0.2286;
constexpr double kRimGap = 0.15; ///< from the board's front face to the rim's near edge
} // namespace hoop

/// @brief Builds a dynamic or static body for a non-figure entity (sphere, box, cylinder, capsule,
/// table, chair, car); unknown shapes are boxes of the entity's size.
EntityBody buildEntityBody(const PlanEntity &entity, int index, PhysicsScene &scene);

/// @brief Builds a hoop's static post, backboard and rim in the scene; appends their primitives
/// (entity -1, they are part of the set) and returns where the rim and board are.
HoopGeometry buildHoop(const PlanEntity &entity, PhysicsScene &scene, QList<Primitive> &setPrimitives);

/// @brief Gives each wheel a light spoke on its outer face so that its turning shows (a plain
/// tyre looks the same at any angle). Only driven vehicles get them: parked cars draw as before.
void addWheelMarkers(EntityBody &body);

/// @brief The entity's primitives placed by its body's current transform, wheels turned by
/// wheelTurnRad.
void appendBodyPrimitives(const EntityBody &body, QList<Primitive> &out);

} // namespace kinora::engine::world
