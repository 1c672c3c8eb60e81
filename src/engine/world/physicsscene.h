// PhysicsScene: owns one Bullet dynamics world and every shape and body in it, and tags each body
// with what it is (entity, surface, material) so contacts can be reported in the plan's terms.
#pragma once

#include <QString>

#include <btBulletDynamicsCommon.h>

#include <memory>
#include <vector>

namespace kinora::engine::world {

/// What a collision object stands for; stored by index in the object's user index.
struct BodyTag
{
    int entity = -1;  ///< plan entity index, -1 for the set
    QString surface;  ///< "ball", "floor", "wall", "backboard", "rim", "post", "body", "figure"
    QString material; ///< "wood", "glass", "rubber", ...
    bool isFloor = false;
    bool isSphere = false;
};

/// Surface response of a body. Bullet multiplies the two sides' restitution and friction; rolling
/// friction (a lever arm in metres) combines as rollA * frictionB + rollB * frictionA.
struct SurfaceResponse
{
    double restitution = 0.5;
    double friction = 0.5;
    double rollingFriction = 0;
};

class PhysicsScene
{
public:
    /// @brief A world stepping at a fixed rate; gravity along -y, or none (space).
    PhysicsScene(double stepHz, bool gravity);
    ~PhysicsScene();
    PhysicsScene(const PhysicsScene &) = delete;
    PhysicsScene &operator=(const PhysicsScene &) = delete;

    /// @brief Adds a body (mass 0 = static) and takes ownership of the shape.
    btRigidBody *addBody(std::unique_ptr<btCollisionShape> shape, double massKg, const btTransform &transform,
                         const BodyTag &tag, const SurfaceResponse &response);
    /// @brief Adds a body moved by code (figures): it pushes dynamic bodies but nothing pushes it.
    btRigidBody *addKinematic(std::unique_ptr<btCollisionShape> shape, const btTransform &transform,
                              const BodyTag &tag, const SurfaceResponse &response);

    /// @brief Keeps a shape alive as long as the scene (children of compound shapes).
    template <typename Shape>
    Shape *keepShape(std::unique_ptr<Shape> shape)
    {
        Shape *raw = shape.get();
        m_shapes.push_back(std::move(shape));
        return raw;
    }

    /// @brief Advances exactly one fixed step.
    void step();

    btDiscreteDynamicsWorld &dynamics() { return *m_world; }
    double stepSeconds() const { return m_stepSeconds; }
    double gravity() const { return m_gravity; }
    const BodyTag &tagOf(const btCollisionObject *object) const { return m_tags[size_t(object->getUserIndex())]; }
    int bodyCount() const { return int(m_bodies.size()); }
    btRigidBody *body(int index) const { return m_bodies[size_t(index)].get(); }

private:
    btRigidBody *insert(std::unique_ptr<btCollisionShape> shape, double massKg, const btTransform &transform,
                        const BodyTag &tag, const SurfaceResponse &response);

    double m_stepSeconds;
    double m_gravity;
    std::unique_ptr<btDefaultCollisionConfiguration> m_configuration;
    std::unique_ptr<btCollisionDispatcher> m_dispatcher;
    std::unique_ptr<btBroadphaseInterface> m_broadphase;
    std::unique_ptr<btSequentialImpulseConstraintSolver> m_solver;
    std::unique_ptr<btDiscreteDynamicsWorld> m_world;
    std::vector<std::unique_ptr<btCollisionShape>> m_shapes;
    std::vector<std::unique_ptr<btRigidBody>> m_bodies;
    std::vector<BodyTag> m_tags;
};

} // namespace kinora::engine::world
