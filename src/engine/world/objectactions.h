// ObjectActions: the plan's verbs that act on rigid bodies (shoot, throw, kick, roll, drop, bounce,
// push, collide, fall). Each sets up a release and hands the body to physics; nothing is scripted
// after release, so a missed shot rebounds off the rim or board by itself.
#pragma once

#include "engine/world/simentities.h"
#include "engine/world/stageset.h"

namespace kinora::engine::world {

/// @brief The launch velocity that carries a projectile from `from` through `to` under gravity g,
/// leaving at elevationDeg above horizontal (raised when the target is too steep for it).
Vec3 ballisticVelocity(const Vec3 &from, const Vec3 &to, double elevationDeg, double gravity);

/// @brief Sets a body's velocity at a step boundary. Bullet integrates velocity before position,
/// so the stored velocity is offset by half a step of gravity: free flight then passes through the
/// exact parabola at every step, and contact times come out exact.
void setLaunchVelocity(btRigidBody *body, const Vec3 &velocity, double gravity, double dt);

class ObjectActions
{
public:
    /// @brief @p set bounds "across the floor" (a roll goes the way with the longer clear run).
    ObjectActions(const ScenePlan &plan, SimEntities &entities, PhysicsScene &scene, const StageSet &set);

    /// @brief Starts, holds and releases what is due at time t (the start of the next step).
    void beforeStep(double t);

private:
    enum class Stage { Waiting, Holding, Flying, Done };
    struct Pending
    {
        PlanAction action;
        int index = 0; ///< position in plan.actions (varies the miss offset)
        int actor = -1, object = -1, target = -1;
        Stage stage = Stage::Waiting;
        double releaseAt = 0;
        double ignoreUntil = 0;
    };

    void start(Pending &p, double t);
    void holdStep(Pending &p);
    void release(Pending &p, double t);
    Vec3 holdPoint(const Pending &p);
    Vec3 aimPoint(const Pending &p, const Vec3 &from);
    Vec3 groundDirection(const Pending &p, const Vec3 &from);
    void ignoreCollisions(btRigidBody *a, btRigidBody *b, bool ignore);

    const ScenePlan &m_plan;
    SimEntities &m_entities;
    PhysicsScene &m_scene;
    const StageSet &m_set;
    QList<Pending> m_pending;
};

} // namespace kinora::engine::world
