// CameraPath tests: each camera move does what its name says (numbers, not looks), and tracking
// keeps a moving subject near the image centre where a static camera lets it drift away.
#include "engine/render/camerapath.h"

#include <QtTest>

#include <cmath>

using namespace kinora::engine;

namespace {

double distance(const Vec3 &a, const Vec3 &b)
{
    return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}

// A figure walking from x = -3 to x = +3 over 48 frames.
void walkingScene(ScenePlan &plan, WorldTrack &track, const QString &move, const QString &framing = QStringLiteral("medium"))
{
    plan.camera.move = move;
    plan.camera.framing = framing;
    plan.camera.subject = QStringLiteral("person-1");
    PlanEntity person;
    person.id = QStringLiteral("person-1");
    person.size = {0.5, 1.7, 0.3};
    plan.entities = {person};
    track.frames.clear();
    for (int f = 0; f < 48; ++f) {
        WorldFrame frame;
        frame.entityPositions << Vec3{-3.0 + 6.0 * f / 47, 0, 0};
        track.frames << frame;
    }
}

} // namespace

class TestRenderCamera : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dollyInGetsCloser()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("dolly-in"));
        track.frames = QList<WorldFrame>(48, track.frames.first()); // subject stands still
        const CameraPath path(plan, track);
        const Vec3 subject{-3, 1, 0};
        double previous = 1e9;
        for (int f = 0; f < 48; f += 6) {
            const double d = distance(path.at(f).eye, subject);
            QVERIFY2(d < previous, qPrintable(QStringLiteral("frame %1: %2 m").arg(f).arg(d)));
            previous = d;
        }
        QVERIFY(distance(path.at(0).eye, subject) > 1.8 * distance(path.at(47).eye, subject));
    }

    void dollyOutGetsFarther()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("dolly-out"));
        track.frames = QList<WorldFrame>(48, track.frames.first());
        const CameraPath path(plan, track);
        QVERIFY(distance(path.at(47).eye, {-3, 1, 0}) > 1.8 * distance(path.at(0).eye, {-3, 1, 0}));
    }

    void panLeftYawsLeftAndPanRightYawsRight()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("pan-left"));
        const CameraPath left(plan, track);
        const CameraBasis a = CameraPath::basis(left.at(0)), b = CameraPath::basis(left.at(47));
        // Looking down -z, turning left means the view direction moves toward -x.
        QVERIFY2(b.forward.x < a.forward.x - 0.3, qPrintable(QStringLiteral("%1 -> %2").arg(a.forward.x).arg(b.forward.x)));
        QCOMPARE(left.at(0).eye.x, left.at(47).eye.x); // a pan turns the camera, it does not move it

        plan.camera.move = QStringLiteral("pan-right");
        const CameraPath right(plan, track);
        QVERIFY(CameraPath::basis(right.at(47)).forward.x > CameraPath::basis(right.at(0)).forward.x + 0.3);
    }

    void tiltUpRaisesTheView()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("tilt-up"));
        const CameraPath path(plan, track);
        QVERIFY(CameraPath::basis(path.at(47)).forward.y > CameraPath::basis(path.at(0)).forward.y + 0.3);
    }

    void trackingKeepsTheSubjectCentred()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("tracking"));
        const CameraPath tracking(plan, track);
        plan.camera.move = QStringLiteral("static");
        const CameraPath fixed(plan, track);
        double worstTracking = 0, worstStatic = 0;
        for (int f = 0; f < 48; ++f) {
            const Vec3 chest{-3.0 + 6.0 * f / 47, 0.9, 0};
            const QPointF p = CameraPath::project(tracking.at(f), chest, 640, 360);
            const QPointF q = CameraPath::project(fixed.at(f), chest, 640, 360);
            worstTracking = std::max(worstTracking, std::abs(p.x() - 320) / 640);
            worstStatic = std::max(worstStatic, std::abs(q.x() - 320) / 640);
        }
        QVERIFY2(worstTracking < 0.05, qPrintable(QString::number(worstTracking)));
        QVERIFY2(worstStatic > 0.3, qPrintable(QString::number(worstStatic))); // the check can fail
    }

    void stillWideShotsHoldTheWholeMove()
    {
        ScenePlan plan;
        plan.width = 854, plan.height = 480;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("static"), QStringLiteral("wide"));
        auto away = [](const CameraPose &pose) { return distance(pose.eye, pose.target); };
        const double defaultDistance = away(CameraPath(plan, track).at(0));
        // A car-like run: 30 m across in two seconds.
        for (int f = 0; f < 48; ++f)
            track.frames[f].entityPositions[0] = Vec3{-15.0 + 30.0 * f / 47, 0, -2.0 + 2.0 * f / 47};
        const CameraPath path(plan, track);
        const CameraPose pose = path.at(0);
        QVERIFY(distance(pose.eye, path.at(47).eye) < 1e-9); // still
        QVERIFY2(away(pose) > 2 * defaultDistance, qPrintable(QString::number(away(pose))));
        for (int f = 0; f < 48; ++f) {
            const QPointF p = CameraPath::project(pose, track.frames[f].entityPositions[0], 854, 480);
            QVERIFY2(p.x() > 0.04 * 854 && p.x() < 0.96 * 854 && p.y() > 0 && p.y() < 480,
                     qPrintable(QStringLiteral("frame %1 at %2,%3").arg(f).arg(p.x()).arg(p.y())));
        }
        // A figure that stays put keeps the usual wide distance.
        walkingScene(plan, track, QStringLiteral("static"), QStringLiteral("wide"));
        for (int f = 0; f < 48; ++f)
            track.frames[f].entityPositions[0] = Vec3{0.2 * f / 47, 0, 0};
        QCOMPARE(away(CameraPath(plan, track).at(0)), defaultDistance);
    }

    void orbitCirclesTheSubject()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("orbit"));
        track.frames = QList<WorldFrame>(48, track.frames.first());
        const CameraPath path(plan, track);
        const Vec3 a = path.at(0).eye, b = path.at(47).eye;
        const double angleA = std::atan2(a.x + 3, a.z), angleB = std::atan2(b.x + 3, b.z);
        QVERIFY2(std::abs(angleB - angleA) > 1.3, qPrintable(QString::number(angleB - angleA)));
        QVERIFY(std::abs(std::hypot(a.x + 3, a.z) - std::hypot(b.x + 3, b.z)) < 0.01); // same radius
    }

    void craneRises()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("crane"));
        const CameraPath path(plan, track);
        QVERIFY(path.at(47).eye.y > path.at(0).eye.y + 1.0);
    }

    void handheldSwaysSmallAndSeeded()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("handheld"));
        track.frames = QList<WorldFrame>(48, track.frames.first());
        plan.camera.move = QStringLiteral("static");
        const Vec3 still = CameraPath(plan, track).at(0).eye;
        plan.camera.move = QStringLiteral("handheld");
        const CameraPath shaky(plan, track), again(plan, track);
        double maxOffset = 0, maxStep = 0;
        for (int f = 0; f < 48; ++f) {
            maxOffset = std::max(maxOffset, distance(shaky.at(f).eye, still));
            if (f > 0)
                maxStep = std::max(maxStep, distance(shaky.at(f).eye, shaky.at(f - 1).eye));
            QCOMPARE(shaky.at(f).eye, again.at(f).eye);
        }
        QVERIFY2(maxOffset > 0.005 && maxOffset < 0.08, qPrintable(QString::number(maxOffset)));
        QVERIFY2(maxStep < 0.01, qPrintable(QString::number(maxStep))); // smooth, not jitter
        plan.seed = 99;
        QVERIFY(distance(CameraPath(plan, track).at(10).eye, shaky.at(10).eye) > 1e-4);
    }

    void framingSetsTheDistance()
    {
        ScenePlan plan;
        WorldTrack track;
        walkingScene(plan, track, QStringLiteral("static"), QStringLiteral("wide"));
        const double wide = distance(CameraPath(plan, track).at(0).eye, {-3, 1, 0});
        plan.camera.framing = QStringLiteral("medium");
        const double medium = distance(CameraPath(plan, track).at(0).eye, {-3, 1, 0});
        plan.camera.framing = QStringLiteral("close-up");
        const double close = distance(CameraPath(plan, track).at(0).eye, {-3, 1.5, 0});
        QVERIFY(wide > 1.8 * medium);
        QVERIFY(medium > 2 * close);
        QVERIFY(close < 1.6);
    }

    void projectionPutsTheTargetAtTheCentre()
    {
        CameraPose pose;
        pose.eye = {1, 2, 5};
        pose.target = {0, 1, 0};
        double depth = 0;
        const QPointF p = CameraPath::project(pose, pose.target, 200, 100, &depth);
        QVERIFY(std::abs(p.x() - 100) < 1e-9 && std::abs(p.y() - 50) < 1e-9);
        QVERIFY(std::abs(depth - distance(pose.eye, pose.target)) < 1e-9);
        QVERIFY(CameraPath::project(pose, {0, 2, 0}, 200, 100).y() < 50); // higher is up the image
    }
};

QTEST_GUILESS_MAIN(TestRenderCamera)
#include "tst_render_camera.moc"
