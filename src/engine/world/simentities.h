// SimEntities: the simulated form of every plan entity (rigid body, figure rig or hoop), looked up
// by plan index; what the World, the object actions and the frame capture share.
#pragma once

#include "engine/world/entitybodies.h"
#include "engine/world/figurerig.h"

#include <memory>
#include <vector>

namespace kinora::engine::world {

struct SimEntities
{
    std::vector<EntityBody> bodies;
    std::vector<std::unique_ptr<FigureRig>> rigs;
    std::vector<HoopGeometry> hoops;
    std::vector<int> bodyOf, rigOf, hoopOf; ///< per plan entity: index into the lists above, or -1

    EntityBody *body(int entity) { return entity >= 0 && bodyOf[size_t(entity)] >= 0 ? &bodies[size_t(bodyOf[size_t(entity)])] : nullptr; }
    FigureRig *rig(int entity) { return entity >= 0 && rigOf[size_t(entity)] >= 0 ? rigs[size_t(rigOf[size_t(entity)])].get() : nullptr; }
    const HoopGeometry *hoop(int entity) const { return entity >= 0 && hoopOf[size_t(entity)] >= 0 ? &hoops[size_t(hoopOf[size_t(entity)])] : nullptr; }

    /// @brief The entity's bounding-box base centre now.
    Vec3 basePosition(int entity, const ScenePlan &plan) const
    {
        if (rigOf[size_t(entity)] >= 0)
            return rigs[size_t(rigOf[size_t(entity)])]->basePosition();
        if (bodyOf[size_t(entity)] >= 0) {
            const EntityBody &b = bodies[size_t(bodyOf[size_t(entity)])];
            const btVector3 &o = b.body->getWorldTransform().getOrigin();
            return {double(o.x()), double(o.y()) - b.halfHeight, double(o.z())};
        }
        return plan.entities.at(entity).position;
    }
};

} // namespace kinora::engine::world
