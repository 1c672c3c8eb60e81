// CreaturePose: procedural bodies for animals (quadruped, bird, fish): a gait or swim cycle drives
// legs, wings and tails; the parts scale with the entity's bounding box.
#pragma once

#include "engine/worldtrack.h"

namespace kinora::engine::world {

struct CreatureInput
{
    QString shape;   ///< quadruped | bird | fish
    Vec3 size;       ///< width, height, length (length along the heading)
    Vec3 color;
    QString material;
    Vec3 root;       ///< ground point under the body (for fish: the point below the body centre)
    double headingDeg = 0;
    double phase = 0;  ///< gait cycle
    double stride = 0; ///< 0 still, 1 walking, 2 running
    double lift = 0;
    double time = 0;
    double talk = 0;   ///< barking, chirping: opens the mouth
};

/// @brief Appends the creature's parts (body, legs, head with Part::Head, eyes with Part::Eye).
void appendCreaturePrimitives(const CreatureInput &in, int entity, QList<Primitive> &out);

} // namespace kinora::engine::world
