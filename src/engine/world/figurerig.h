// FigureRig: a person or animal moved by code, not by forces (no ragdolls): a kinematic root that
// follows the plan's actions, a procedural pose on top, and a kinematic collider balls bounce off.
#pragma once

#include "engine/world/motionpaths.h"
#include "engine/world/personpose.h"
#include "engine/world/physicsscene.h"
#include "engine/world/stageset.h"
#include "engine/world/worldmath.h"

#include <functional>

namespace kinora::engine::world {

class FigureRig
{
public:
    /// @brief A rig for plan.entities[index] (shape figure, quadruped, bird or fish), with its collider.
    FigureRig(const ScenePlan &plan, int index, const StageSet &set, PhysicsScene &scene);

    /// @brief Moves the root and gait by dt ending at time t; footsteps are appended to events.
    /// positionOf(entity) is the entity's current base position (targets move).
    void advance(double t, double dt, const std::function<Vec3(int)> &positionOf, QList<ContactEvent> &events);
    /// @brief Draws the figure as it stands at time t.
    void appendPrimitives(double t, QList<Primitive> &out) const;

    /// @brief The hands hold a ball at point (world) until release(); arms reach for it.
    void hold(const Vec3 &point);
    /// @brief Lets go; the arms follow through in the given style for a moment.
    void release(PoseInput::Follow follow, double t);
    /// @brief Swings the right leg through a kick that connects at time contact.
    void kick(double contact);
    /// @brief Turns (at once) to face a point, e.g. the hoop before a shot.
    void face(const Vec3 &point);

    bool isPerson() const { return m_person; }
    int entity() const { return m_entity; }
    double height() const { return m_height; }
    Vec3 basePosition() const { return m_root + Vec3{0, m_lift, 0}; }
    double headingDeg() const { return m_heading; }
    Vec3 velocity() const { return m_velocity; }
    btRigidBody *collider() const { return m_collider; }
    /// @brief Where the hands hold something for a release of this kind ("shoot", "throw", "drop").
    Vec3 handPoint(const QString &verb) const;
    /// @brief The ground point in front of the feet, at a given height (kicks, rolls).
    Vec3 frontOfFeet(double distance, double height) const;

private:
    struct Motion;
    Motion activeMotion(double t) const;
    double groundAt(double z) const;
    /// Direction and speed for a move along a path (past, follow, ...) this step.
    Steer steer(const Motion &m, double speed, double dt, const std::function<Vec3(int)> &positionOf);
    PoseInput poseInput(double t) const;
    void updateCollider();

    const ScenePlan &m_plan;
    const StageSet &m_set;
    int m_entity;
    QString m_shape;
    bool m_person;
    double m_height;
    Vec3 m_size;
    QList<PlanAction> m_actions;  ///< actions this figure performs
    QList<PathState> m_paths;     ///< per action in m_actions: its path, planned when it starts
    QList<QPair<double, double>> m_speech; ///< [start, end) of its dialogue lines

    Vec3 m_root;           ///< ground point under the figure (fish: the swim height)
    double m_heading = 0;
    double m_speed = 0;
    Vec3 m_velocity;
    double m_phase = 0;
    double m_lift = 0, m_liftSpeed = 0;
    bool m_airborne = false;
    double m_sit = 0, m_dance = 0, m_wave = 0, m_talk = 0;
    bool m_holding = false;
    Vec3 m_holdPoint;
    PoseInput::Follow m_follow = PoseInput::Follow::None;
    double m_followStart = -10;
    double m_kickContact = -10;
    QList<int> m_jumpsDone;
    btRigidBody *m_collider = nullptr;
    Look m_look;
};

} // namespace kinora::engine::world
