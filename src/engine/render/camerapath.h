// CameraPath: where the camera is and what it looks at on every frame of a shot, from the plan's
// camera move, framing and subject. Pure C++ (no torch) so it can be tested and reused cheaply.
#pragma once

#include "engine/worldtrack.h"

#include <QPointF>

namespace kinora::engine {

/// @brief One camera placement. The image plane is perpendicular to (target - eye); +y is up.
struct CameraPose
{
    Vec3 eye{0, 1.6, 8};
    Vec3 target{0, 1, 0};
    double fovYDeg = 45;
    double rollDeg = 0; ///< handheld sway
};

/// @brief Right-handed camera basis derived from a pose.
struct CameraBasis
{
    Vec3 forward, right, up;
};

class CameraPath
{
public:
    /// @brief Plans the path for all frames of @p track following @p plan.camera.
    CameraPath(const ScenePlan &plan, const WorldTrack &track);

    /// @brief Pose at a (possibly fractional, for motion blur) frame index; clamped to the shot.
    CameraPose at(double frame) const;

    int frameCount() const { return m_frameCount; }

    static CameraBasis basis(const CameraPose &pose);
    /// @brief Pixel position (x right, y down, pixel centres at .5) of a world point; @p depth
    /// receives its distance along the view axis (negative: behind the camera).
    static QPointF project(const CameraPose &pose, const Vec3 &world, int width, int height,
                           double *depth = nullptr);

private:
    Vec3 subjectAt(double frame) const;
    Vec3 handheldOffset(double frame, double *yawRad, double *pitchRad, double *rollDeg) const;

    QString m_move;
    double m_distance = 9;
    double m_eyeLift = 1.2; ///< eye height above the look-at point
    double m_fovYDeg = 45;
    int m_frameCount = 1;
    std::uint32_t m_seed = 1;
    int m_subject = -1;
    Vec3 m_sceneCentre{0, 1, 0};
    double m_aimHeight = 1; ///< added to the subject's base position to aim at its body
    QList<Vec3> m_subjectTrack; ///< subject base position per frame (empty: scene centre)
    bool m_fitsPath = false;    ///< a still wide shot framing the subject's whole path
    Vec3 m_pathCentre;          ///< the middle of that path (base height)
};

} // namespace kinora::engine
