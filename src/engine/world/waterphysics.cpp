// WaterPhysics: forces act at the centre of mass (no buoyancy torque); rotation is damped instead,
// so a floating crate settles level instead of rocking forever.
#include "engine/world/waterphysics.h"

#include "engine/world/worldmath.h"

#include <algorithm>

namespace kinora::engine::world {

WaterPhysics::WaterPhysics(const WaterVolume &water, double gravity, int fps)
    : m_water(water), m_gravity(gravity), m_fps(fps)
{
}

double WaterPhysics::submergedFraction(const EntityBody &body) const
{
    const btTransform &t = body.body->getWorldTransform();
    if (!m_water.containsColumn(double(t.getOrigin().z())))
        return 0;
    if (body.isSphere) {
        // Spherical cap below the surface: V = pi h^2 (3r - h) / 3.
        const double r = body.radius;
        const double h = std::clamp(m_water.surfaceY - (double(t.getOrigin().y()) - r), 0.0, 2 * r);
        return (h * h * (3 * r - h)) / (4 * r * r * r);
    }
    btVector3 lo, hi;
    body.body->getCollisionShape()->getAabb(t, lo, hi);
    const double height = std::max(1e-6, double(hi.y() - lo.y()));
    return std::clamp((m_water.surfaceY - double(lo.y())) / height, 0.0, 1.0);
}

void WaterPhysics::applyForces(const std::vector<EntityBody> &bodies, double dt)
{
    if (!m_water.present)
        return;
    for (const EntityBody &b : bodies) {
        if (b.body->isStaticOrKinematicObject())
            continue;
        const double fraction = submergedFraction(b);
        if (fraction <= 0)
            continue;
        b.body->activate(true);
        const double mass = 1.0 / double(b.body->getInvMass());
        // Buoyancy acts on the volume the plan's density implies, so density alone decides floating.
        const double buoyancy = kWaterDensity * m_gravity * b.displacedM3 * fraction;
        b.body->applyCentralForce(btVector3(0, btScalar(buoyancy), 0));
        // Drag: a linear term (3 /s of the body's mass: damps bobbing within seconds) plus
        // quadratic form drag 0.5 rho Cd A v^2 (Cd 0.8); never strong enough to reverse motion.
        const btVector3 v = b.body->getLinearVelocity();
        const double speed = double(v.length());
        if (speed > 1e-9) {
            const double dragForce = fraction * (3.0 * mass * speed + 0.5 * kWaterDensity * 0.8 * b.dragAreaM2 * speed * speed);
            const double dv = std::min(speed, dragForce * dt / mass);
            b.body->setLinearVelocity(v * btScalar(1 - dv / speed));
        }
        b.body->setAngularVelocity(b.body->getAngularVelocity() * btScalar(std::max(0.0, 1 - 3.0 * fraction * dt)));
    }
}

void WaterPhysics::detectSplashes(const std::vector<EntityBody> &bodies, const PhysicsScene &scene, double time,
                                  QList<ContactEvent> &events)
{
    if (!m_water.present)
        return;
    const bool first = m_below.empty();
    m_below.resize(bodies.size(), 0);
    for (size_t i = 0; i < bodies.size(); ++i) {
        const EntityBody &b = bodies[i];
        if (b.body->isStaticOrKinematicObject())
            continue;
        const btTransform &t = b.body->getWorldTransform();
        btVector3 lo, hi;
        b.body->getCollisionShape()->getAabb(t, lo, hi);
        const bool below = m_water.containsColumn(double(t.getOrigin().z())) && double(lo.y()) < m_water.surfaceY;
        const double vy = double(b.body->getLinearVelocity().y());
        if (below && !m_below[i] && !first && vy < -0.2) {
            const BodyTag &tag = scene.tagOf(b.body);
            ContactEvent e;
            e.timeSeconds = time;
            e.frame = int(std::lround(time * m_fps));
            e.entityA = b.entity;
            e.surfaceA = tag.surface;
            e.materialA = tag.material;
            e.surfaceB = QStringLiteral("water");
            e.materialB = QStringLiteral("water");
            e.normalSpeed = -vy;
            e.impulse = -vy / double(b.body->getInvMass());
            e.position = {double(t.getOrigin().x()), m_water.surfaceY, double(t.getOrigin().z())};
            e.normal = {0, 1, 0};
            e.kind = QStringLiteral("splash");
            events.append(e);
        }
        m_below[i] = below;
    }
}

} // namespace kinora::engine::world
