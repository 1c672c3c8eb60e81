// StageSet: floors, walls and water per environment. Entity restitution and friction are the
// values against a hard floor; the floor's own values are factors, because Bullet multiplies.
#include "engine/world/stageset.h"

#include "engine/world/worldmath.h"

namespace kinora::engine::world {

namespace {

struct EnvironmentSpec
{
    const char *name;
    const char *floor;
    bool indoor;
    double halfWidth;
    double backZ;
    double frontZ;
    double wallHeight;
    Vec3 wallColor;
};

// Sizes follow the real places: a gym fits a 28 m court, a room is 8 m across.
const EnvironmentSpec kEnvironments[] = {
    {"gym", "wood", true, 15, -12, 12, 8, {0.78, 0.74, 0.66}},
    {"basketball-court", "wood", true, 15, -12, 12, 8, {0.70, 0.72, 0.76}},
    {"stage", "wood", true, 8, -6, 8, 6, {0.12, 0.10, 0.12}},
    {"room", "wood", true, 4, -4, 4, 2.8, {0.86, 0.83, 0.76}},
    {"office", "tile", true, 6, -5, 5, 3, {0.82, 0.84, 0.85}},
    {"kitchen", "tile", true, 4, -4, 4, 2.8, {0.90, 0.88, 0.80}},
    {"street", "asphalt", false, 30, -30, 30, 0, {}},
    {"park", "grass", false, 30, -30, 30, 0, {}},
    {"forest", "grass", false, 30, -30, 30, 0, {}},
    {"beach", "sand", false, 30, -40, 30, 0, {}},
    {"space", "", false, 30, -30, 30, 0, {}},
    {"underwater", "sand", false, 30, -30, 30, 0, {}},
};

const EnvironmentSpec &specFor(const QString &environment)
{
    for (const EnvironmentSpec &spec : kEnvironments)
        if (environment == QLatin1String(spec.name))
            return spec;
    return kEnvironments[3]; // room
}

btTransform at(const Vec3 &centre)
{
    btTransform t;
    t.setIdentity();
    t.setOrigin(toBt(centre));
    return t;
}

void addStaticBox(PhysicsScene &scene, const Vec3 &centre, const Vec3 &half, const BodyTag &tag,
                  const SurfaceResponse &response)
{
    scene.addBody(std::make_unique<btBoxShape>(toBt(half)), 0, at(centre), tag, response);
}

Primitive boxPrimitive(const Vec3 &centre, const Vec3 &half, const Vec3 &color, const QString &material,
                       Primitive::Part part = Primitive::Part::Body)
{
    Primitive p;
    p.shape = Primitive::Shape::Box;
    p.part = part;
    p.center = centre;
    p.size = half;
    p.color = color;
    p.material = material;
    return p;
}

} // namespace

bool environmentHasGravity(const QString &environment) { return environment != QLatin1String("space"); }

SurfaceResponse floorResponse(const QString &floorMaterial)
{
    // Restitution factors: hard floors return the ball's own restitution unchanged (1.0); grass
    // and sand soak up energy. Bullet combines rolling friction as rollA * frictionB + rollB *
    // frictionA, so hard floors add none (a ball's own rolling friction decides) and soft ground
    // adds its own lever arm, which stops a ball sooner.
    if (floorMaterial == QLatin1String("asphalt"))
        return {0.92, 1.0, 0.003};
    if (floorMaterial == QLatin1String("grass"))
        return {0.55, 1.0, 0.03};
    if (floorMaterial == QLatin1String("sand"))
        return {0.25, 1.2, 0.08};
    return {1.0, 1.0, 0}; // wood, tile
}

StageSet buildStageSet(const QString &environment, PhysicsScene &scene)
{
    const EnvironmentSpec &spec = specFor(environment);
    StageSet set;
    set.floorMaterial = QLatin1String(spec.floor);
    set.gravity = environmentHasGravity(environment);
    set.halfWidth = spec.halfWidth;
    set.backZ = spec.backZ;
    set.frontZ = spec.frontZ;

    const SurfaceResponse floor = floorResponse(set.floorMaterial);
    BodyTag floorTag;
    floorTag.surface = QStringLiteral("floor");
    floorTag.material = set.floorMaterial;
    floorTag.isFloor = true;

    if (environment == QLatin1String("beach")) {
        // Dry sand for z > -6, then the sea: water from the sea bed (-1.5 m) up to y = 0.
        set.water.present = true;
        set.water.surfaceY = 0;
        set.water.beyondZ = kBeachSeaStartZ;
        set.water.bottomY = -1.5;
        const double far = 200;
        addStaticBox(scene, {0, -1, (far + set.water.beyondZ) / 2}, {far, 1, (far - set.water.beyondZ) / 2},
                     floorTag, floor);
        addStaticBox(scene, {0, set.water.bottomY - 1, (set.water.beyondZ - far) / 2},
                     {far, 1, (far + set.water.beyondZ) / 2}, floorTag, floor);
        const double seaDepth = set.water.surfaceY - set.water.bottomY;
        set.primitives.append(boxPrimitive({0, set.water.surfaceY - seaDepth / 2, set.water.beyondZ - 30},
                                           {spec.halfWidth * 2, seaDepth / 2, 30}, {0.05, 0.25, 0.35},
                                           QStringLiteral("water"), Primitive::Part::Detail));
    } else if (!set.floorMaterial.isEmpty()) {
        scene.addBody(std::make_unique<btStaticPlaneShape>(btVector3(0, 1, 0), 0), 0, at({}), floorTag, floor);
    }
    if (environment == QLatin1String("underwater")) {
        // Water over the whole stage, 8 m deep: deep enough to film in, shallow enough that
        // something buoyant reaches the surface within a shot.
        set.water.present = true;
        set.water.everywhere = true;
        set.water.surfaceY = 8;
        set.water.bottomY = 0;
    }

    if (spec.indoor) {
        // Three walls are drawn; the fourth is where the camera stands, so it only collides.
        BodyTag wallTag;
        wallTag.surface = QStringLiteral("wall");
        wallTag.material = QStringLiteral("plaster");
        const SurfaceResponse wall{0.85, 1.0, 0};
        const double t = 0.1, h = spec.wallHeight / 2;
        const double midZ = (spec.backZ + spec.frontZ) / 2, halfZ = (spec.frontZ - spec.backZ) / 2;
        const struct { Vec3 centre; Vec3 half; bool drawn; } walls[] = {
            {{0, h, spec.backZ - t}, {spec.halfWidth + 2 * t, h, t}, true},
            {{-spec.halfWidth - t, h, midZ}, {t, h, halfZ}, true},
            {{spec.halfWidth + t, h, midZ}, {t, h, halfZ}, true},
            {{0, h, spec.frontZ + t}, {spec.halfWidth + 2 * t, h, t}, false},
        };
        for (const auto &w : walls) {
            addStaticBox(scene, w.centre, w.half, wallTag, wall);
            if (w.drawn)
                set.primitives.append(boxPrimitive(w.centre, w.half, spec.wallColor, wallTag.material));
        }
    }
    return set;
}

} // namespace kinora::engine::world
