// ContactTracker: event times come from the contact geometry, not the step clock: the gap (or
// penetration) at the step start divided by the approach speed gives the instant of touching.
#include "engine/world/contacttracker.h"

#include "engine/world/worldmath.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace kinora::engine::world {

ContactTracker::ContactTracker(PhysicsScene &scene, int fps) : m_scene(scene), m_fps(fps) {}

void ContactTracker::beforeStep()
{
    const int n = m_scene.bodyCount();
    m_before.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const btRigidBody *b = m_scene.body(i);
        m_before[size_t(i)] = {b->getLinearVelocity(), b->getAngularVelocity(), b->getWorldTransform().getOrigin()};
    }
    m_nextRoll.resize(size_t(n), 0);
}

btVector3 ContactTracker::pointVelocity(int body, const btVector3 &point) const
{
    const Snapshot &s = m_before[size_t(body)];
    return s.linear + s.angular.cross(point - s.origin);
}

void ContactTracker::afterStep(double stepStart, QList<ContactEvent> &events)
{
    const double dt = m_scene.stepSeconds();
    btDispatcher *dispatcher = m_scene.dynamics().getDispatcher();
    std::set<std::pair<int, int>> touching;
    std::vector<char> rollingOnFloor(m_before.size(), 0);
    std::vector<btVector3> rollPoint(m_before.size());
    // A compound (the rim) meets a ball through several manifolds: gather them per body pair.
    struct PairContact
    {
        int a = 0, b = 0;
        double impulse = 0;
        const btManifoldPoint *closest = nullptr;
    };
    std::map<std::pair<int, int>, PairContact> pairs;
    for (int m = 0; m < dispatcher->getNumManifolds(); ++m) {
        const btPersistentManifold *manifold = dispatcher->getManifoldByIndexInternal(m);
        if (manifold->getNumContacts() == 0)
            continue;
        const int a = manifold->getBody0()->getUserIndex(), b = manifold->getBody1()->getUserIndex();
        PairContact &pair = pairs[{std::min(a, b), std::max(a, b)}];
        if (!pair.closest)
            pair.a = a, pair.b = b;
        for (int p = 0; p < manifold->getNumContacts(); ++p) {
            const btManifoldPoint &pt = manifold->getContactPoint(p);
            pair.impulse += pt.getAppliedImpulse();
            // Keep the pair's orientation (A, B) consistent with the point's normal.
            if ((!pair.closest || pt.getDistance() < pair.closest->getDistance()) && a == pair.a)
                pair.closest = &pt;
        }
        if (!pair.closest) { // every manifold so far came reversed: take this one as it is
            pair.a = a, pair.b = b;
            pair.closest = &manifold->getContactPoint(0);
        }
    }
    for (const auto &[key, pair] : pairs) {
        const btManifoldPoint &pt = *pair.closest;
        const int a = pair.a, b = pair.b;
        const bool touches = pair.impulse > 0 || pt.getDistance() <= 0.001f;
        if (!touches)
            continue;
        const BodyTag &tagA = m_scene.tagOf(m_scene.body(a)), &tagB = m_scene.tagOf(m_scene.body(b));
        // A sphere touching the floor: remember it for the roll ticks below.
        for (int side = 0; side < 2; ++side) {
            const BodyTag &self = side == 0 ? tagA : tagB, &other = side == 0 ? tagB : tagA;
            if (self.isSphere && other.isFloor) {
                rollingOnFloor[size_t(side == 0 ? a : b)] = 1;
                rollPoint[size_t(side == 0 ? a : b)] = pt.getPositionWorldOnB();
            }
        }
        touching.insert(key);
        if (m_touching.count(key))
            continue;
        const btVector3 position = (pt.getPositionWorldOnA() + pt.getPositionWorldOnB()) * 0.5f;
        btVector3 normal = pt.m_normalWorldOnB; // from B toward A
        const double approach = -double((pointVelocity(a, position) - pointVelocity(b, position)).dot(normal));
        if (approach < kMinImpactSpeed)
            continue;
        const double lead = std::clamp(double(pt.getDistance()) / approach, -dt, dt);
        ContactEvent e;
        e.timeSeconds = std::max(0.0, stepStart + lead);
        e.frame = int(std::lround(e.timeSeconds * m_fps));
        // The entity side comes first when one side is the set.
        const bool swap = tagA.entity < 0 && tagB.entity >= 0;
        const BodyTag &first = swap ? tagB : tagA, &second = swap ? tagA : tagB;
        if (swap)
            normal = -normal;
        e.entityA = first.entity;
        e.entityB = second.entity;
        e.surfaceA = first.surface;
        e.surfaceB = second.surface;
        e.materialA = first.material;
        e.materialB = second.material;
        e.impulse = pair.impulse;
        e.normalSpeed = approach;
        e.position = fromBt(position);
        e.normal = fromBt(normal);
        e.kind = QStringLiteral("impact");
        events.append(e);
    }
    m_touching.swap(touching);

    // Roll ticks: every kRollInterval while a ball rolls on the floor faster than a crawl.
    const double now = stepStart + dt;
    for (size_t i = 0; i < m_before.size(); ++i) {
        const btRigidBody *body = m_scene.body(int(i));
        const btVector3 v = body->getLinearVelocity();
        const double speed = std::sqrt(double(v.x() * v.x() + v.z() * v.z()));
        if (!rollingOnFloor[i] || speed < kMinImpactSpeed || std::abs(double(v.y())) > 0.3) {
            m_nextRoll[i] = now + kRollInterval;
            continue;
        }
        if (now + 1e-9 < m_nextRoll[i])
            continue;
        m_nextRoll[i] = now + kRollInterval;
        const BodyTag &tag = m_scene.tagOf(body);
        ContactEvent e;
        e.timeSeconds = now;
        e.frame = int(std::lround(now * m_fps));
        e.entityA = tag.entity;
        e.surfaceA = tag.surface;
        e.materialA = tag.material;
        e.surfaceB = QStringLiteral("floor");
        // The floor's material: find it from any floor body (they share one material).
        for (int j = 0; j < m_scene.bodyCount(); ++j)
            if (m_scene.tagOf(m_scene.body(j)).isFloor) {
                e.materialB = m_scene.tagOf(m_scene.body(j)).material;
                break;
            }
        e.impulse = double(1.0f / body->getInvMass()) * m_scene.gravity() * kRollInterval;
        e.tangentSpeed = speed;
        e.position = fromBt(rollPoint[i]);
        e.normal = {0, 1, 0};
        e.kind = QStringLiteral("roll");
        events.append(e);
    }
}

} // namespace kinora::engine::world
