// PersonPose: joints are placed in the figure's own frame (x = the figure's left, y up, z forward),
// then turned by the heading and moved to the root. Angles are radians, lengths fractions of height.
#include "engine/world/personpose.h"

#include "engine/world/worldmath.h"

#include <algorithm>

namespace kinora::engine::world {

namespace {

constexpr double kThigh = 0.245, kShin = 0.245, kAnkle = 0.04;
constexpr double kUpperArm = 0.17, kForearm = 0.16;

Vec3 sagittal(double angle) { return {0, -std::cos(angle), std::sin(angle)}; } // 0 = straight down

/// Two-bone reach: places the elbow so the hand lands on target (or as near as the arm allows).
void reachArm(const Vec3 &shoulder, const Vec3 &target, double upper, double fore, double side, Vec3 &elbow,
              Vec3 &hand)
{
    const Vec3 toTarget = target - shoulder;
    const double d = std::clamp(length(toTarget), std::abs(upper - fore) + 1e-4, upper + fore - 1e-4);
    const Vec3 dir = normalized(toTarget, {0, -1, 0});
    const double cosA = std::clamp((upper * upper + d * d - fore * fore) / (2 * upper * d), -1.0, 1.0);
    Vec3 pole = Vec3{side, -1, -0.4} - dir * dot(Vec3{side, -1, -0.4}, dir);
    pole = normalized(pole, {side, 0, 0});
    elbow = shoulder + dir * (upper * cosA) + pole * (upper * std::sqrt(1 - cosA * cosA));
    hand = shoulder + dir * d;
}

double hash01(std::uint32_t seed, std::uint32_t salt)
{
    std::uint32_t h = seed * 2654435761u ^ (salt + 0x9e3779b9u + (seed << 6) + (seed >> 2));
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    return double(h % 10007) / 10007.0;
}

Primitive limb(const Vec3 &a, const Vec3 &b, double radius, const Vec3 &color, const QString &material)
{
    Primitive p;
    p.shape = Primitive::Shape::Capsule;
    p.part = Primitive::Part::Limb;
    p.center = lerp(a, b, 0.5);
    p.orientation = quatFromYTo(b - a);
    p.size = {radius, length(b - a) / 2, 0};
    p.color = color;
    p.material = material;
    return p;
}

Primitive ball(const Vec3 &centre, double radius, const Vec3 &color, Primitive::Part part, const QString &material)
{
    Primitive p;
    p.shape = Primitive::Shape::Sphere;
    p.part = part;
    p.center = centre;
    p.size = {radius, 0, 0};
    p.color = color;
    p.material = material;
    return p;
}

} // namespace

Look lookFor(const PlanEntity &entity)
{
    static const Vec3 skins[] = {{0.96, 0.80, 0.69}, {0.89, 0.68, 0.53}, {0.78, 0.57, 0.42},
                                 {0.62, 0.43, 0.30}, {0.45, 0.30, 0.20}, {0.32, 0.21, 0.15}};
    static const Vec3 hairs[] = {{0.08, 0.06, 0.05}, {0.30, 0.18, 0.09}, {0.55, 0.38, 0.20},
                                 {0.85, 0.70, 0.45}, {0.50, 0.50, 0.50}, {0.60, 0.22, 0.10}};
    static const Vec3 cloth[] = {{0.15, 0.25, 0.55}, {0.60, 0.12, 0.12}, {0.20, 0.45, 0.25}, {0.85, 0.85, 0.80},
                                 {0.25, 0.25, 0.28}, {0.85, 0.55, 0.15}, {0.45, 0.30, 0.55}};
    const std::uint32_t s = entity.lookSeed;
    Look look;
    look.skin = skins[int(hash01(s, 1) * 6)];
    look.hair = hairs[int(hash01(s, 2) * 6)];
    look.shirt = entity.colorName.isEmpty() ? cloth[int(hash01(s, 3) * 7)] : entity.color;
    look.pants = cloth[int(hash01(s, 4) * 7)];
    look.shoes = {0.1, 0.1, 0.1};
    return look;
}

PersonPose posePerson(const PoseInput &in)
{
    const double H = in.height;
    const double t = in.time;
    const double walk = std::min(in.stride, 1.0), run = std::clamp(in.stride - 1, 0.0, 1.0);
    const double swing = walk * (0.35 + 0.25 * run);
    const double kneeSwing = walk * (0.55 + 0.75 * run);
    const double armBend = 0.25 + 1.0 * run;
    const double sitAngle = in.sit * kPi / 2;
    const double breath = 0.004 * H * std::sin(2 * kPi * 0.25 * t);

    std::array<Vec3, JointCount> j;
    j[Pelvis] = {0, 0.53 * H, 0};
    // Legs: hip angle swings with the gait; the knee folds during the swing half of the cycle.
    for (int side = 0; side < 2; ++side) {
        const double p = in.phase + (side == 0 ? 0.0 : 0.5);
        const double s = std::sin(2 * kPi * p), c = std::cos(2 * kPi * p);
        double hip = swing * s + sitAngle;
        double knee = kneeSwing * std::max(0.0, c) + 0.08 * walk + sitAngle;
        if (side == 1 && in.kick >= 0) { // right leg: back-swing then kick through
            hip = in.kick < 0.5 ? -0.6 * (in.kick / 0.5) : -0.6 + 1.9 * ((in.kick - 0.5) / 0.5);
            knee = in.kick < 0.5 ? 1.0 * (in.kick / 0.5) : 1.0 * (1 - (in.kick - 0.5) / 0.5);
        }
        if (in.lift > 0)
            knee += 0.5;
        const int hipJ = side == 0 ? LHip : RHip;
        const double x = (side == 0 ? 1 : -1) * 0.055 * H;
        j[hipJ] = j[Pelvis] + Vec3{x, -0.02 * H, 0};
        j[hipJ + 1] = j[hipJ] + sagittal(hip) * (kThigh * H);
        j[hipJ + 2] = j[hipJ + 1] + sagittal(hip - knee) * (kShin * H);
    }
    // Keep the lower foot on the ground: this is what makes the pelvis bob in the gait and drop
    // when sitting, without solving leg IK.
    const double lowest = std::min(j[LFoot].y, j[RFoot].y) - kAnkle * H;
    const double dance = in.dance * std::abs(std::sin(2 * kPi * 1.0 * t)) * 0.04 * H;
    for (int i = Pelvis; i < JointCount; ++i)
        if (i == Pelvis || i >= LHip)
            j[i].y += -lowest - dance;
    const double sway = in.dance * 0.05 * H * std::sin(2 * kPi * 0.5 * t);
    const double lean = 0.05 * run + 0.02 * walk;
    j[Chest] = j[Pelvis] + Vec3{sway, 0.27 * H + breath, lean * H};
    j[Neck] = j[Chest] + Vec3{0, 0.065 * H, 0.005 * H};
    const double nod = in.talk * 0.01 * H * std::sin(2 * kPi * 1.3 * t);
    j[Head] = j[Neck] + Vec3{0, 0.07 * H + nod, 0.01 * H};

    // Arms: counter-swing with the opposite leg, unless a gesture or a held ball takes them.
    for (int side = 0; side < 2; ++side) {
        const double sx = side == 0 ? 1 : -1;
        const int sh = side == 0 ? LShoulder : RShoulder;
        j[sh] = j[Chest] + Vec3{sx * 0.12 * H, 0.02 * H, 0};
        const double legAngle = swing * std::sin(2 * kPi * (in.phase + (side == 0 ? 0.5 : 0.0)));
        Vec3 upperDir = normalized(sagittal(legAngle * 1.1) + Vec3{sx * 0.12, 0, 0});
        Vec3 foreDir = normalized(sagittal(legAngle * 1.1 + armBend * walk + 0.15) + Vec3{sx * 0.05, 0, 0});
        if (in.dance > 0) {
            const double wiggle = std::sin(2 * kPi * 1.0 * t + side * kPi);
            upperDir = normalized(lerp(upperDir, Vec3{sx * 0.7, 0.4 + 0.3 * wiggle, 0.3}, in.dance));
            foreDir = normalized(lerp(foreDir, Vec3{sx * 0.2, 1.0, 0.2 * wiggle}, in.dance));
        }
        if (side == 1 && in.wave > 0) {
            upperDir = normalized(lerp(upperDir, Vec3{-0.7, 0.55, 0.25}, in.wave));
            foreDir = normalized(lerp(foreDir, Vec3{-0.45 * std::sin(2 * kPi * 2 * t), 1, 0.1}, in.wave));
        }
        if (in.followAmount > 0 && in.follow != PoseInput::Follow::None && (side == 1 || in.follow == PoseInput::Follow::Shoot)) {
            Vec3 u{0, 0.75, 0.65}, f{0, 0.5, 0.85};
            if (in.follow == PoseInput::Follow::Throw)
                u = {0, 0.1, 1}, f = {0, -0.2, 1};
            else if (in.follow == PoseInput::Follow::Low)
                u = {0, -0.6, 0.8}, f = {0, -0.5, 0.85};
            upperDir = normalized(lerp(upperDir, u, in.followAmount));
            foreDir = normalized(lerp(foreDir, f, in.followAmount));
        }
        j[sh + 1] = j[sh] + upperDir * (kUpperArm * H);
        j[sh + 2] = j[sh + 1] + foreDir * (kForearm * H);
    }

    // Into the world: heading, root, jump lift.
    const Quat yaw = yawQuat(in.headingDeg);
    PersonPose pose;
    for (int i = 0; i < JointCount; ++i)
        pose.joints[size_t(i)] = in.root + rotate(yaw, j[size_t(i)]) + Vec3{0, in.lift, 0};
    if (in.reach) {
        const Vec3 side = rotate(yaw, {1, 0, 0}) * (0.09 * H);
        reachArm(pose.joints[LShoulder], in.reachPoint + side, kUpperArm * H, kForearm * H, 0, pose.joints[LElbow],
                 pose.joints[LHand]);
        reachArm(pose.joints[RShoulder], in.reachPoint - side, kUpperArm * H, kForearm * H, 0, pose.joints[RElbow],
                 pose.joints[RHand]);
    }
    // Speech: the mouth opens and closes at syllable rate while talking.
    pose.mouthOpen = in.talk * std::max(0.0, std::sin(2 * kPi * 4.1 * t) * 0.7 + 0.3 * std::sin(2 * kPi * 6.7 * t));
    return pose;
}

void appendPersonPrimitives(const PersonPose &pose, const PoseInput &in, const Look &look, const QString &material,
                            int entity, QList<Primitive> &out)
{
    const double H = in.height;
    const auto &j = pose.joints;
    const Quat yaw = yawQuat(in.headingDeg);
    const int first = int(out.size());
    out.append(limb(j[Pelvis] + Vec3{0, 0.05 * H, 0}, j[Chest], 0.09 * H, look.shirt, material));
    out.append(limb(j[LShoulder], j[RShoulder], 0.045 * H, look.shirt, material));
    out.append(limb(j[LHip], j[RHip], 0.065 * H, look.pants, material));
    out.append(limb(j[Neck] - Vec3{0, 0.03 * H, 0}, j[Neck] + Vec3{0, 0.02 * H, 0}, 0.03 * H, look.skin, material));
    for (int side = 0; side < 2; ++side) {
        const int sh = side == 0 ? LShoulder : RShoulder, hip = side == 0 ? LHip : RHip;
        out.append(limb(j[sh], j[sh + 1], 0.034 * H, look.shirt, material));
        out.append(limb(j[sh + 1], j[sh + 2], 0.028 * H, look.skin, material));
        out.append(ball(j[sh + 2], 0.032 * H, look.skin, Primitive::Part::Limb, material));
        out.append(limb(j[hip], j[hip + 1], 0.05 * H, look.pants, material));
        out.append(limb(j[hip + 1], j[hip + 2], 0.04 * H, look.pants, material));
        Primitive shoe;
        shoe.shape = Primitive::Shape::Box;
        shoe.part = Primitive::Part::Limb;
        shoe.center = j[hip + 2] + rotate(yaw, {0, -0.02 * H, 0.035 * H});
        shoe.orientation = yaw;
        shoe.size = {0.03 * H, 0.02 * H, 0.065 * H};
        shoe.color = look.shoes;
        shoe.material = QStringLiteral("leather");
        out.append(shoe);
    }
    Primitive head = ball(j[Head], 0.065 * H, look.skin, Primitive::Part::Head, material);
    head.orientation = yaw;
    head.mouthOpen = pose.mouthOpen;
    out.append(head);
    out.append(ball(j[Head] + rotate(yaw, {0, 0.012 * H, -0.012 * H}), 0.067 * H, look.hair, Primitive::Part::Detail,
                    QStringLiteral("hair")));
    for (int side = -1; side <= 1; side += 2) {
        Primitive eye = ball(j[Head] + rotate(yaw, {side * 0.022 * H, 0.012 * H, 0.056 * H}), 0.011 * H,
                             {0.06, 0.05, 0.05}, Primitive::Part::Eye, QStringLiteral("eye"));
        eye.orientation = yaw;
        out.append(eye);
    }
    for (int i = first; i < out.size(); ++i)
        out[i].entity = entity;
}

} // namespace kinora::engine::world
