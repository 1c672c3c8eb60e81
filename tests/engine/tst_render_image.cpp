// Renderer image tests: what a viewer would notice, in pixel numbers: the sphere is where the
// camera looks, it casts a shadow, environments and times of day differ, lips move, runs repeat.
#include "engine/render/camerapath.h"
#include "engine/render/look.h"
#include "engine/render/renderer.h"

#include <QCryptographicHash>
#include <QtTest>

#include <array>
#include <cmath>

using namespace kinora::engine;

namespace {

struct Frame
{
    int width = 0, height = 0;
    QByteArray rgb;
    std::array<int, 3> at(int x, int y) const
    {
        const auto *p = reinterpret_cast<const std::uint8_t *>(rgb.constData()) + (y * width + x) * 3;
        return {p[0], p[1], p[2]};
    }
    double luma(int x, int y) const
    {
        const auto c = at(x, y);
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
    double meanLuma(int x0, int y0, int x1, int y1) const
    {
        double sum = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                sum += luma(x, y);
        return sum / ((x1 - x0) * (y1 - y0));
    }
    std::array<double, 3> meanColor(int y0, int y1) const
    {
        std::array<double, 3> sum{};
        for (int y = y0; y < y1; ++y)
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c)
                    sum[c] += at(x, y)[c];
        for (double &s : sum)
            s /= double(width) * (y1 - y0);
        return sum;
    }
};

QList<Frame> renderAll(const ScenePlan &plan, const WorldTrack &track, RenderOptions options = {})
{
    QList<Frame> frames;
    Renderer renderer(options);
    const kinora::core::Status status = renderer.render(plan, track, [&](int index, const std::uint8_t *rgb, int stride) {
        if (index != frames.size())
            return kinora::core::Status(kinora::core::Error{QStringLiteral("out of order"), {}});
        Frame f;
        f.width = plan.width, f.height = plan.height;
        for (int y = 0; y < plan.height; ++y)
            f.rgb.append(reinterpret_cast<const char *>(rgb + y * stride), plan.width * 3);
        frames << f;
        return kinora::core::Status::success();
    });
    if (!status.ok())
        qWarning() << status.error().toString();
    return frames;
}

Primitive sphere(Vec3 centre, double radius, Vec3 color, int entity = 0)
{
    Primitive p;
    p.shape = Primitive::Shape::Sphere;
    p.center = centre, p.size = {radius, 0, 0}, p.color = color, p.entity = entity;
    p.material = QStringLiteral("plastic");
    return p;
}

// A red ball of radius 0.5 floating with its centre at (0, 1, 0); the camera frames it (medium).
ScenePlan ballPlan(const QString &environment = QStringLiteral("park"), int width = 160, int height = 96)
{
    ScenePlan plan;
    plan.environment = environment;
    plan.width = width, plan.height = height;
    plan.camera.framing = QStringLiteral("medium");
    plan.camera.subject = QStringLiteral("ball-1");
    PlanEntity ball;
    ball.id = QStringLiteral("ball-1");
    ball.size = {1, 1, 1};
    ball.position = {0, 0.5, 0};
    plan.entities << ball;
    return plan;
}

WorldTrack ballTrack(int frames = 1, bool withBall = true)
{
    WorldTrack track;
    for (int f = 0; f < frames; ++f) {
        WorldFrame frame;
        if (withBall)
            frame.primitives << sphere({0, 1, 0}, 0.5, {0.85, 0.08, 0.06});
        frame.entityPositions << Vec3{0, 0.5, 0};
        track.frames << frame;
    }
    return track;
}

QByteArray digest(const QList<Frame> &frames)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Frame &f : frames)
        hash.addData(f.rgb);
    return hash.result().toHex();
}

} // namespace

class TestRenderImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sphereFillsTheCentreAndCornersShowSkyAndGround()
    {
        const QList<Frame> frames = renderAll(ballPlan(), ballTrack());
        QCOMPARE(frames.size(), 1);
        const Frame &f = frames.first();
        const auto centre = f.at(80, 48);
        QVERIFY2(centre[0] > centre[1] + 60 && centre[0] > centre[2] + 60,
                 qPrintable(QStringLiteral("centre %1 %2 %3").arg(centre[0]).arg(centre[1]).arg(centre[2])));
        for (int x : {0, 159}) {
            const auto sky = f.at(x, 0), ground = f.at(x, 95);
            QVERIFY2(sky[2] > sky[0] + 20, "the top corners show blue sky");
            QVERIFY2(ground[1] > ground[0] && ground[1] > ground[2], "the bottom corners show grass");
        }
    }

    void sphereCastsAShadowBelowRight()
    {
        const ScenePlan plan = ballPlan();
        const WorldTrack with = ballTrack(), without = ballTrack(1, false);
        const Frame lit = renderAll(plan, with).first(), empty = renderAll(plan, without).first();
        const Look look = makeLook(plan, with);
        const Vec3 L = look.toLight;
        const Vec3 shadow{-L.x / L.y, 0, -L.z / L.y}; // the centre (0,1,0) pushed along -L to y = 0
        const CameraPose pose = CameraPath(plan, with).at(0);
        const QPointF s = CameraPath::project(pose, shadow, plan.width, plan.height);
        const QPointF c = CameraPath::project(pose, {0, 1, 0}, plan.width, plan.height);
        QVERIFY2(s.x() > c.x() + 5 && s.y() > c.y() + 5, "the key light comes from the upper left");
        const int sx = int(s.x()), sy = int(s.y());
        const double darker = lit.meanLuma(sx - 1, sy - 1, sx + 2, sy + 2);
        const double bright = empty.meanLuma(sx - 1, sy - 1, sx + 2, sy + 2);
        QVERIFY2(darker < 0.75 * bright, qPrintable(QStringLiteral("%1 vs %2").arg(darker).arg(bright)));
        // Mirrored to the left of the ball, the ground is untouched: the shadow has a place.
        const int mx = int(2 * c.x() - s.x());
        QVERIFY(std::abs(lit.meanLuma(mx - 1, sy - 1, mx + 2, sy + 2) - empty.meanLuma(mx - 1, sy - 1, mx + 2, sy + 2)) < 3);
    }

    void shapesLandWhereTheyAre()
    {
        ScenePlan plan = ballPlan(QStringLiteral("room"), 192, 108);
        WorldTrack track = ballTrack(1, false);
        Primitive box;
        box.shape = Primitive::Shape::Box;
        box.center = {-0.8, 1, 0}, box.size = {0.25, 0.35, 0.25}, box.color = {0.05, 0.1, 0.85};
        box.orientation = {std::cos(0.4), 0, std::sin(0.4), 0}; // turned 46 degrees about y
        Primitive cylinder = box;
        cylinder.shape = Primitive::Shape::Cylinder;
        cylinder.center = {0, 1, 0}, cylinder.size = {0.22, 0.35, 0}, cylinder.color = {0.05, 0.8, 0.1};
        cylinder.orientation = {};
        Primitive capsule = cylinder;
        capsule.shape = Primitive::Shape::Capsule;
        capsule.center = {0.8, 1, 0}, capsule.size = {0.18, 0.25, 0}, capsule.color = {0.85, 0.75, 0.05};
        track.frames.first().primitives = {box, cylinder, capsule};
        const Frame f = renderAll(plan, track).first();
        const CameraPose pose = CameraPath(plan, track).at(0);
        auto colourAt = [&](Vec3 p) {
            const QPointF q = CameraPath::project(pose, p, plan.width, plan.height);
            return f.at(int(q.x()), int(q.y()));
        };
        const auto b = colourAt(box.center), c = colourAt(cylinder.center), k = colourAt(capsule.center);
        QVERIFY2(b[2] > b[0] + 40 && b[2] > b[1] + 40, "blue box");
        QVERIFY2(c[1] > c[0] + 40 && c[1] > c[2] + 40, "green cylinder");
        QVERIFY2(k[0] > k[2] + 60 && k[1] > k[2] + 60, "yellow capsule");
        // The capsule's rounded cap reaches above its cylinder part; the cylinder's flat top does not.
        const auto above = colourAt({0.8, 1.0 + 0.25 + 0.12, 0});
        QVERIFY2(above[0] > above[2] + 60, "capsule cap");
        const auto overCylinder = colourAt({0, 1.0 + 0.35 + 0.12, 0});
        QVERIFY2(!(overCylinder[1] > overCylinder[0] + 40), "nothing above the cylinder's top");
    }

    void environmentsLookDifferent()
    {
        QList<std::array<double, 3>> grounds;
        const QStringList environments{QStringLiteral("beach"), QStringLiteral("street"), QStringLiteral("gym")};
        for (const QString &environment : environments) {
            const Frame f = renderAll(ballPlan(environment), ballTrack()).first();
            grounds << f.meanColor(72, 96); // bottom quarter: the ground in front of the ball
        }
        for (int i = 0; i < grounds.size(); ++i) {
            for (int j = i + 1; j < grounds.size(); ++j) {
                const double d = std::sqrt(std::pow(grounds[i][0] - grounds[j][0], 2) + std::pow(grounds[i][1] - grounds[j][1], 2)
                                           + std::pow(grounds[i][2] - grounds[j][2], 2));
                QVERIFY2(d > 30, qPrintable(QStringLiteral("%1 vs %2: %3").arg(environments[i], environments[j]).arg(d)));
            }
        }
    }

    void everyEnvironmentRendersItsOwnWay()
    {
        const QStringList environments{"gym", "basketball-court", "beach", "street", "forest", "room",
                                       "office", "kitchen", "park", "stage", "space", "underwater"};
        QList<std::array<double, 3>> means, tops;
        for (const QString &environment : environments) {
            const QList<Frame> frames = renderAll(ballPlan(environment, 96, 54), ballTrack());
            QCOMPARE(frames.size(), 1);
            means << frames.first().meanColor(0, 54);
            tops << frames.first().meanColor(0, 4);
        }
        for (int i = 0; i < means.size(); ++i)
            for (int j = i + 1; j < means.size(); ++j)
                QVERIFY2(std::abs(means[i][0] - means[j][0]) + std::abs(means[i][1] - means[j][1]) + std::abs(means[i][2] - means[j][2]) > 4,
                         qPrintable(environments[i] + QLatin1String(" vs ") + environments[j]));
        const int space = environments.indexOf(QStringLiteral("space")), sea = environments.indexOf(QStringLiteral("underwater"));
        QVERIFY(tops[space][0] + tops[space][1] + tops[space][2] < 60); // black, with stars
        QVERIFY(tops[sea][2] > tops[sea][0] + 30 && tops[sea][1] > tops[sea][0] + 30); // blue-green
    }

    void nightIsDarkerThanDay()
    {
        ScenePlan plan = ballPlan();
        const double day = renderAll(plan, ballTrack()).first().meanLuma(0, 0, 160, 96);
        plan.timeOfDay = QStringLiteral("night");
        const double night = renderAll(plan, ballTrack()).first().meanLuma(0, 0, 160, 96);
        QVERIFY2(night < 0.4 * day, qPrintable(QStringLiteral("night %1, day %2").arg(night).arg(day)));
        plan.timeOfDay = QStringLiteral("dusk");
        const auto dusk = renderAll(plan, ballTrack()).first().meanColor(0, 30);
        QVERIFY2(dusk[0] > dusk[2], "a dusk sky is warmer than blue");
    }

    void mouthOpenChangesOnlyTheMouth()
    {
        ScenePlan plan = ballPlan(QStringLiteral("room"), 240, 136);
        plan.camera.framing = QStringLiteral("close-up");
        plan.camera.subject = QStringLiteral("person-1");
        plan.entities.first().id = QStringLiteral("person-1");
        plan.entities.first().size = {0.5, 1.7, 0.3};
        plan.entities.first().position = {0, 0, 0};
        const double r = 0.15;
        Primitive head = sphere({0, 1.55, 0}, r, {0.85, 0.65, 0.5});
        head.part = Primitive::Part::Head;
        WorldTrack closed;
        closed.frames << WorldFrame{{head}, {Vec3{0, 0, 0}}};
        WorldTrack open = closed;
        open.frames.first().primitives.first().mouthOpen = 1;
        const Frame a = renderAll(plan, closed).first(), b = renderAll(plan, open).first();

        const CameraPose pose = CameraPath(plan, closed).at(0);
        const double n = std::sqrt(0.36 * 0.36 + 0.93 * 0.93);
        const QPointF mouth = CameraPath::project(pose, {0, 1.55 - r * 0.36 / n, r * 0.93 / n}, plan.width, plan.height);
        const QPointF centre = CameraPath::project(pose, head.center, plan.width, plan.height);
        const double radiusPx = CameraPath::project(pose, {r, 1.55, 0}, plan.width, plan.height).x() - centre.x();
        QVERIFY(radiusPx > 15);
        int changed = 0;
        for (int y = 0; y < plan.height; ++y) {
            for (int x = 0; x < plan.width; ++x) {
                if (a.at(x, y) == b.at(x, y))
                    continue;
                ++changed;
                const double d = std::hypot(x + 0.5 - mouth.x(), y + 0.5 - mouth.y());
                QVERIFY2(d < 0.45 * radiusPx + 1.5, qPrintable(QStringLiteral("pixel %1,%2 is %3 px from the mouth").arg(x).arg(y).arg(d)));
            }
        }
        QVERIFY2(changed > 10, qPrintable(QString::number(changed)));
        const auto inside = b.at(int(mouth.x()), int(mouth.y()));
        QVERIFY2(inside[0] < 120 && inside[1] < 60, "an open mouth is dark inside");
    }

    void motionBlurSmearsFastObjects()
    {
        ScenePlan plan = ballPlan(QStringLiteral("park"));
        plan.camera.subject.clear();
        WorldTrack track = ballTrack(2);
        track.frames[0].primitives.first().center = {-0.6, 1, 0};
        track.frames[1].primitives.first().center = {0.6, 1, 0};
        const Frame empty = renderAll(plan, ballTrack(2, false)).first();
        RenderOptions off, subFrames;
        off.motionBlur = false;
        subFrames.motionBlurSamples = 3;
        const Frame sharp = renderAll(plan, track, off).first(), smeared = renderAll(plan, track, subFrames).first();
        const Frame post = renderAll(plan, track).first(); // the default: the post pass
        struct Extent { int pixels = 0, x0 = 1 << 20, x1 = -1, y0 = 1 << 20, y1 = -1; };
        auto touched = [&](const Frame &f) {
            Extent e;
            for (int y = 0; y < plan.height; ++y)
                for (int x = 0; x < plan.width; ++x)
                    if (f.at(x, y) != empty.at(x, y)) {
                        ++e.pixels;
                        e.x0 = std::min(e.x0, x), e.x1 = std::max(e.x1, x), e.y0 = std::min(e.y0, y), e.y1 = std::max(e.y1, y);
                    }
            return e;
        };
        const Extent s = touched(sharp), m = touched(smeared), p = touched(post);
        QVERIFY2(m.pixels > s.pixels * 1.15, qPrintable(QStringLiteral("%1 vs %2").arg(m.pixels).arg(s.pixels)));
        // The post pass smears along the motion (x), not across it (y).
        QVERIFY2(p.pixels > s.pixels * 1.15, qPrintable(QStringLiteral("%1 vs %2").arg(p.pixels).arg(s.pixels)));
        QVERIFY2(p.y1 - p.y0 <= s.y1 - s.y0 + 2, qPrintable(QStringLiteral("height %1 vs %2").arg(p.y1 - p.y0).arg(s.y1 - s.y0)));
        // A row through the ball (above its shadow): the smear widens it by several pixels.
        const int row = s.y0 + 8;
        auto rowWidth = [&](const Frame &f) {
            int n = 0;
            for (int x = 0; x < plan.width; ++x)
                n += f.at(x, row) != empty.at(x, row);
            return n;
        };
        QVERIFY2(rowWidth(post) >= rowWidth(sharp) + 8, qPrintable(QStringLiteral("row %1 vs %2").arg(rowWidth(post)).arg(rowWidth(sharp))));
        // Nothing that stands still is blurred: a still ball under a still camera is byte-identical.
        QCOMPARE(renderAll(plan, ballTrack(2)).first().rgb, renderAll(plan, ballTrack(2), off).first().rgb);
    }

    void sameInputsGiveIdenticalFrames()
    {
        ScenePlan plan = ballPlan(QStringLiteral("street"), 150, 90); // not a multiple of the tile size
        plan.weather = QStringLiteral("rain");
        plan.style = QStringLiteral("vintage-film");
        plan.camera.move = QStringLiteral("handheld");
        const QByteArray first = digest(renderAll(plan, ballTrack(3)));
        QCOMPARE(digest(renderAll(plan, ballTrack(3))), first);
        plan.seed = 2;
        QVERIFY(digest(renderAll(plan, ballTrack(3))) != first);
    }

    void fixturesShadowAlikeUnderAMovingCamera()
    {
        // Under a moving camera a primitive that never moves (a fixture) shadows the ground from
        // the shot's shadow map, one that moves by rays. Nudging the fixture by 0.1 mm on the last
        // frame makes it a mover: its shadow must come out the same both ways.
        ScenePlan plan = ballPlan(QStringLiteral("park"), 192, 108);
        plan.camera.move = QStringLiteral("pan-right");
        Primitive box;
        box.shape = Primitive::Shape::Box;
        box.center = {-2.0, 0.6, 0.6}, box.size = {0.5, 0.6, 0.3}, box.color = {0.2, 0.4, 0.8}, box.entity = 1;
        box.material = QStringLiteral("wood");
        WorldTrack fixed = ballTrack(3), bare = ballTrack(3);
        for (int f = 0; f < 3; ++f) {
            fixed.frames[f].primitives.first().center.x = -0.6 + 0.05 * f;
            bare.frames[f].primitives.first().center.x = -0.6 + 0.05 * f;
            fixed.frames[f].primitives << box;
        }
        WorldTrack nudged = fixed;
        nudged.frames[2].primitives[1].center.x += 1e-4;
        RenderOptions sharp; // a mover's pixels are blurred by the pan, a fixture's not: compare shadows only
        sharp.motionBlur = false;
        const Frame mapped = renderAll(plan, fixed, sharp).first(), cast = renderAll(plan, nudged, sharp).first();
        const Frame without = renderAll(plan, bare, sharp).first();
        int differ = 0, darker = 0;
        for (int y = 0; y < plan.height; ++y)
            for (int x = 0; x < plan.width; ++x) {
                const auto a = mapped.at(x, y), b = cast.at(x, y);
                differ += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 6;
                darker += mapped.luma(x, y) < without.luma(x, y) - 20 && cast.luma(x, y) < without.luma(x, y) - 20;
            }
        QVERIFY2(darker > 300, qPrintable(QStringLiteral("box and its shadow cover %1 pixels").arg(darker)));
        QVERIFY2(differ <= plan.width * plan.height / 200, qPrintable(QStringLiteral("%1 pixels differ").arg(differ)));
    }

    void wallBoxesOnTheRoomWallDoNotSpeckle()
    {
        // The stage set draws a box whose face lies exactly on the gym's back wall; the wall (with
        // its windows and pads) must win every pixel, not half of them on float rounding.
        ScenePlan plan = ballPlan(QStringLiteral("gym"), 192, 108);
        plan.camera.subject.clear();
        Primitive wall;
        wall.shape = Primitive::Shape::Box;
        wall.center = {0, 4, -12.1}, wall.size = {15.2, 4, 0.1}, wall.color = {0.9, 0.2, 0.2}, wall.entity = 7;
        wall.material = QStringLiteral("plaster");
        WorldTrack with = ballTrack(1);
        with.frames[0].primitives << wall;
        const Frame plain = renderAll(plan, ballTrack(1)).first(), boxed = renderAll(plan, with).first();
        int differ = 0;
        for (int y = 0; y < plan.height; ++y)
            for (int x = 0; x < plan.width; ++x)
                differ += plain.at(x, y) != boxed.at(x, y);
        QVERIFY2(differ <= plan.width * plan.height / 500, qPrintable(QStringLiteral("%1 pixels differ").arg(differ)));
    }

    void staticShotsRepeatTheSameFrame()
    {
        // A still camera on a still scene: frames reuse the environment shaded (and, for pointwise
        // styles, styled) once per camera pose and shade only the primitives, with one or two
        // frames in flight; any drift between frames or cache slots shows up here.
        const QList<std::pair<QString, QString>> looks{{"gym", "cinematic"}, {"street", "anime"}, {"space", "noir"},
                                                       {"stage", "claymation"}, {"park", "sketch"}};
        for (const auto &[environment, style] : looks) {
            ScenePlan plan = ballPlan(environment, 96, 64);
            plan.style = style;
            plan.timeOfDay = environment == QLatin1String("street") ? QStringLiteral("night") : QStringLiteral("day");
            for (int threads : {1, 2}) {
                RenderOptions options;
                options.threads = threads;
                const QList<Frame> frames = renderAll(plan, ballTrack(5), options);
                QCOMPARE(frames.size(), 5);
                for (int i = 1; i < frames.size(); ++i)
                    QVERIFY2(frames[i].rgb == frames[0].rgb, qPrintable(QStringLiteral("%1/%2, %3 threads: frame %4 differs")
                                                                            .arg(environment, style).arg(threads).arg(i)));
            }
        }
        // The beach's sea moves, its sky does not.
        ScenePlan beach = ballPlan(QStringLiteral("beach"), 96, 64);
        const QList<Frame> frames = renderAll(beach, ballTrack(4));
        QCOMPARE(frames.size(), 4);
        const int skyBytes = 10 * 96 * 3; // the top ten rows
        QVERIFY(frames[3].rgb.left(skyBytes) == frames[0].rgb.left(skyBytes));
        QVERIFY(frames[3].rgb != frames[0].rgb);
    }

    void errorsAndCancellation()
    {
        Renderer renderer;
        auto ignore = [](int, const std::uint8_t *, int) { return kinora::core::Status::success(); };
        QVERIFY(!renderer.render(ballPlan(), WorldTrack{}, ignore).ok());
        ScenePlan tiny = ballPlan();
        tiny.width = 4;
        QVERIFY(!renderer.render(tiny, ballTrack(), ignore).ok());

        int delivered = 0;
        const kinora::core::Status cancelled = renderer.render(
            ballPlan(QStringLiteral("park"), 64, 48), ballTrack(4),
            [&](int, const std::uint8_t *, int) { ++delivered; return kinora::core::Status::success(); },
            [](int done, int) { return done < 1; });
        QVERIFY(!cancelled.ok());
        QVERIFY(cancelled.error().message.contains(QStringLiteral("cancelled")));
        QCOMPARE(delivered, 1);

        const kinora::core::Status failed = renderer.render(ballPlan(QStringLiteral("park"), 64, 48), ballTrack(2),
                                                            [](int, const std::uint8_t *, int) {
                                                                return kinora::core::Status(kinora::core::Error{QStringLiteral("disk full"), {}});
                                                            });
        QCOMPARE(failed.error().message, QStringLiteral("disk full"));
    }

    void cudaFallsBackToTheCpu()
    {
        RenderOptions options;
        options.device = QStringLiteral("cuda");
        Renderer renderer(options);
        if (renderer.device() == QLatin1String("cpu"))
            QVERIFY(renderer.deviceNote().contains(QStringLiteral("CPU")));
        else
            QVERIFY(renderer.device().startsWith(QStringLiteral("cuda")));
        QCOMPARE(renderAll(ballPlan(QStringLiteral("park"), 64, 48), ballTrack(), options).size(), 1);
        QVERIFY(Renderer::deviceDescription().contains(QStringLiteral("threads")));
    }
};

QTEST_GUILESS_MAIN(TestRenderImage)
#include "tst_render_image.moc"
