// WorldTrack: what the World simulation produced for one shot: per-frame drawable primitives and
// entity poses, every contact event (for sound), and the end state that the next shot starts from.
#pragma once

#include "engine/sceneplan.h"

#include <QList>
#include <QString>

namespace kinora::engine {

/// A drawable solid. The renderer draws exactly these, so picture and physics cannot disagree.
struct Primitive
{
    enum class Shape { Invalid = 0, Sphere, Box, Capsule, Cylinder };
    enum class Part { Body = 0, Head, Limb, Eye, Detail };
    Shape shape = Shape::Invalid;
    Part part = Part::Body;
    Vec3 center;
    Quat orientation;
    /// Sphere: x = radius. Box: half extents. Capsule/cylinder: x = radius, y = half length along local y.
    Vec3 size;
    Vec3 color{0.7, 0.7, 0.7};
    QString material;
    int entity = -1; ///< index into ScenePlan::entities, -1 for the set (floor, walls, hoop post)
    double mouthOpen = 0; ///< heads only: 0 closed .. 1 open (lip-sync)
};

struct WorldFrame
{
    QList<Primitive> primitives;
    QList<Vec3> entityPositions; ///< per plan entity, its bounding-box base centre this frame
};

/// One contact between two bodies, at the simulation step it happened.
struct ContactEvent
{
    double timeSeconds = 0;
    int frame = 0;
    int entityA = -1; ///< -1 = the set (floor, wall, backboard, rim)
    int entityB = -1;
    QString surfaceA;  ///< what was hit on A's side: "ball", "floor", "backboard", "rim", "water"...
    QString surfaceB;
    QString materialA;
    QString materialB;
    double impulse = 0;       ///< N*s
    double normalSpeed = 0;   ///< m/s along the contact normal, before the contact
    double tangentSpeed = 0;  ///< m/s along the surface: a rolling ball's speed, a footstep's walking speed
    Vec3 position;
    Vec3 normal;
    QString kind = QStringLiteral("impact"); ///< impact | footstep | roll | splash
};

struct WorldTrack
{
    int fps = 24;
    QList<WorldFrame> frames;
    QList<ContactEvent> contacts;
    QList<PlanEntity> endState; ///< entities with end positions and velocities, for the next shot
};

} // namespace kinora::engine
