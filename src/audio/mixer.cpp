// Mixer: the listener reuses the renderer camera's idea (distance from framing and subject size,
// eye lifted a few degrees, following moves) without linking the renderer, which pulls in torch.
#include "audio/mixer.h"

#include "audio/effectsdsp.h"

#include <algorithm>
#include <cmath>

namespace kinora::audio {
namespace {

using engine::Vec3;

Vec3 sub(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
double length(Vec3 a) { return std::sqrt(a.x * a.x + a.y * a.y + a.z * a.z); }

double smoothstep(double u)
{
    u = std::clamp(u, 0.0, 1.0);
    return u * u * (3 - 2 * u);
}

} // namespace

Listener::Listener(const engine::ScenePlan &plan, const engine::WorldTrack &track)
    : m_move(plan.camera.move), m_frames(std::max(1, int(track.frames.size())))
{
    const int subject = plan.camera.subject.isEmpty() ? -1 : plan.indexOf(plan.camera.subject);
    double height = 1.7;
    if (subject >= 0) {
        height = std::max(0.2, plan.entities.at(subject).size.y);
        m_aimHeight = height * 0.55;
        for (const engine::WorldFrame &frame : track.frames)
            m_subjectTrack.append(subject < frame.entityPositions.size() ? frame.entityPositions.at(subject)
                                                                          : plan.entities.at(subject).position);
    } else if (!plan.entities.isEmpty()) {
        // The whole cast: its mean starting position, framed tall enough for the tallest and widest.
        const QList<Vec3> start = track.frames.isEmpty() ? QList<Vec3>{} : track.frames.first().entityPositions;
        double tallest = 0.5, spread = 0;
        for (int i = 0; i < plan.entities.size(); ++i) {
            const Vec3 p = i < start.size() ? start.at(i) : plan.entities.at(i).position;
            m_centre = {m_centre.x + p.x / plan.entities.size(), 0, m_centre.z + p.z / plan.entities.size()};
            tallest = std::max(tallest, plan.entities.at(i).size.y);
        }
        for (int i = 0; i < plan.entities.size(); ++i) {
            const Vec3 p = i < start.size() ? start.at(i) : plan.entities.at(i).position;
            spread = std::max(spread, std::hypot(p.x - m_centre.x, p.z - m_centre.z));
        }
        height = std::max(tallest, spread * 0.9);
        m_aimHeight = std::min(tallest * 0.55, 1.2);
    }
    const QString framing = plan.camera.framing;
    if (framing == QLatin1String("close-up"))
        m_distance = std::max(1.0, 0.6 * height);
    else if (framing == QLatin1String("medium"))
        m_distance = std::max(3.0, 1.9 * height);
    else
        m_distance = std::max(8.0, 4.5 * height);
    const double pitchDeg = framing == QLatin1String("close-up") ? 2 : framing == QLatin1String("medium") ? 6 : 11;
    m_lift = m_distance * std::tan(pitchDeg * sfx::kPi / 180);
}

Vec3 Listener::aimAt(double frame) const
{
    const bool follows = m_move == QLatin1String("tracking") || m_move == QLatin1String("orbit");
    Vec3 aim = m_centre;
    if (!m_subjectTrack.isEmpty()) {
        const int i = follows ? std::clamp(int(std::lround(frame)), 0, int(m_subjectTrack.size()) - 1) : 0;
        aim = m_subjectTrack.at(i);
    }
    aim.y += m_aimHeight;
    return aim;
}

Vec3 Listener::eyeAt(double frame) const
{
    const double u = smoothstep(m_frames > 1 ? frame / (m_frames - 1) : 0.0);
    double distance = m_distance, yaw = 0;
    if (m_move == QLatin1String("dolly-in"))
        distance *= 1.6 + (0.7 - 1.6) * u;
    else if (m_move == QLatin1String("dolly-out"))
        distance *= 0.7 + (1.6 - 0.7) * u;
    else if (m_move == QLatin1String("orbit"))
        yaw = u * sfx::kPi / 2;
    const Vec3 aim = aimAt(frame);
    const double horizontal = std::sqrt(std::max(0.0, distance * distance - m_lift * m_lift));
    return {aim.x + horizontal * std::sin(yaw), std::max(0.25, aim.y + m_lift), aim.z + horizontal * std::cos(yaw)};
}

StereoGain Listener::gains(const Vec3 &position, double frame) const
{
    const Vec3 eye = eyeAt(frame);
    Vec3 forward = sub(aimAt(frame), eye);
    // Pans turn the view: same convention as the renderer (pan-left starts right and sweeps left).
    const double u = smoothstep(m_frames > 1 ? frame / (m_frames - 1) : 0.0);
    double turn = 0;
    if (m_move == QLatin1String("pan-left"))
        turn = -0.3 + 0.6 * u;
    else if (m_move == QLatin1String("pan-right"))
        turn = 0.3 - 0.6 * u;
    if (turn != 0)
        forward = {forward.x * std::cos(turn) + forward.z * std::sin(turn), forward.y,
                   -forward.x * std::sin(turn) + forward.z * std::cos(turn)};
    // Right = forward x up, in the horizontal plane.
    Vec3 right{-forward.z, 0, forward.x};
    const double rightLength = std::max(1e-9, std::hypot(right.x, right.z));
    right = {right.x / rightLength, 0, right.z / rightLength};

    const Vec3 rel = sub(position, eye);
    const double distance = std::max(0.05, length(rel));
    const double sinAzimuth = (rel.x * right.x + rel.z * right.z) / distance;
    // sin(36 deg), the half-width of a 16:9 frame at 45 deg vertical field of view, pans to 0.8.
    const double pan = std::clamp(sinAzimuth / 0.59 * 0.8, -1.0, 1.0);
    const double angle = (pan + 1) * sfx::kPi / 4;
    const double attenuation = std::clamp(m_distance / distance, 0.1, 2.0);
    return {float(attenuation * std::cos(angle)), float(attenuation * std::sin(angle))};
}

void mixFixed(std::vector<float> &bus, const std::vector<float> &mono, std::int64_t start, StereoGain gain)
{
    const std::int64_t frames = std::int64_t(bus.size() / 2);
    const std::int64_t from = std::max<std::int64_t>(0, start);
    const std::int64_t to = std::min<std::int64_t>(frames, start + std::int64_t(mono.size()));
    for (std::int64_t n = from; n < to; ++n) {
        const float x = mono[size_t(n - start)];
        bus[size_t(2 * n)] += gain.left * x;
        bus[size_t(2 * n + 1)] += gain.right * x;
    }
}

void mixMoving(std::vector<float> &bus, const std::vector<float> &mono, std::int64_t start, int fps,
               const std::function<StereoGain(int frame)> &gainAt)
{
    const std::int64_t frames = std::int64_t(bus.size() / 2);
    const std::int64_t from = std::max<std::int64_t>(0, start);
    const std::int64_t to = std::min<std::int64_t>(frames, start + std::int64_t(mono.size()));
    if (from >= to || fps <= 0)
        return;
    const double perFrame = double(kSampleRate) / fps;
    int cachedFrame = -1;
    StereoGain g0, g1;
    for (std::int64_t n = from; n < to; ++n) {
        const double f = double(n) / perFrame;
        const int frame = int(f);
        if (frame != cachedFrame) {
            g0 = gainAt(frame);
            g1 = gainAt(frame + 1);
            cachedFrame = frame;
        }
        const float u = float(f - frame), x = mono[size_t(n - start)];
        bus[size_t(2 * n)] += (g0.left + (g1.left - g0.left) * u) * x;
        bus[size_t(2 * n + 1)] += (g0.right + (g1.right - g0.right) * u) * x;
    }
}

std::vector<float> duckingGain(const SpeechTrack &speech, std::int64_t frames, double depthDb)
{
    std::vector<float> target(size_t(std::max<std::int64_t>(0, frames)), 1.f);
    const float ducked = float(sfx::dbToGain(-std::abs(depthDb)));
    for (const SpokenLine &line : speech.lines) {
        const double end = std::max(line.endSeconds, line.startSeconds + double(line.samples.size()) / kSampleRate);
        const std::int64_t from = std::max<std::int64_t>(0, std::llround((line.startSeconds - 0.08) * kSampleRate));
        const std::int64_t to = std::min<std::int64_t>(frames, std::llround((end + 0.1) * kSampleRate));
        for (std::int64_t n = from; n < to; ++n)
            target[size_t(n)] = ducked;
    }
    // One-pole smoothing with separate attack and release: no clicks, no pumping between words.
    const double attack = 1 - std::exp(-1.0 / (0.025 * kSampleRate));
    const double release = 1 - std::exp(-1.0 / (0.25 * kSampleRate));
    double g = 1;
    for (float &t : target) {
        g += (t < g ? attack : release) * (t - g);
        t = float(g);
    }
    return target;
}

} // namespace kinora::audio
