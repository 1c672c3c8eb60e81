// Style tests: each style leaves a measurable fingerprint (noir has no colour, anime has few tones
// and outlines, sketch is mostly paper, vintage film changes every frame while cinematic holds).
#include "engine/render/camerapath.h"
#include "engine/render/renderer.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <set>

using namespace kinora::engine;

namespace {

constexpr int kWidth = 192, kHeight = 108;

struct Frame
{
    QByteArray rgb;
    std::array<int, 3> at(int x, int y) const
    {
        const auto *p = reinterpret_cast<const std::uint8_t *>(rgb.constData()) + (y * kWidth + x) * 3;
        return {p[0], p[1], p[2]};
    }
    int luma(int x, int y) const
    {
        const auto c = at(x, y);
        return int(std::lround(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]));
    }
};

ScenePlan plan(const QString &style)
{
    ScenePlan p;
    p.environment = QStringLiteral("park");
    p.style = style;
    p.width = kWidth, p.height = kHeight;
    p.camera.framing = QStringLiteral("medium");
    p.camera.subject = QStringLiteral("ball-1");
    PlanEntity ball;
    ball.id = QStringLiteral("ball-1");
    ball.size = {1, 1, 1};
    ball.position = {0, 0.5, 0};
    p.entities << ball;
    return p;
}

WorldTrack track(int frames)
{
    WorldTrack t;
    Primitive ball;
    ball.shape = Primitive::Shape::Sphere;
    ball.center = {0, 1, 0}, ball.size = {0.5, 0, 0}, ball.color = {0.85, 0.1, 0.08};
    ball.material = QStringLiteral("rubber");
    for (int f = 0; f < frames; ++f)
        t.frames << WorldFrame{{ball}, {Vec3{0, 0.5, 0}}};
    return t;
}

QList<Frame> render(const QString &style, int frames = 1)
{
    QList<Frame> out;
    Renderer renderer;
    const kinora::core::Status status = renderer.render(plan(style), track(frames), [&](int, const std::uint8_t *rgb, int stride) {
        Frame f;
        for (int y = 0; y < kHeight; ++y)
            f.rgb.append(reinterpret_cast<const char *>(rgb + y * stride), kWidth * 3);
        out << f;
        return kinora::core::Status::success();
    });
    if (!status.ok())
        qWarning() << status.error().toString();
    return out;
}

// The ball's centre and radius on screen.
QPointF ballCentre(double *radiusPx)
{
    const CameraPose pose = CameraPath(plan(QStringLiteral("cinematic")), track(1)).at(0);
    const QPointF c = CameraPath::project(pose, {0, 1, 0}, kWidth, kHeight);
    double depth = 0;
    CameraPath::project(pose, {0, 1, 0}, kWidth, kHeight, &depth);
    *radiusPx = 0.5 / (depth * std::tan(45.0 * M_PI / 360)) * kHeight / 2;
    return c;
}

// Distinct luminance values over the inner 80% of the ball's disc.
int tonesOnBall(const Frame &f)
{
    double r = 0;
    const QPointF c = ballCentre(&r);
    std::set<int> tones;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x)
            if (std::hypot(x + 0.5 - c.x(), y + 0.5 - c.y()) < 0.8 * r)
                tones.insert(f.luma(x, y));
    return int(tones.size());
}

} // namespace

class TestRenderStyles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noirIsBlackAndWhite()
    {
        const Frame f = render(QStringLiteral("noir")).first();
        int darkest = 255, brightest = 0;
        for (int y = 0; y < kHeight; ++y) {
            for (int x = 0; x < kWidth; ++x) {
                const auto c = f.at(x, y);
                QVERIFY2(c[0] == c[1] && c[1] == c[2], qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
                darkest = std::min(darkest, c[0]), brightest = std::max(brightest, c[0]);
            }
        }
        QVERIFY2(brightest - darkest > 150, "high contrast");
        const auto colour = render(QStringLiteral("cinematic")).first().at(kWidth / 2, kHeight / 2);
        QVERIFY(colour[0] != colour[1]); // the same scene has colour in another style
    }

    void animeHasFewTonesAndOutlines()
    {
        const Frame anime = render(QStringLiteral("anime")).first();
        const Frame cinematic = render(QStringLiteral("cinematic")).first();
        const int animeTones = tonesOnBall(anime), filmTones = tonesOnBall(cinematic);
        QVERIFY2(animeTones <= 6, qPrintable(QString::number(animeTones)));
        QVERIFY2(filmTones > 20, qPrintable(QString::number(filmTones)));
        // Around the silhouette most pixels are ink.
        double r = 0;
        const QPointF c = ballCentre(&r);
        int ink = 0, samples = 0;
        for (int k = 0; k < 72; ++k) {
            const double a = k * 2 * M_PI / 72;
            int darkest = 255;
            for (double dr : {-1.0, 0.0, 1.0}) {
                const int x = int(c.x() + (r + dr) * std::cos(a)), y = int(c.y() + (r + dr) * std::sin(a));
                darkest = std::min(darkest, anime.luma(x, y));
            }
            ink += darkest < 40;
            ++samples;
        }
        QVERIFY2(ink > samples * 0.8, qPrintable(QStringLiteral("%1 of %2").arg(ink).arg(samples)));
    }

    void sketchIsMostlyPaper()
    {
        const Frame f = render(QStringLiteral("sketch")).first();
        int paper = 0, graphite = 0;
        for (int y = 0; y < kHeight; ++y) {
            for (int x = 0; x < kWidth; ++x) {
                const auto c = f.at(x, y);
                paper += c[0] > 220 && c[1] > 220 && c[2] > 210;
                graphite += f.luma(x, y) < 100;
            }
        }
        QVERIFY2(paper > kWidth * kHeight * 0.6, qPrintable(QString::number(paper)));
        QVERIFY2(graphite > 100, "there are pencil lines");
    }

    void vintageFilmFlickersWhileCinematicHolds()
    {
        auto differing = [](const Frame &a, const Frame &b) {
            int n = 0;
            for (int y = 0; y < kHeight; ++y)
                for (int x = 0; x < kWidth; ++x)
                    n += a.at(x, y) != b.at(x, y);
            return n;
        };
        const QList<Frame> film = render(QStringLiteral("vintage-film"), 2);
        QVERIFY(differing(film[0], film[1]) > kWidth * kHeight / 4);
        const QList<Frame> still = render(QStringLiteral("cinematic"), 2);
        QCOMPARE(differing(still[0], still[1]), 0);
        const auto sepia = film[0].at(kWidth / 2, kHeight / 8);
        QVERIFY2(sepia[0] > sepia[2], "vintage film is warm, even in the blue sky");
    }

    void everyStyleIsDistinct()
    {
        const QStringList styles{"cinematic", "anime", "documentary", "noir", "claymation", "sketch", "vintage-film"};
        QList<Frame> frames;
        for (const QString &style : styles)
            frames << render(style).first();
        for (int i = 0; i < frames.size(); ++i) {
            for (int j = i + 1; j < frames.size(); ++j) {
                double diff = 0;
                for (int k = 0; k < frames[i].rgb.size(); ++k)
                    diff += std::abs(int(std::uint8_t(frames[i].rgb[k])) - int(std::uint8_t(frames[j].rgb[k])));
                diff /= frames[i].rgb.size();
                QVERIFY2(diff > 3, qPrintable(QStringLiteral("%1 vs %2: %3").arg(styles[i], styles[j]).arg(diff)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRenderStyles)
#include "tst_render_styles.moc"
