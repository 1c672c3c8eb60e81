// Default stage slots and relation geometry. Positions are the centre of each bounding box's
// base; footprints account for heading (vehicles stand side-on at 90 degrees).
#include "engine/prompt/scenelayout.h"

#include <QHash>
#include <cmath>

namespace kinora::engine::prompt {
namespace {

constexpr double kGap = 0.3;     // between things that touch ("next to")
constexpr double kNearGap = 1.0; // "near"
constexpr double kMargin = 0.25; // free space kept around default placements

// Footprint half extents on the ground (x, z) after heading.
std::pair<double, double> halfFootprint(const PlanEntity &e)
{
    const bool sideways = std::fmod(std::abs(e.headingDeg), 180.0) == 90.0;
    return sideways ? std::pair{e.size.z / 2, e.size.x / 2} : std::pair{e.size.x / 2, e.size.z / 2};
}

bool overlaps(const PlanEntity &a, const Vec3 &at, const PlanEntity &b, double margin)
{
    const auto [ax, az] = halfFootprint(a);
    const auto [bx, bz] = halfFootprint(b);
    const bool ground = std::abs(at.y - b.position.y) < std::max(a.size.y, b.size.y);
    return ground && std::abs(at.x - b.position.x) < ax + bx + margin && std::abs(at.z - b.position.z) < az + bz + margin;
}

bool freeAt(const QList<PlanEntity> &all, const QList<bool> &placed, int self, const Vec3 &at, double margin)
{
    for (int i = 0; i < all.size(); ++i)
        if (i != self && placed.at(i) && overlaps(all.at(self), at, all.at(i), margin))
            return false;
    return true;
}

// Slots in order of preference: the centre first, then outward; structures prefer the back.
QList<Vec3> slots(bool structure)
{
    static const double xs[] = {0, -1.5, 1.5, -3, 3};
    static const double zsFront[] = {0, -1.5, 1.5, -3, 3};
    static const double zsBack[] = {-3, -1.5, 0, 1.5, 3};
    QList<Vec3> out;
    for (const double z : structure ? zsBack : zsFront)
        for (const double x : xs)
            out << Vec3{x, 0, z};
    // Beyond the stage for big things (a bus, a house): rings further back and to the sides.
    for (const double r : {6.0, 9.0, 13.0, 18.0, 25.0})
        for (const double x : {0.0, -r, r})
            out << Vec3{x, 0, -r};
    return out;
}

void placeDefault(QList<PlanEntity> &all, QList<bool> &placed, int i)
{
    PlanEntity &e = all[i];
    if (e.shape == QLatin1String("hoop")) {
        const Vec3 hoop{0, 0, kHoopZ};
        if (freeAt(all, placed, i, hoop, 0)) {
            e.position = hoop;
            placed[i] = true;
            return;
        }
    }
    const QList<Vec3> candidates = slots(e.category == QLatin1String("structure"));
    for (const Vec3 &c : candidates)
        if (freeAt(all, placed, i, c, kMargin)) {
            e.position = c;
            placed[i] = true;
            return;
        }
    e.position = candidates.last();
    placed[i] = true;
}

// Where @p a goes relative to @p b; the lateral ones try the other side when taken.
Vec3 relate(const QList<PlanEntity> &all, const QList<bool> &placed, int ai, int bi, const QString &kind, int sharing)
{
    const PlanEntity &a = all.at(ai);
    const PlanEntity &b = all.at(bi);
    const auto [ax, az] = halfFootprint(a);
    const auto [bx, bz] = halfFootprint(b);
    // Lateral neighbours share the reference's support (a cup beside a cup on a table) unless
    // they stand on the ground by nature (a wall behind a bottle on a table).
    const Vec3 p{b.position.x, a.isStatic ? 0.0 : b.position.y, b.position.z};
    const double top = b.position.y + b.size.y;
    if (kind == QLatin1String("on")) {
        // Several things on one table stand side by side: centre, right, left, further right...
        const double step = (sharing + 1) / 2 * (a.size.x + 0.1) * (sharing % 2 ? 1 : -1);
        return Vec3{p.x + step, top, p.z};
    }
    if (kind == QLatin1String("above"))
        return Vec3{p.x, top + 0.5, p.z};
    if (kind == QLatin1String("under"))
        return Vec3{p.x, std::max(0.0, b.position.y - a.size.y), p.z};
    if (kind == QLatin1String("behind"))
        return Vec3{p.x, p.y, p.z - (az + bz + kGap)};
    if (kind == QLatin1String("front"))
        return Vec3{p.x, p.y, p.z + (az + bz + kGap)};
    if (kind == QLatin1String("left"))
        return Vec3{p.x - (ax + bx + kGap), p.y, p.z};
    if (kind == QLatin1String("right"))
        return Vec3{p.x + (ax + bx + kGap), p.y, p.z};
    const double gap = kind == QLatin1String("near") ? kNearGap : kind == QLatin1String("with") ? 0.05 : kGap;
    const Vec3 right{p.x + (ax + bx + gap), p.y, p.z};
    const Vec3 left{p.x - (ax + bx + gap), p.y, p.z};
    QList<bool> others = placed;
    others[bi] = false; // touching the reference is the point
    return freeAt(all, others, ai, right, 0) || !freeAt(all, others, ai, left, 0) ? right : left;
}

// Where a path starts. "past": already in the lane beside the reference on the camera's side, just
// before its near end, so even a short shot's walk passes all of it; "toward": a few metres to one side, facing it.
// Tries the left first (walking right, as a reader's eye goes), then the right. A vehicle is long:
// its nose stops short of the reference, its lane keeps its half width clear, and it drives up to
// a thing from 12 m off (a few seconds at town speed) rather than from 3 m.
std::pair<Vec3, double> pathStart(const QList<PlanEntity> &all, const QList<bool> &placed, int ai, int bi,
                                  const QString &kind)
{
    const PlanEntity &a = all.at(ai);
    const PlanEntity &b = all.at(bi);
    const auto [ax, az] = halfFootprint(a);
    const auto [bx, bz] = halfFootprint(b);
    const bool vehicle = a.category == QLatin1String("vehicle");
    const double radius = std::max(ax, az);
    const double ahead = vehicle ? a.size.z / 2 : radius, beside = vehicle ? a.size.x / 2 : radius;
    const bool past = kind == QLatin1String("past");
    const double along = past ? bx + ahead + 0.1 : bx + ahead + (vehicle ? 12.0 : 3.0);
    const double lane = past ? b.position.z + bz + beside + 0.5 : b.position.z;
    std::pair<Vec3, double> first{};
    for (const double side : {-1.0, 1.0}) {
        const Vec3 at{b.position.x + side * along, 0, lane};
        const std::pair<Vec3, double> start{at, side < 0 ? 90.0 : -90.0}; // facing the way it goes
        if (side < 0)
            first = start;
        if (freeAt(all, placed, ai, at, 0))
            return start;
    }
    return first;
}

QString inverse(const QString &kind)
{
    static const QHash<QString, QString> inv{{"behind", "front"}, {"front", "behind"}, {"left", "right"},
                                             {"right", "left"}, {"beside", "beside"}, {"near", "near"},
                                             {"with", "with"}};
    return inv.value(kind);
}

} // namespace

void layoutScene(QList<PlanEntity> &entities, int firstNew, const QList<SpatialRelation> &relations, QStringList *notes)
{
    QList<bool> placed(entities.size(), false);
    for (int i = 0; i < firstNew; ++i)
        placed[i] = true;
    // Anchors of relations are placed by the relation, not by default, so they never claim a
    // centre slot that an unrelated entity needs.
    QList<bool> anchored(entities.size(), false);
    for (const SpatialRelation &r : relations)
        if (r.anchor >= firstNew)
            anchored[r.anchor] = true;
    for (int i = firstNew; i < entities.size(); ++i)
        if (!anchored.at(i))
            placeDefault(entities, placed, i);
    QHash<int, QList<int>> dependents; // things standing on / hanging over / held by an entity
    for (const SpatialRelation &r : relations) {
        int a = r.anchor, b = r.reference;
        QString kind = r.kind;
        if (a < 0 || b < 0 || a == b)
            continue;
        if (a < firstNew && b < firstNew) {
            notes->append(QStringLiteral("'%1 %2 %3': both were placed in an earlier shot and keep their positions")
                              .arg(entities.at(a).id, r.kind, entities.at(b).id));
            continue;
        }
        if (a < firstNew) {
            kind = inverse(kind);
            if (kind.isEmpty()) {
                if (!placed.at(b))
                    placeDefault(entities, placed, b);
                notes->append(QStringLiteral("'%1 %2 %3': %1 keeps its position from the previous shot")
                                  .arg(entities.at(a).id, r.kind, entities.at(b).id));
                continue;
            }
            std::swap(a, b);
        }
        if (!placed.at(b))
            placeDefault(entities, placed, b);
        int sharing = 0;
        for (const int d : dependents.value(b))
            sharing += entities.at(d).position.y > entities.at(b).position.y ? 1 : 0;
        const bool pathKind = kind == QLatin1String("past") || kind == QLatin1String("toward");
        Vec3 to;
        if (pathKind) {
            const auto [start, heading] = pathStart(entities, placed, a, b, kind);
            to = start;
            entities[a].headingDeg = heading;
        } else {
            to = relate(entities, placed, a, b, kind, sharing);
        }
        const Vec3 from = entities.at(a).position;
        const bool wasPlaced = placed.at(a);
        entities[a].position = to;
        placed[a] = true;
        if (wasPlaced) // carry what stands on it along
            for (const int d : dependents.value(a)) {
                Vec3 &p = entities[d].position;
                p = Vec3{p.x + to.x - from.x, p.y + to.y - from.y, p.z + to.z - from.z};
            }
        if (kind == QLatin1String("on") || kind == QLatin1String("above") || kind == QLatin1String("with"))
            dependents[b] << a;
    }
    for (int i = firstNew; i < entities.size(); ++i)
        if (!placed.at(i))
            placeDefault(entities, placed, i);
}

QString environmentForThings(const QList<PlanEntity> &entities, QString *noun)
{
    static const QList<std::pair<const char *, const char *>> hints{
        {"hoop", "basketball-court"}, {"bleachers", "gym"}, {"car", "street"}, {"taxi", "street"},
        {"bus", "street"}, {"lamppost", "street"}, {"traffic light", "street"}, {"boat", "beach"},
        {"surfboard", "beach"}, {"sandcastle", "beach"}, {"tree", "park"}, {"bench", "park"},
        {"fish", "underwater"}, {"astronaut", "space"}, {"spaceship", "space"}, {"stove", "kitchen"},
        {"fridge", "kitchen"}, {"desk", "office"}};
    for (const auto &[hint, env] : hints)
        for (const PlanEntity &e : entities)
            if (e.noun == QLatin1String(hint)) {
                *noun = QLatin1String(hint);
                return QLatin1String(env);
            }
    return {};
}

void placeInWater(QList<PlanEntity> &entities, int firstNew, const QList<int> &inWater, const QString &environment,
                  QStringList *notes)
{
    if (inWater.isEmpty() || environment == QLatin1String("underwater"))
        return;
    if (environment != QLatin1String("beach")) {
        *notes << QStringLiteral("'water': a %1 has no water to put things in; set the place to a beach or underwater")
                      .arg(environment);
        return;
    }
    // Side by side a metre apart, just above the surface, so the drop and the splash stay in frame.
    QList<int> fresh;
    for (const int e : inWater)
        if (e >= firstNew) // things carried from the last shot stay where they were
            fresh << e;
    for (int k = 0; k < fresh.size(); ++k)
        entities[fresh.at(k)].position = Vec3{(k - (fresh.size() - 1) / 2.0) * 1.0, 0.6, kBeachSeaStartZ - 2.5};
}

} // namespace kinora::engine::prompt
