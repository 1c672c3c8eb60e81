// The basketball hoop: post and arm, glass backboard and a metal rim, all static colliders. The
// rim is a ring of short capsules so a ball can hit its front, back or side and rebound off it.
#include "engine/world/entitybodies.h"

#include "engine/world/worldmath.h"

namespace kinora::engine::world {

namespace {

/// Places hoop-local parts (facing +z, origin on the ground below the board) in the world.
struct HoopFrame
{
    Vec3 base;
    Quat yaw;
    Vec3 world(const Vec3 &local) const { return base + rotate(yaw, local); }
    btTransform transform(const Vec3 &local, const Quat &orientation = {}) const
    {
        const Quat q = yaw * orientation;
        btTransform t;
        t.setIdentity();
        t.setOrigin(toBt(world(local)));
        t.setRotation(btQuaternion(btScalar(q.x), btScalar(q.y), btScalar(q.z), btScalar(q.w)));
        return t;
    }
};

Primitive part(Primitive::Shape shape, const HoopFrame &frame, const Vec3 &local, const Quat &orientation,
               const Vec3 &size, const Vec3 &color, const char *material, Primitive::Part kind = Primitive::Part::Body)
{
    Primitive p;
    p.shape = shape;
    p.part = kind;
    p.center = frame.world(local);
    p.orientation = frame.yaw * orientation;
    p.size = size;
    p.color = color;
    p.material = QLatin1String(material);
    return p;
}

BodyTag setTag(const char *surface, const char *material)
{
    BodyTag tag;
    tag.surface = QLatin1String(surface);
    tag.material = QLatin1String(material);
    return tag;
}

} // namespace

HoopGeometry buildHoop(const PlanEntity &entity, PhysicsScene &scene, QList<Primitive> &setPrimitives)
{
    using namespace hoop;
    const HoopFrame frame{entity.position, yawQuat(entity.headingDeg)};
    const Vec3 steel{0.25, 0.26, 0.28}, orange{0.85, 0.30, 0.05};

    // Post 1.2 m behind the board, with an arm reaching to the board's back.
    const double postZ = -1.2, postTop = kBoardBottom + kBoardHeight * 0.6, postR = 0.09;
    const double armY = kBoardBottom + kBoardHeight * 0.5, armFrom = postZ, armTo = -kBoardThickness / 2;
    const Vec3 armHalf{0.06, 0.06, (armTo - armFrom) / 2};
    const Vec3 armCentre{0, armY, (armTo + armFrom) / 2};
    auto post = std::make_unique<btCompoundShape>();
    btTransform local;
    local.setIdentity();
    local.setOrigin(btVector3(0, btScalar(postTop / 2), btScalar(postZ)));
    post->addChildShape(local, scene.keepShape(std::make_unique<btCylinderShape>(
                                   btVector3(btScalar(postR), btScalar(postTop / 2), btScalar(postR)))));
    local.setOrigin(toBt(armCentre));
    post->addChildShape(local, scene.keepShape(std::make_unique<btBoxShape>(toBt(armHalf))));
    scene.addBody(std::move(post), 0, frame.transform({}), setTag("post", "metal"), {0.6, 0.8, 0});
    setPrimitives.append(part(Primitive::Shape::Cylinder, frame, {0, postTop / 2, postZ}, {}, {postR, postTop / 2, 0},
                              steel, "metal"));
    setPrimitives.append(part(Primitive::Shape::Box, frame, armCentre, {}, armHalf, steel, "metal"));

    // Backboard: glass, restitution factor 0.9 (a ball keeps most of its speed off glass).
    const Vec3 boardHalf{kBoardWidth / 2, kBoardHeight / 2, kBoardThickness / 2};
    const Vec3 boardCentre{0, kBoardBottom + kBoardHeight / 2, 0};
    scene.addBody(std::make_unique<btBoxShape>(toBt(boardHalf)), 0, frame.transform(boardCentre),
                  setTag("backboard", "glass"), {0.9, 0.6, 0});
    setPrimitives.append(part(Primitive::Shape::Box, frame, boardCentre, {}, boardHalf, {0.85, 0.90, 0.95}, "glass"));

    // Rim: 16 capsules around a 0.2286 m circle, and the bracket holding it to the board. Steel
    // rims give back less than glass: restitution factor 0.75.
    const double rimZ = kBoardThickness / 2 + kRimGap + kRimRadius, tube = 0.012;
    const int segments = 16;
    const double segmentHalf = kPi * kRimRadius / segments;
    auto rim = std::make_unique<btCompoundShape>();
    for (int i = 0; i < segments; ++i) {
        const double a = (i + 0.5) * 2 * kPi / segments;
        const Vec3 centre{kRimRadius * std::cos(a), kRimHeight, rimZ + kRimRadius * std::sin(a)};
        const Quat along = quatFromYTo({-std::sin(a), 0, std::cos(a)});
        btTransform t;
        t.setIdentity();
        t.setOrigin(toBt(centre));
        t.setRotation(btQuaternion(btScalar(along.x), btScalar(along.y), btScalar(along.z), btScalar(along.w)));
        rim->addChildShape(t, scene.keepShape(std::make_unique<btCapsuleShape>(btScalar(tube),
                                                                               btScalar(2 * segmentHalf))));
        setPrimitives.append(part(Primitive::Shape::Capsule, frame, centre, along, {tube, segmentHalf, 0}, orange,
                                  "metal"));
    }
    const Vec3 bracketHalf{0.08, 0.02, kRimGap / 2};
    const Vec3 bracketCentre{0, kRimHeight - 0.01, kBoardThickness / 2 + kRimGap / 2};
    local.setIdentity();
    local.setOrigin(toBt(bracketCentre));
    rim->addChildShape(local, scene.keepShape(std::make_unique<btBoxShape>(toBt(bracketHalf))));
    scene.addBody(std::move(rim), 0, frame.transform({}), setTag("rim", "metal"), {0.75, 0.8, 0});
    setPrimitives.append(part(Primitive::Shape::Box, frame, bracketCentre, {}, bracketHalf, orange, "metal"));

    // Net: drawn only (cords from the rim to a narrower ring 0.4 m lower); it does not collide.
    for (int i = 0; i < 12; ++i) {
        const double a = i * 2 * kPi / 12;
        const Vec3 top{kRimRadius * std::cos(a), kRimHeight, rimZ + kRimRadius * std::sin(a)};
        const Vec3 bottom{0.15 * std::cos(a), kRimHeight - 0.4, rimZ + 0.15 * std::sin(a)};
        setPrimitives.append(part(Primitive::Shape::Capsule, frame, lerp(top, bottom, 0.5), quatFromYTo(bottom - top),
                                  {0.006, length(bottom - top) / 2, 0}, {0.95, 0.95, 0.95}, "fabric",
                                  Primitive::Part::Detail));
    }

    HoopGeometry geometry;
    geometry.rimCentre = frame.world({0, kRimHeight, rimZ});
    geometry.boardFront = frame.world({0, boardCentre.y, kBoardThickness / 2});
    geometry.boardNormal = rotate(frame.yaw, {0, 0, 1});
    geometry.rimRadius = kRimRadius;
    return geometry;
}

} // namespace kinora::engine::world
