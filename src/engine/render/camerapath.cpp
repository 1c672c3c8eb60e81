// CameraPath: the plan's camera move turned into one pose per frame. Distances come from the framing
// and the subject's size; moves are eased so they start and stop like a real operator's.
#include "engine/render/camerapath.h"

#include <algorithm>
#include <cmath>

namespace kinora::engine {
namespace {

constexpr double kPi = 3.14159265358979323846;

Vec3 add(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3 sub(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec3 mul(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 cross(Vec3 a, Vec3 b)
{
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
Vec3 normalized(Vec3 a)
{
    const double n = std::sqrt(dot(a, a));
    return n > 1e-12 ? mul(a, 1.0 / n) : Vec3{0, 0, -1};
}
Vec3 lerp(Vec3 a, Vec3 b, double u) { return add(a, mul(sub(b, a), u)); }
double smoothstep(double u)
{
    u = std::clamp(u, 0.0, 1.0);
    return u * u * (3 - 2 * u);
}
// Rotation about +y; positive angles turn a -z view toward -x (to the left).
Vec3 rotateY(Vec3 v, double a)
{
    return {v.x * std::cos(a) + v.z * std::sin(a), v.y, -v.x * std::sin(a) + v.z * std::cos(a)};
}
// Tilts a view direction up (positive) or down, keeping its heading.
Vec3 tilt(Vec3 f, double a)
{
    const double horizontal = std::hypot(f.x, f.z);
    const double pitch = std::atan2(f.y, horizontal) + a;
    const double hx = horizontal > 1e-9 ? f.x / horizontal : 0;
    const double hz = horizontal > 1e-9 ? f.z / horizontal : -1;
    return {hx * std::cos(pitch), std::sin(pitch), hz * std::cos(pitch)};
}
// splitmix64: a seeded stream for handheld phases; identical on every platform.
std::uint64_t splitmix(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace

CameraPath::CameraPath(const ScenePlan &plan, const WorldTrack &track)
    : m_move(plan.camera.move), m_frameCount(std::max(1, int(track.frames.size()))),
      m_seed(plan.seed)
{
    m_subject = plan.camera.subject.isEmpty() ? -1 : plan.indexOf(plan.camera.subject);
    const QString framing = plan.camera.framing;
    const bool closeUp = framing == QLatin1String("close-up");
    const bool medium = framing == QLatin1String("medium");

    double subjectHeight = 1.7;
    if (m_subject >= 0) {
        subjectHeight = std::max(0.2, plan.entities.at(m_subject).size.y);
        m_aimHeight = subjectHeight * (closeUp ? 0.88 : 0.55);
        for (const WorldFrame &frame : track.frames) {
            m_subjectTrack.append(m_subject < frame.entityPositions.size()
                                      ? frame.entityPositions.at(m_subject)
                                      : plan.entities.at(m_subject).position);
        }
        // A symmetric box filter removes physics jitter without lagging a steady motion.
        QList<Vec3> smooth = m_subjectTrack;
        for (int i = 0; i < m_subjectTrack.size(); ++i) {
            Vec3 sum;
            int n = 0;
            for (int k = std::max(0, i - 2); k <= std::min(int(m_subjectTrack.size()) - 1, i + 2); ++k, ++n)
                sum = add(sum, m_subjectTrack.at(k));
            smooth[i] = mul(sum, 1.0 / n);
        }
        m_subjectTrack = smooth;
    } else if (!plan.entities.isEmpty()) {
        // No subject: frame the whole cast around its mean position, tall enough for the tallest.
        Vec3 sum;
        double tallest = 0.5, spread = 0;
        const QList<Vec3> start = track.frames.isEmpty() ? QList<Vec3>{} : track.frames.first().entityPositions;
        for (int i = 0; i < plan.entities.size(); ++i) {
            sum = add(sum, i < start.size() ? start.at(i) : plan.entities.at(i).position);
            tallest = std::max(tallest, plan.entities.at(i).size.y);
        }
        m_sceneCentre = mul(sum, 1.0 / plan.entities.size());
        for (int i = 0; i < plan.entities.size(); ++i) {
            const Vec3 p = i < start.size() ? start.at(i) : plan.entities.at(i).position;
            spread = std::max(spread, std::hypot(p.x - m_sceneCentre.x, p.z - m_sceneCentre.z));
        }
        subjectHeight = std::max(tallest, spread * 0.9);
        m_aimHeight = std::min(tallest * 0.55, 1.2);
        m_sceneCentre.y = 0;
    }

    if (closeUp)
        m_distance = std::max(1.0, 0.6 * subjectHeight);
    else if (medium)
        m_distance = std::max(3.0, 1.9 * subjectHeight);
    else
        m_distance = std::max(8.0, 4.5 * subjectHeight);
    // A still wide shot holds the whole of its subject's move (a car driving down the street, a
    // dog running along the beach): it aims at the middle of the path and steps back until the
    // path fits across the frame, at most 60 m away.
    if (m_move == QLatin1String("static") && !closeUp && !medium && m_subjectTrack.size() > 1) {
        double lowX = 1e9, highX = -1e9, lowZ = 1e9, highZ = -1e9;
        for (const Vec3 &p : m_subjectTrack)
            lowX = std::min(lowX, p.x), highX = std::max(highX, p.x), lowZ = std::min(lowZ, p.z), highZ = std::max(highZ, p.z);
        const double aspect = plan.width > 0 && plan.height > 0 ? double(plan.width) / plan.height : 16.0 / 9.0;
        const double across = std::tan(m_fovYDeg * kPi / 360) * aspect;
        const Vec3 size = plan.entities.at(m_subject).size; // turned any way on the ground
        const double halfWidth = std::max(0.3, std::max(size.x, size.z) / 2);
        const double needed = ((highX - lowX) / 2 + halfWidth) / (0.85 * across) + (highZ - lowZ) / 2;
        if (needed > m_distance) {
            m_distance = std::min(needed, 60.0);
            m_fitsPath = true;
            m_pathCentre = {(lowX + highX) / 2, m_subjectTrack.first().y, (lowZ + highZ) / 2};
        }
    }
    const double pitchDeg = closeUp ? 2 : medium ? 6 : 11;
    m_eyeLift = m_distance * std::tan(pitchDeg * kPi / 180);
}

Vec3 CameraPath::subjectAt(double frame) const
{
    if (m_subjectTrack.isEmpty())
        return m_sceneCentre;
    const double f = std::clamp(frame, 0.0, double(m_subjectTrack.size() - 1));
    const int i0 = int(std::floor(f));
    const int i1 = std::min(i0 + 1, int(m_subjectTrack.size()) - 1);
    return lerp(m_subjectTrack.at(i0), m_subjectTrack.at(i1), f - i0);
}

Vec3 CameraPath::handheldOffset(double frame, double *yawRad, double *pitchRad, double *rollDeg) const
{
    // Three incommensurate sines per channel read as an operator's breathing and drift.
    std::uint64_t state = m_seed * 0x2545F4914F6CDD1Dull + 17;
    const double t = frame / 24.0;
    double channel[6];
    for (double &value : channel) {
        value = 0;
        for (double hz : {0.45, 1.1, 2.3}) {
            const double phase = double(splitmix(state) % 100000) / 100000.0 * 2 * kPi;
            value += std::sin(2 * kPi * hz * t + phase) / hz;
        }
        value /= 3.0;
    }
    *yawRad = channel[0] * 0.012;
    *pitchRad = channel[1] * 0.008;
    *rollDeg = channel[2] * 0.6;
    return {channel[3] * 0.03, channel[4] * 0.02, channel[5] * 0.03};
}

CameraPose CameraPath::at(double frame) const
{
    frame = std::clamp(frame, 0.0, double(m_frameCount - 1));
    const double u = smoothstep(m_frameCount > 1 ? frame / (m_frameCount - 1) : 0.0);
    const bool follows = m_move == QLatin1String("tracking") || m_move == QLatin1String("orbit");
    Vec3 aim = follows ? subjectAt(frame) : m_fitsPath ? m_pathCentre : subjectAt(0);
    aim.y += m_aimHeight;

    double distance = m_distance, lift = m_eyeLift, yaw = 0;
    if (m_move == QLatin1String("dolly-in"))
        distance *= 1.6 + (0.7 - 1.6) * u;
    else if (m_move == QLatin1String("dolly-out"))
        distance *= 0.7 + (1.6 - 0.7) * u;
    else if (m_move == QLatin1String("orbit"))
        yaw = u * kPi / 2;
    else if (m_move == QLatin1String("crane"))
        lift = distance * std::tan((2 + 33 * u) * kPi / 180) - 0.3 * (1 - u);

    CameraPose pose;
    pose.fovYDeg = m_fovYDeg;
    const double horizontal = std::sqrt(std::max(0.0, distance * distance - lift * lift));
    pose.eye = add(aim, {horizontal * std::sin(yaw), lift, horizontal * std::cos(yaw)});
    pose.eye.y = std::max(pose.eye.y, 0.25);
    pose.target = aim;

    Vec3 forward = normalized(sub(pose.target, pose.eye));
    if (m_move == QLatin1String("pan-left"))
        forward = rotateY(forward, -0.3 + 0.6 * u);
    else if (m_move == QLatin1String("pan-right"))
        forward = rotateY(forward, 0.3 - 0.6 * u);
    else if (m_move == QLatin1String("tilt-up"))
        forward = tilt(forward, -0.25 + 0.45 * u);
    else if (m_move == QLatin1String("tilt-down"))
        forward = tilt(forward, 0.2 - 0.45 * u);
    else if (m_move == QLatin1String("handheld")) {
        double dyaw = 0, dpitch = 0;
        pose.eye = add(pose.eye, handheldOffset(frame, &dyaw, &dpitch, &pose.rollDeg));
        forward = tilt(rotateY(normalized(sub(pose.target, pose.eye)), dyaw), dpitch);
    }
    pose.target = add(pose.eye, mul(forward, distance));
    return pose;
}

CameraBasis CameraPath::basis(const CameraPose &pose)
{
    CameraBasis b;
    b.forward = normalized(sub(pose.target, pose.eye));
    Vec3 worldUp{0, 1, 0};
    if (std::abs(dot(b.forward, worldUp)) > 0.999)
        worldUp = {0, 0, -1};
    b.right = normalized(cross(b.forward, worldUp));
    b.up = cross(b.right, b.forward);
    if (pose.rollDeg != 0) {
        const double r = pose.rollDeg * kPi / 180;
        const Vec3 right = add(mul(b.right, std::cos(r)), mul(b.up, std::sin(r)));
        b.up = add(mul(b.up, std::cos(r)), mul(b.right, -std::sin(r)));
        b.right = right;
    }
    return b;
}

QPointF CameraPath::project(const CameraPose &pose, const Vec3 &world, int width, int height,
                            double *depth)
{
    const CameraBasis b = basis(pose);
    const Vec3 v = sub(world, pose.eye);
    const double z = dot(v, b.forward);
    if (depth)
        *depth = z;
    const double tanHalf = std::tan(pose.fovYDeg * kPi / 360);
    const double aspect = double(width) / height;
    const double sx = dot(v, b.right) / (z * tanHalf * aspect);
    const double sy = dot(v, b.up) / (z * tanHalf);
    return {(sx + 1) * 0.5 * width, (1 - sy) * 0.5 * height};
}

} // namespace kinora::engine
