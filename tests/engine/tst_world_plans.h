// Plans for the World tests, built in code (the tests do not depend on the PromptCompiler).
// Values follow real objects: a basketball is 0.24 m and 0.62 kg, a person 1.75 m and 70 kg.
#pragma once

#include "engine/sceneplan.h"
#include "engine/worldtrack.h"

#include <cmath>

namespace kinora::test {

using engine::PlanAction;
using engine::PlanEntity;
using engine::ScenePlan;
using engine::Vec3;

inline PlanEntity ball(const QString &id, const Vec3 &position, double restitution = 0.8)
{
    PlanEntity e;
    e.id = id;
    e.noun = QStringLiteral("basketball");
    e.category = QStringLiteral("ball");
    e.shape = QStringLiteral("sphere");
    e.material = QStringLiteral("rubber");
    e.color = {0.8, 0.35, 0.1};
    e.size = {0.24, 0.24, 0.24};
    e.massKg = 0.62;
    e.restitution = restitution;
    e.friction = 0.6;
    e.densityKgM3 = 85;
    e.position = position;
    return e;
}

inline PlanEntity person(const QString &id, const Vec3 &position, double headingDeg = 0)
{
    PlanEntity e;
    e.id = id;
    e.noun = QStringLiteral("girl");
    e.category = QStringLiteral("person");
    e.shape = QStringLiteral("figure");
    e.material = QStringLiteral("flesh");
    e.size = {0.5, 1.75, 0.3};
    e.massKg = 70;
    e.densityKgM3 = 985;
    e.position = position;
    e.headingDeg = headingDeg;
    e.lookSeed = 7;
    return e;
}

inline PlanEntity hoop(const QString &id, const Vec3 &position)
{
    PlanEntity e;
    e.id = id;
    e.noun = QStringLiteral("hoop");
    e.category = QStringLiteral("structure");
    e.shape = QStringLiteral("hoop");
    e.material = QStringLiteral("metal");
    e.size = {1.8, 3.95, 1.6};
    e.massKg = 200;
    e.isStatic = true;
    e.position = position;
    return e;
}

/// A cube of the given edge and density (its mass follows from both).
inline PlanEntity block(const QString &id, const QString &material, double edge, double density, const Vec3 &position)
{
    PlanEntity e;
    e.id = id;
    e.noun = material == QLatin1String("wood") ? QStringLiteral("crate") : QStringLiteral("stone");
    e.category = QStringLiteral("prop");
    e.shape = QStringLiteral("box");
    e.material = material;
    e.size = {edge, edge, edge};
    e.densityKgM3 = density;
    e.massKg = density * edge * edge * edge;
    e.restitution = 0.3;
    e.position = position;
    return e;
}

inline PlanAction action(const QString &verb, const QString &actor, const QString &object, const QString &target,
                         double start, double duration = 0, bool succeeds = true)
{
    PlanAction a;
    a.verb = verb;
    a.actor = actor;
    a.object = object;
    a.target = target;
    a.startSeconds = start;
    a.durationSeconds = duration;
    a.succeeds = succeeds;
    return a;
}

inline ScenePlan plan(const QString &environment, double seconds, int fps = 24)
{
    ScenePlan p;
    p.environment = environment;
    p.durationSeconds = seconds;
    p.fps = fps;
    return p;
}

/// The gym shot the shooting tests share: a hoop 8 m back, a shooter 4.6 m from the rim.
inline ScenePlan shootingPlan(bool succeeds, std::uint32_t seed = 1)
{
    ScenePlan p = plan(QStringLiteral("gym"), 4, 240);
    p.seed = seed;
    p.entities = {person(QStringLiteral("person-1"), {0, 0, -3}, 180), ball(QStringLiteral("ball-1"), {0.4, 0, -2.6}),
                  hoop(QStringLiteral("hoop-1"), {0, 0, -8})};
    p.actions = {action(QStringLiteral("shoot"), QStringLiteral("person-1"), QStringLiteral("ball-1"),
                        QStringLiteral("hoop-1"), 0.5, 0, succeeds)};
    return p;
}

inline double distance(const Vec3 &a, const Vec3 &b)
{
    return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}

} // namespace kinora::test
