// EntityBodies: rigid bodies for objects. A body's origin is its bounding box centre, so the
// plan's base-centre position maps to origin = position + (0, height / 2, 0) and back exactly.
#include "engine/world/entitybodies.h"

#include "engine/world/worldmath.h"

namespace kinora::engine::world {

namespace {

/// Collects a compound's children and the primitives that draw them, in one place.
struct PartBuilder
{
    PhysicsScene &scene;
    const PlanEntity &entity;
    btCompoundShape *compound = nullptr;
    QList<Primitive> parts;
    QList<WheelPart> wheels;
    double wheelRadius = 0;

    void add(std::unique_ptr<btCollisionShape> shape, Primitive::Shape drawn, const Vec3 &centre,
             const Quat &orientation, const Vec3 &size, const Vec3 &color)
    {
        btTransform t;
        t.setIdentity();
        t.setOrigin(toBt(centre));
        t.setRotation(btQuaternion(btScalar(orientation.x), btScalar(orientation.y), btScalar(orientation.z),
                                   btScalar(orientation.w)));
        compound->addChildShape(t, scene.keepShape(std::move(shape)));
        Primitive p;
        p.shape = drawn;
        p.center = centre;
        p.orientation = orientation;
        p.size = size;
        p.color = color;
        p.material = entity.material;
        parts.append(p);
    }
    void box(const Vec3 &centre, const Vec3 &half, const Vec3 &color)
    {
        add(std::make_unique<btBoxShape>(toBt(half)), Primitive::Shape::Box, centre, {}, half, color);
    }
};

Vec3 darker(const Vec3 &c, double f) { return {c.x * f, c.y * f, c.z * f}; }

Primitive single(Primitive::Shape shape, const Vec3 &size, const PlanEntity &entity)
{
    Primitive p;
    p.shape = shape;
    p.size = size;
    p.color = entity.color;
    p.material = entity.material;
    return p;
}

/// Table, chair and car as compounds of boxes (and wheels), sized to the entity's bounding box.
void buildFurniture(PartBuilder &b, const Vec3 &s)
{
    const Vec3 c = b.entity.color;
    const double base = -s.y / 2; // local y of the floor
    if (b.entity.shape == QLatin1String("table") || b.entity.shape == QLatin1String("chair")) {
        const bool chair = b.entity.shape == QLatin1String("chair");
        const double seatY = chair ? base + s.y * 0.5 : base + s.y - 0.02;
        const double leg = std::min(s.x, s.z) * 0.06;
        b.box({0, seatY, 0}, {s.x / 2, chair ? 0.025 : 0.02, s.z / 2}, c);
        const double legHalf = (seatY - base) / 2;
        for (int i = 0; i < 4; ++i) {
            const double x = (i & 1 ? 1 : -1) * (s.x / 2 - leg), z = (i & 2 ? 1 : -1) * (s.z / 2 - leg);
            b.box({x, base + legHalf, z}, {leg, legHalf, leg}, darker(c, 0.8));
        }
        if (chair) {
            const double backHalf = (s.y / 2 - seatY) / 2;
            b.box({0, seatY + backHalf, -s.z / 2 + 0.025}, {s.x / 2, backHalf, 0.025}, c);
        }
        return;
    }
    // Car: chassis, cabin, four wheels (cylinders across x).
    const double wheelR = s.y * 0.22;
    b.box({0, base + s.y * 0.42, 0}, {s.x / 2, s.y * 0.22, s.z / 2}, c);
    b.box({0, base + s.y * 0.82, -s.z * 0.05}, {s.x * 0.42, s.y * 0.18, s.z * 0.26}, darker(c, 0.9));
    const Quat acrossX = quatFromYTo({1, 0, 0});
    for (int i = 0; i < 4; ++i) {
        const Vec3 centre{(i & 1 ? 1 : -1) * (s.x / 2 - 0.12), base + wheelR, (i & 2 ? 1 : -1) * s.z * 0.32};
        // A y-axis cylinder turned like the drawn wheel (an x-axis shape turned again would stand
        // the wheel on its face and leave the car 20 cm above the road, dropping at the start).
        b.add(std::make_unique<btCylinderShape>(btVector3(btScalar(wheelR), 0.12f, btScalar(wheelR))),
              Primitive::Shape::Cylinder, centre, acrossX, {wheelR, 0.12, 0}, {0.05, 0.05, 0.05});
        b.wheels.append(WheelPart{int(b.parts.size()) - 1, centre});
    }
    b.wheelRadius = wheelR;
}

} // namespace

EntityBody buildEntityBody(const PlanEntity &entity, int index, PhysicsScene &scene)
{
    EntityBody out;
    out.entity = index;
    const Vec3 s{std::max(entity.size.x, 0.01), std::max(entity.size.y, 0.01), std::max(entity.size.z, 0.01)};
    out.halfHeight = s.y / 2;
    std::unique_ptr<btCollisionShape> shape;
    double rollingFriction = 0;
    const QString &kind = entity.shape;
    if (kind == QLatin1String("sphere")) {
        out.isSphere = true;
        out.radius = s.y / 2;
        shape = std::make_unique<btSphereShape>(btScalar(out.radius));
        out.localParts.append(single(Primitive::Shape::Sphere, {out.radius, 0, 0}, entity));
        // Rolling resistance (a lever arm, metres): a basketball at 1.5 m/s on wood rolls ~4 m.
        rollingFriction = 0.006;
        out.dragAreaM2 = kPi * out.radius * out.radius;
    } else if (kind == QLatin1String("cylinder")) {
        shape = std::make_unique<btCylinderShape>(btVector3(btScalar(s.x / 2), btScalar(s.y / 2), btScalar(s.x / 2)));
        out.localParts.append(single(Primitive::Shape::Cylinder, {s.x / 2, s.y / 2, 0}, entity));
        rollingFriction = 0.01;
    } else if (kind == QLatin1String("capsule")) {
        const double r = s.x / 2, half = std::max(0.0, s.y / 2 - r);
        shape = std::make_unique<btCapsuleShape>(btScalar(r), btScalar(2 * half));
        out.localParts.append(single(Primitive::Shape::Capsule, {r, half, 0}, entity));
        rollingFriction = 0.01;
    } else if (kind == QLatin1String("table") || kind == QLatin1String("chair") || kind == QLatin1String("car")) {
        auto compound = std::make_unique<btCompoundShape>();
        PartBuilder builder{scene, entity, compound.get(), {}};
        buildFurniture(builder, s);
        out.localParts = builder.parts;
        out.wheels = builder.wheels;
        out.wheelRadius = builder.wheelRadius;
        shape = std::move(compound);
    } else {
        shape = std::make_unique<btBoxShape>(toBt(s * 0.5));
        out.localParts.append(single(Primitive::Shape::Box, s * 0.5, entity));
    }
    if (out.dragAreaM2 == 0)
        out.dragAreaM2 = (s.x * s.y + s.y * s.z + s.x * s.z) / 3;
    const double mass = std::max(entity.massKg, 1e-3);
    out.displacedM3 = mass / std::max(entity.densityKgM3, 1.0);

    BodyTag tag;
    tag.entity = index;
    tag.surface = out.isSphere ? QStringLiteral("ball") : (entity.noun.isEmpty() ? kind : entity.noun);
    tag.material = entity.material;
    tag.isSphere = out.isSphere;
    btTransform t;
    t.setIdentity();
    t.setOrigin(toBt(entity.position + Vec3{0, out.halfHeight, 0}));
    t.setRotation(btQuaternion(btVector3(0, 1, 0), btScalar(entity.headingDeg * kPi / 180.0)));
    const SurfaceResponse response{entity.restitution, entity.friction, rollingFriction};
    out.body = scene.addBody(std::move(shape), entity.isStatic ? 0.0 : mass, t, tag, response);
    return out;
}

void addWheelMarkers(EntityBody &body)
{
    const QList<WheelPart> tyres = body.wheels;
    for (const WheelPart &tyre : tyres) {
        const Primitive &drawn = body.localParts.at(tyre.part);
        const double r = drawn.size.x, halfWidth = drawn.size.y;
        // One spoke from near the hub to near the rim, just proud of the outer face: one-fold, so
        // it reads as turning forward up to half a turn per frame (a car at 20 m/s at 24 fps).
        Primitive spoke;
        spoke.shape = Primitive::Shape::Box;
        spoke.part = Primitive::Part::Detail;
        spoke.center = tyre.hub + Vec3{(tyre.hub.x < 0 ? -1.0 : 1.0) * (halfWidth + 0.01), 0.5 * r, 0};
        spoke.size = {0.01, 0.35 * r, 0.12 * r};
        spoke.color = {0.75, 0.75, 0.72};
        spoke.material = QStringLiteral("metal");
        body.localParts.append(spoke);
        body.wheels.append(WheelPart{int(body.localParts.size()) - 1, tyre.hub});
    }
}

void appendBodyPrimitives(const EntityBody &body, QList<Primitive> &out)
{
    const btTransform &t = body.body->getWorldTransform();
    const Quat q = fromBt(t.getRotation());
    const Vec3 origin = fromBt(t.getOrigin());
    QList<Primitive> turned; // a copy only for wheels that have rolled
    if (body.wheelTurnRad != 0) {
        turned = body.localParts;
        const Quat roll = quatAxisAngle({1, 0, 0}, body.wheelTurnRad);
        for (const WheelPart &w : body.wheels) {
            Primitive &p = turned[w.part];
            p.center = w.hub + rotate(roll, p.center - w.hub);
            p.orientation = roll * p.orientation;
        }
    }
    const QList<Primitive> &parts = body.wheelTurnRad != 0 ? turned : body.localParts;
    for (Primitive p : parts) {
        p.center = origin + rotate(q, p.center);
        p.orientation = q * p.orientation;
        p.entity = body.entity;
        out.append(p);
    }
}

} // namespace kinora::engine::world
