// Small vector helpers shared by the World stage: conversions between the plan's double-precision
// Vec3/Quat and Bullet's btVector3/btQuaternion, and the few operations the figure code needs.
#pragma once

#include "engine/sceneplan.h"

#include <LinearMath/btQuaternion.h>
#include <LinearMath/btVector3.h>

#include <cmath>

namespace kinora::engine::world {

constexpr double kPi = 3.14159265358979323846;
constexpr double kGravity = 9.81;

inline btVector3 toBt(const Vec3 &v) { return btVector3(btScalar(v.x), btScalar(v.y), btScalar(v.z)); }
inline Vec3 fromBt(const btVector3 &v) { return {double(v.x()), double(v.y()), double(v.z())}; }
inline Quat fromBt(const btQuaternion &q) { return {double(q.w()), double(q.x()), double(q.y()), double(q.z())}; }

inline Vec3 operator+(const Vec3 &a, const Vec3 &b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline Vec3 operator-(const Vec3 &a, const Vec3 &b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline Vec3 operator*(const Vec3 &a, double s) { return {a.x * s, a.y * s, a.z * s}; }
inline double dot(const Vec3 &a, const Vec3 &b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline double length(const Vec3 &a) { return std::sqrt(dot(a, a)); }
inline Vec3 cross(const Vec3 &a, const Vec3 &b)
{
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline Vec3 normalized(const Vec3 &a, const Vec3 &fallback = {0, 1, 0})
{
    const double len = length(a);
    return len > 1e-12 ? a * (1.0 / len) : fallback;
}
inline Vec3 lerp(const Vec3 &a, const Vec3 &b, double t) { return a + (b - a) * t; }

/// @brief Unit vector on the ground plane that a heading (degrees about +y, 0 = +z) faces.
inline Vec3 headingDirection(double headingDeg)
{
    const double r = headingDeg * kPi / 180.0;
    return {std::sin(r), 0, std::cos(r)};
}
/// @brief The heading (degrees) that faces a ground-plane direction.
inline double headingOf(const Vec3 &direction) { return std::atan2(direction.x, direction.z) * 180.0 / kPi; }

inline Quat quatAxisAngle(const Vec3 &axis, double angle)
{
    const Vec3 a = normalized(axis);
    const double s = std::sin(angle / 2);
    return {std::cos(angle / 2), a.x * s, a.y * s, a.z * s};
}
inline Quat yawQuat(double headingDeg) { return quatAxisAngle({0, 1, 0}, headingDeg * kPi / 180.0); }

inline Quat operator*(const Quat &a, const Quat &b)
{
    return {a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z, a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x, a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w};
}

/// @brief The rotation taking local +y onto a direction (used to lay capsules along limbs).
inline Quat quatFromYTo(const Vec3 &direction)
{
    const Vec3 d = normalized(direction);
    const double c = d.y; // dot((0,1,0), d)
    if (c < -0.999999)
        return {0, 1, 0, 0};
    const Vec3 axis = cross({0, 1, 0}, d);
    const double w = 1 + c;
    const double n = std::sqrt(w * w + dot(axis, axis));
    return {w / n, axis.x / n, axis.y / n, axis.z / n};
}

inline Vec3 rotate(const Quat &q, const Vec3 &v)
{
    const Vec3 u{q.x, q.y, q.z};
    const Vec3 t = cross(u, v) * 2.0;
    return v + t * q.w + cross(u, t);
}

} // namespace kinora::engine::world
