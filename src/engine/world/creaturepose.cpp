// CreaturePose: a trotting quadruped (diagonal leg pairs), a bird that flaps when it moves, a fish
// whose tail beats faster the faster it swims. Local frame: x left, y up, z forward (the heading).
#include "engine/world/creaturepose.h"

#include "engine/world/worldmath.h"

#include <algorithm>

namespace kinora::engine::world {

namespace {

struct Builder
{
    const CreatureInput &in;
    Quat yaw;
    int entity;
    QList<Primitive> &out;

    Vec3 world(const Vec3 &local) const { return in.root + rotate(yaw, local) + Vec3{0, in.lift, 0}; }
    void add(Primitive::Shape shape, Primitive::Part part, const Vec3 &centre, const Quat &localOrientation,
             const Vec3 &size, const Vec3 &color)
    {
        Primitive p;
        p.shape = shape;
        p.part = part;
        p.center = world(centre);
        p.orientation = yaw * localOrientation;
        p.size = size;
        p.color = color;
        p.material = in.material;
        p.entity = entity;
        out.append(p);
    }
    void limb(const Vec3 &a, const Vec3 &b, double radius, const Vec3 &color,
              Primitive::Part part = Primitive::Part::Limb)
    {
        add(Primitive::Shape::Capsule, part, lerp(a, b, 0.5), quatFromYTo(b - a), {radius, length(b - a) / 2, 0},
            color);
    }
    void head(const Vec3 &centre, double radius, double eyeSpread)
    {
        add(Primitive::Shape::Sphere, Primitive::Part::Head, centre, {}, {radius, 0, 0}, in.color);
        out.last().mouthOpen = in.talk * std::max(0.0, std::sin(2 * kPi * 3.0 * in.time));
        for (int side = -1; side <= 1; side += 2) {
            add(Primitive::Shape::Sphere, Primitive::Part::Eye,
                centre + Vec3{side * eyeSpread * radius, 0.25 * radius, 0.8 * radius}, {}, {0.18 * radius, 0, 0},
                {0.04, 0.03, 0.03});
            out.last().material = QStringLiteral("eye");
        }
    }
};

Vec3 shade(const Vec3 &c, double f) { return {c.x * f, c.y * f, c.z * f}; }
const Quat kAlongZ = {std::sqrt(0.5), std::sqrt(0.5), 0, 0}; // local +y onto +z

void quadruped(Builder &b)
{
    const Vec3 s = b.in.size;
    const double legLen = 0.5 * s.y, bodyR = std::min(0.22 * s.y, 0.3 * s.x), bodyY = legLen + bodyR * 0.7;
    const double halfBody = std::max(0.0, 0.36 * s.z - bodyR);
    const double walk = std::min(b.in.stride, 1.0), run = std::clamp(b.in.stride - 1, 0.0, 1.0);
    const double swing = walk * (0.4 + 0.2 * run);
    const double bob = 0.03 * s.y * walk * std::abs(std::sin(2 * kPi * b.in.phase));
    b.add(Primitive::Shape::Capsule, Primitive::Part::Body, {0, bodyY + bob, 0}, kAlongZ, {bodyR, halfBody, 0},
          b.in.color);
    // Legs: front-left with back-right, front-right with back-left (a trot).
    const double phases[4] = {0.0, 0.5, 0.5, 0.0};
    for (int i = 0; i < 4; ++i) {
        const double x = (i % 2 == 0 ? 1 : -1) * 0.6 * bodyR, z = (i < 2 ? 1 : -1) * halfBody;
        const double a = swing * std::sin(2 * kPi * (b.in.phase + phases[i]));
        const Vec3 hip{x, bodyY + bob, z};
        b.limb(hip, hip + Vec3{0, -std::cos(a), std::sin(a)} * (bodyY + bob), 0.18 * bodyR, shade(b.in.color, 0.9));
    }
    const Vec3 neck{0, bodyY + bob + 0.5 * bodyR, halfBody + 0.5 * bodyR};
    const Vec3 headC = neck + Vec3{0, 0.45 * s.y * 0.6, 0.35 * bodyR};
    b.limb(neck, headC, 0.45 * bodyR, b.in.color, Primitive::Part::Body);
    b.head(headC, 0.7 * bodyR, 0.45);
    b.limb(headC + Vec3{0, -0.2 * bodyR, 0.4 * bodyR}, headC + Vec3{0, -0.3 * bodyR, 1.1 * bodyR}, 0.3 * bodyR,
           shade(b.in.color, 0.85), Primitive::Part::Detail); // snout
    const double wag = std::sin(2 * kPi * 2.5 * b.in.time) * 0.5;
    const Vec3 tailBase{0, bodyY + bob + 0.3 * bodyR, -halfBody - 0.8 * bodyR};
    b.limb(tailBase, tailBase + Vec3{std::sin(wag), 0.8, -0.6} * (0.6 * bodyR), 0.12 * bodyR, b.in.color,
           Primitive::Part::Detail);
}

void bird(Builder &b)
{
    const Vec3 s = b.in.size;
    const double legLen = 0.3 * s.y, bodyR = 0.28 * s.y;
    const double bodyY = legLen + bodyR + 0.02 * s.y * std::abs(std::sin(2 * kPi * b.in.phase));
    b.add(Primitive::Shape::Capsule, Primitive::Part::Body, {0, bodyY, 0}, quatFromYTo({0, 0.4, 1}),
          {bodyR, 0.25 * s.z, 0}, b.in.color);
    for (int side = -1; side <= 1; side += 2) {
        const double a = 0.3 * std::sin(2 * kPi * (b.in.phase + (side > 0 ? 0 : 0.5))) * std::min(b.in.stride, 1.0);
        const Vec3 hip{side * 0.4 * bodyR, bodyY - 0.6 * bodyR, 0};
        b.limb(hip, Vec3{hip.x, 0, std::sin(a) * legLen}, 0.05 * bodyR, {0.8, 0.55, 0.2});
        // Wings fold at rest and beat when the bird moves or lifts off.
        const double beat = (b.in.stride > 0 || b.in.lift > 0) ? std::sin(2 * kPi * 6 * b.in.time) : -0.6;
        const Quat wing = quatAxisAngle({0, 0, 1}, side * (0.9 + 0.7 * beat));
        b.add(Primitive::Shape::Box, Primitive::Part::Limb, {side * 0.9 * bodyR, bodyY + 0.2 * bodyR, 0}, wing,
              {0.03 * s.y, 0.45 * s.x, 0.3 * s.z}, shade(b.in.color, 0.8));
    }
    const Vec3 headC{0, bodyY + 1.3 * bodyR, 0.3 * s.z};
    b.head(headC, 0.6 * bodyR, 0.55);
    b.limb(headC + Vec3{0, 0, 0.5 * bodyR}, headC + Vec3{0, -0.1 * bodyR, 1.2 * bodyR}, 0.12 * bodyR,
           {0.9, 0.6, 0.1}, Primitive::Part::Detail); // beak
}

void fish(Builder &b)
{
    const Vec3 s = b.in.size;
    const double bodyR = 0.45 * std::min(s.x, s.y), halfBody = std::max(0.0, 0.3 * s.z - bodyR);
    const double beatHz = 1.5 + 2.0 * b.in.stride;
    const double beat = std::sin(2 * kPi * beatHz * b.in.time);
    const double y = 0.5 * s.y;
    b.add(Primitive::Shape::Capsule, Primitive::Part::Body, {0, y, 0}, quatFromYTo({0.08 * beat, 0, 1}),
          {bodyR, halfBody, 0}, b.in.color);
    const Quat tail = quatAxisAngle({0, 1, 0}, 0.5 * beat);
    b.add(Primitive::Shape::Box, Primitive::Part::Limb, {0.1 * s.z * beat, y, -halfBody - bodyR - 0.1 * s.z}, tail,
          {0.01 * s.z, 0.8 * bodyR, 0.12 * s.z}, shade(b.in.color, 0.8));
    b.head({0, y + 0.1 * bodyR, halfBody + 0.2 * bodyR}, 0.85 * bodyR, 0.6);
}

} // namespace

void appendCreaturePrimitives(const CreatureInput &in, int entity, QList<Primitive> &out)
{
    Builder b{in, yawQuat(in.headingDeg), entity, out};
    if (in.shape == QLatin1String("bird"))
        bird(b);
    else if (in.shape == QLatin1String("fish"))
        fish(b);
    else
        quadruped(b);
}

} // namespace kinora::engine::world
