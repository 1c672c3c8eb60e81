// PersonPose: the 16-joint skeleton of a person posed procedurally (gait cycle, gestures, reach),
// and the capsules, spheres and boxes that draw it. Proportions scale with the entity's height.
#pragma once

#include "engine/worldtrack.h"

#include <array>

namespace kinora::engine::world {

enum Joint {
    Pelvis, Chest, Neck, Head,
    LShoulder, LElbow, LHand, RShoulder, RElbow, RHand,
    LHip, LKnee, LFoot, RHip, RKnee, RFoot,
    JointCount
};

/// Colours that stay with a figure across shots (derived from lookSeed and the plan colour).
struct Look
{
    Vec3 skin, hair, shirt, pants, shoes;
};

/// @brief The figure's colours: shirt from the plan's colour when one was named, the rest from lookSeed.
Look lookFor(const PlanEntity &entity);

/// Everything that decides a person's pose at one instant.
struct PoseInput
{
    double height = 1.75;
    Vec3 root;             ///< ground point under the pelvis (y = ground height)
    double headingDeg = 0;
    double phase = 0;      ///< gait cycle position, 1 per two steps; left heel strikes at .25, right at .75
    double stride = 0;     ///< 0 standing, 1 walking, 2 running (blends in between)
    double lift = 0;       ///< jump height of the whole body
    double sit = 0;        ///< 0 standing .. 1 seated
    double dance = 0, wave = 0, talk = 0; ///< gesture weights 0..1
    double time = 0;
    bool reach = false;    ///< both hands on reachPoint (holding a ball)
    Vec3 reachPoint;
    enum class Follow { None, Shoot, Throw, Low } follow = Follow::None;
    double followAmount = 0; ///< 0..1 follow-through after a release
    double kick = -1;        ///< right-leg kick swing 0..1, < 0 when not kicking
};

struct PersonPose
{
    std::array<Vec3, JointCount> joints;
    double mouthOpen = 0;
};

/// @brief Poses the skeleton; feet never go below the ground unless the body is lifted.
PersonPose posePerson(const PoseInput &in);

/// @brief Appends the person's drawable parts: capsule limbs, sphere head (Part::Head), eyes (Part::Eye).
void appendPersonPrimitives(const PersonPose &pose, const PoseInput &in, const Look &look, const QString &material,
                            int entity, QList<Primitive> &out);

} // namespace kinora::engine::world
