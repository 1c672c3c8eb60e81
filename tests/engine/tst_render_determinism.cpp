// Renderer determinism: the same plan and track give the same bytes whatever the frame-thread
// count, libtorch's intra-op thread count or the load on the machine; lip-sync is never cached.
#include "engine/render/renderer.h"

#include <ATen/Parallel.h>

#include <QCryptographicHash>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace kinora::engine;

namespace {

Primitive prim(Primitive::Shape shape, Vec3 centre, Vec3 size, Vec3 color, int entity,
               Primitive::Part part = Primitive::Part::Body)
{
    Primitive p;
    p.shape = shape, p.center = centre, p.size = size, p.color = color, p.entity = entity, p.part = part;
    p.material = QStringLiteral("plastic");
    return p;
}

ScenePlan plan(const QString &environment, const QString &style, const QString &move, const QString &weather = QStringLiteral("clear"))
{
    ScenePlan p;
    p.environment = environment, p.style = style, p.weather = weather;
    p.width = 200, p.height = 120, p.fps = 24, p.seed = 7;
    p.camera.move = move;
    p.camera.framing = QStringLiteral("medium");
    p.camera.subject = QStringLiteral("person-1");
    PlanEntity person;
    person.id = QStringLiteral("person-1");
    person.size = {0.5, 1.8, 0.4};
    p.entities << person;
    return p;
}

// A figure (body, head with a mouth) walking right, and a ball arcing across: both move every
// frame. @p mouth gives the head's mouthOpen per frame (lip-sync from the speech stage).
WorldTrack track(int frames, const std::function<double(int)> &mouth)
{
    using S = Primitive::Shape;
    WorldTrack t;
    for (int f = 0; f < frames; ++f) {
        WorldFrame frame;
        const double x = -0.6 + 0.08 * f;
        frame.primitives << prim(S::Capsule, {x, 1.0, 0}, {0.22, 0.35, 0}, {0.2, 0.35, 0.8}, 0);
        Primitive head = prim(S::Sphere, {x, 1.62, 0}, {0.17, 0, 0}, {0.85, 0.65, 0.5}, 0, Primitive::Part::Head);
        head.mouthOpen = mouth(f);
        frame.primitives << head;
        frame.primitives << prim(S::Sphere, {0.8 - 0.15 * f, 0.6 + 0.5 * std::sin(0.5 * f), 0.6}, {0.18, 0, 0},
                                 {0.9, 0.4, 0.1}, 1);
        frame.primitives << prim(S::Box, {1.2, 0.4, -0.8}, {0.4, 0.4, 0.4}, {0.5, 0.5, 0.45}, 2);
        frame.entityPositions << Vec3{x, 0, 0};
        t.frames << frame;
    }
    return t;
}

QList<QByteArray> renderFrames(const ScenePlan &p, const WorldTrack &t, int frameThreads, int blur = 1)
{
    RenderOptions options;
    options.threads = frameThreads;
    options.motionBlurSamples = blur;
    Renderer renderer(options);
    QList<QByteArray> frames;
    const kinora::core::Status status = renderer.render(p, t, [&](int, const std::uint8_t *rgb, int stride) {
        QByteArray bytes;
        for (int y = 0; y < p.height; ++y)
            bytes.append(reinterpret_cast<const char *>(rgb + y * stride), p.width * 3);
        frames << bytes;
        return kinora::core::Status::success();
    });
    if (!status.ok())
        qWarning() << status.error().toString();
    return frames;
}

int differingBytes(const QByteArray &a, const QByteArray &b)
{
    int n = 0;
    for (int i = 0; i < std::min(a.size(), b.size()); ++i)
        n += a[i] != b[i];
    return n + int(std::abs(a.size() - b.size()));
}

/// Keeps @p count threads spinning (another process's build or render) until destroyed.
class BusyLoad
{
public:
    explicit BusyLoad(int count)
    {
        for (int i = 0; i < count; ++i)
            m_threads.emplace_back([this] {
                volatile double x = 1;
                while (!m_stop.load(std::memory_order_relaxed))
                    x = x * 1.0000001 + 1e-9;
            });
    }
    ~BusyLoad()
    {
        m_stop = true;
        for (std::thread &t : m_threads)
            t.join();
    }

private:
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_threads;
};

} // namespace

class TestRenderDeterminism : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threadCountsGiveIdenticalBytes_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("style");
        QTest::addColumn<QString>("move");
        QTest::addColumn<QString>("weather");
        QTest::addColumn<int>("blur");
        QTest::newRow("gym cinematic static") << "gym" << "cinematic" << "static" << "clear" << 1;
        QTest::newRow("street anime handheld") << "street" << "anime" << "handheld" << "clear" << 1;
        QTest::newRow("beach documentary static") << "beach" << "documentary" << "static" << "clear" << 1;
        QTest::newRow("park sketch orbit") << "park" << "sketch" << "orbit" << "clear" << 1;
        QTest::newRow("park vintage rain") << "park" << "vintage-film" << "static" << "rain" << 1;
        QTest::newRow("stage noir static") << "stage" << "noir" << "static" << "clear" << 1;
        QTest::newRow("forest claymation snow blur") << "forest" << "claymation" << "static" << "snow" << 2;
        QTest::newRow("underwater cinematic dolly") << "underwater" << "cinematic" << "dolly-in" << "clear" << 1;
    }

    void threadCountsGiveIdenticalBytes()
    {
        QFETCH(QString, environment);
        QFETCH(QString, style);
        QFETCH(QString, move);
        QFETCH(QString, weather);
        QFETCH(int, blur);
        const ScenePlan p = plan(environment, style, move, weather);
        const WorldTrack t = track(5, [](int f) { return 0.25 * f; });
        const int before = at::get_num_threads();
        at::set_num_threads(1);
        const QList<QByteArray> one = renderFrames(p, t, 1, blur);
        at::set_num_threads(2);
        const QList<QByteArray> two = renderFrames(p, t, 2, blur);
        const QList<QByteArray> three = renderFrames(p, t, 3, blur);
        at::set_num_threads(before);
        QCOMPARE(one.size(), 5);
        QCOMPARE(two.size(), 5);
        QCOMPARE(three.size(), 5);
        for (int f = 0; f < 5; ++f) {
            QVERIFY2(one[f] == two[f], qPrintable(QStringLiteral("frame %1: %2 bytes differ (1 vs 2 threads)")
                                                      .arg(f).arg(differingBytes(one[f], two[f]))));
            QVERIFY2(one[f] == three[f], qPrintable(QStringLiteral("frame %1: %2 bytes differ (1 vs 3 frame threads)")
                                                        .arg(f).arg(differingBytes(one[f], three[f]))));
        }
        // Not a still picture: the figure and the ball move, so the comparison above means something.
        QVERIFY(differingBytes(one[0], one[4]) > 300);
    }

    void busyMachineGivesIdenticalBytes()
    {
        // Twice the cores spinning (what a build beside a second render does) must change nothing.
        const ScenePlan p = plan(QStringLiteral("gym"), QStringLiteral("cinematic"), QStringLiteral("handheld"));
        const WorldTrack t = track(6, [](int f) { return f % 2 ? 0.8 : 0.0; });
        const QList<QByteArray> quiet = renderFrames(p, t, 2);
        QList<QByteArray> loaded;
        {
            const BusyLoad load(int(std::max(2u, std::thread::hardware_concurrency())) * 2);
            loaded = renderFrames(p, t, 2);
        }
        QCOMPARE(loaded.size(), quiet.size());
        for (int f = 0; f < quiet.size(); ++f)
            QVERIFY2(loaded[f] == quiet[f], qPrintable(QStringLiteral("frame %1 changed under load").arg(f)));
    }

    void lipSyncIsNeverCachedOnAStillCamera()
    {
        // A still camera shades the set once; heads are shaded per frame, so the mouth follows
        // mouthOpen. Frames 0 and 1 differ only by mouthOpen (the figure stands still here).
        ScenePlan p = plan(QStringLiteral("room"), QStringLiteral("cinematic"), QStringLiteral("static"));
        p.width = 320, p.height = 192;
        p.camera.framing = QStringLiteral("close-up");
        WorldTrack t = track(3, [](int f) { return f == 1 ? 1.0 : 0.0; });
        for (WorldFrame &frame : t.frames) // freeze everything but the mouth
            for (int i = 0; i < frame.primitives.size(); ++i)
                frame.primitives[i].center = t.frames[0].primitives[i].center;
        for (int threads : {1, 2}) {
            const QList<QByteArray> frames = renderFrames(p, t, threads);
            QCOMPARE(frames.size(), 3);
            const int open = differingBytes(frames[0], frames[1]);
            QVERIFY2(open > 20, qPrintable(QStringLiteral("an open mouth changed only %1 bytes").arg(open)));
            QVERIFY2(open < p.width * p.height * 3 / 20, qPrintable(QStringLiteral("%1 bytes changed").arg(open)));
            QVERIFY2(frames[2] == frames[0], "the mouth closes again exactly as it was");
        }
    }
};

QTEST_GUILESS_MAIN(TestRenderDeterminism)
#include "tst_render_determinism.moc"
