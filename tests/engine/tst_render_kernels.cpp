// The renderer's CPU loops against their tensor versions (the path for other devices): the same
// nearest primitive and distance per camera ray and the same shadows, on scenes of every shape at
// random places, sizes and turns; the same bits of hash and value noise.
#include "engine/render/renderkernels.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace kinora::engine;
using namespace kinora::engine::render;

namespace {

// A scene of @p count primitives of all four shapes, turned at random, in front of a camera at
// (0, 1.5, 6) looking down -z.
QList<Primitive> randomScene(unsigned seed, int count)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    QList<Primitive> scene;
    for (int i = 0; i < count; ++i) {
        Primitive p;
        p.shape = Primitive::Shape(1 + i % 4);
        p.center = {unit(rng) * 6 - 3, unit(rng) * 3, unit(rng) * -6};
        const double w = unit(rng) - 0.5, x = unit(rng) - 0.5, y = unit(rng) - 0.5, z = unit(rng) - 0.5;
        p.orientation = {w, x, y, z};
        p.size = {0.1 + unit(rng) * 0.5, 0.1 + unit(rng) * 0.6, 0.1 + unit(rng) * 0.4};
        p.material = QStringLiteral("wood");
        scene << p;
    }
    return scene;
}

// Unit camera rays [H,W,3] from a pinhole looking down -z with a 50 degree vertical field.
Tensor cameraRays(int height, int width)
{
    const double tanHalf = std::tan(25 * M_PI / 180), aspect = double(width) / height;
    const Tensor sx = (((torch::arange(width) + 0.5) / width * 2 - 1) * aspect * tanHalf).reshape({1, width, 1});
    const Tensor sy = ((1 - (torch::arange(height) + 0.5) / height * 2) * tanHalf).reshape({height, 1, 1});
    const Tensor d = torch::cat({sx.expand({height, width, 1}), sy.expand({height, width, 1}),
                                 -torch::ones({height, width, 1})}, 2);
    return normalized3(d);
}

} // namespace

class TestRenderKernels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void primaryHitsMatchTheTensorPath_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("count");
        QTest::newRow("12 primitives") << 1u << 12;
        QTest::newRow("40 primitives") << 2u << 40;
        QTest::newRow("90 primitives") << 3u << 90;
    }

    void primaryHitsMatchTheTensorPath()
    {
        QFETCH(unsigned, seed);
        QFETCH(int, count);
        torch::NoGradGuard noGrad;
        const PrimitiveTable table = makePrimitiveTable(randomScene(seed, count), torch::kCPU);
        const Tensor eye = torch::tensor({0.0f, 1.5f, 6.0f});
        const Tensor dirs = cameraRays(192, 320);
        const Hits loops = castPrimary(table, eye, dirs, KernelPath::Auto);
        const Hits tensors = castPrimary(table, eye, dirs, KernelPath::Tensors);
        const std::int64_t pixels = dirs.size(0) * dirs.size(1);
        const std::int64_t hit = (tensors.id >= 0).sum().item<std::int64_t>();
        QVERIFY2(hit > pixels / 20, qPrintable(QStringLiteral("only %1 of %2 rays hit").arg(hit).arg(pixels)));
        // Every shape is seen.
        const Tensor shapes = table.shape.index_select(0, tensors.id.masked_select(tensors.id >= 0));
        for (int shape = 1; shape <= 4; ++shape)
            QVERIFY2((shapes == shape).any().item<bool>(), qPrintable(QStringLiteral("shape %1 never hit").arg(shape)));
        // The same primitive on all but a few grazing rays, at the same distance.
        const std::int64_t differ = (loops.id != tensors.id).sum().item<std::int64_t>();
        QVERIFY2(differ <= pixels / 2000, qPrintable(QStringLiteral("%1 of %2 rays hit another primitive").arg(differ).arg(pixels)));
        const Tensor both = (loops.id == tensors.id) & (tensors.id >= 0);
        const Tensor gap = (loops.t - tensors.t).abs().masked_select(both);
        const Tensor relative = gap / tensors.t.masked_select(both);
        // Float rounding differs between the two, and a grazing ray's square root magnifies it.
        const std::int64_t loose = (relative > 1e-4).sum().item<std::int64_t>();
        QVERIFY2(loose <= gap.numel() / 1000, qPrintable(QStringLiteral("%1 of %2 distances differ by more than 1e-4").arg(loose).arg(gap.numel())));
        const double worst = gap.max().item<double>();
        QVERIFY2(worst < 2e-3, qPrintable(QStringLiteral("distances differ by up to %1 m").arg(worst)));
    }

    void shadowsMatchTheTensorPath()
    {
        torch::NoGradGuard noGrad;
        const PrimitiveTable table = makePrimitiveTable(randomScene(7, 30), torch::kCPU);
        // Ground points under the scene, a third of them without a ray.
        const int h = 160, w = 224;
        const Tensor x = (torch::arange(w) / float(w) * 12 - 6).reshape({1, w}).expand({h, w});
        const Tensor z = (torch::arange(h) / float(h) * -10 + 2).reshape({h, 1}).expand({h, w});
        const Tensor origins = torch::stack({x, torch::full({h, w}, 0.001f), z}, 2);
        const Tensor valid = (torch::arange(h * w).reshape({h, w}) % 3) != 0;
        Vec3 toLight{0.4, 0.8, 0.3};
        const double n = std::sqrt(toLight.x * toLight.x + toLight.y * toLight.y + toLight.z * toLight.z);
        toLight = {toLight.x / n, toLight.y / n, toLight.z / n};
        const Tensor loops = castShadow(table, origins, valid, toLight, KernelPath::Auto);
        const Tensor tensors = castShadow(table, origins, valid, toLight, KernelPath::Tensors);
        const std::int64_t shadowed = tensors.sum().item<std::int64_t>();
        QVERIFY2(shadowed > h * w / 20, qPrintable(QStringLiteral("only %1 points in shadow").arg(shadowed)));
        QVERIFY(!(tensors & ~valid.reshape(-1)).any().item<bool>());
        const std::int64_t differ = (loops != tensors).sum().item<std::int64_t>();
        QVERIFY2(differ <= h * w / 2000, qPrintable(QStringLiteral("%1 of %2 shadow rays differ").arg(differ).arg(h * w)));
    }

    void setViewMatchesTheTensorPath_data()
    {
        QTest::addColumn<bool>("indoor");
        QTest::addColumn<double>("eyeHeight");
        QTest::newRow("gym") << true << 1.6;
        QTest::newRow("street") << false << 1.6;
        QTest::newRow("below the ground") << false << -0.5;
    }

    void setViewMatchesTheTensorPath()
    {
        QFETCH(bool, indoor);
        QFETCH(double, eyeHeight);
        torch::NoGradGuard noGrad;
        Look look;
        look.environment = indoor ? QStringLiteral("gym") : QStringLiteral("street");
        look.indoor = indoor;
        const int h = 96, w = 160;
        const Tensor sx = (((torch::arange(w) + 0.5) / w * 2 - 1) * (double(w) / h)).reshape({1, w, 1});
        const Tensor sy = (1 - (torch::arange(h) + 0.5) / h * 2).reshape({h, 1, 1});
        CameraPose pose;
        pose.eye = {2.0, eyeHeight, 7.5}, pose.target = {-1.0, 0.8, -3.0}, pose.fovYDeg = 48;
        const CameraBasis basis = CameraPath::basis(pose);
        const double tanHalf = std::tan(pose.fovYDeg * M_PI / 360);
        const SetView loops = viewSet(look, pose.eye, basis, tanHalf, sx, sy, KernelPath::Auto);
        const SetView tensors = viewSet(look, pose.eye, basis, tanHalf, sx, sy, KernelPath::Tensors);
        const std::int64_t ground = tensors.kind.sum().item<std::int64_t>();
        if (eyeHeight > 0)
            QVERIFY2(ground > h * w / 5 && ground < h * w, qPrintable(QStringLiteral("%1 ground pixels").arg(ground)));
        else
            QCOMPARE(ground, std::int64_t(0));
        QVERIFY(torch::equal(loops.kind, tensors.kind));
        QVERIFY(torch::equal(loops.shadowed, tensors.shadowed));
        QVERIFY(torch::equal(torch::isinf(loops.nearest), torch::isinf(tensors.nearest)));
        const Tensor finite = torch::isfinite(tensors.nearest);
        QCOMPARE(finite.all().item<bool>(), indoor); // the room's walls close every ray
        // Within float rounding: a direction's last bit moves a point by its distance times 6e-8.
        const Tensor slack = tensors.depth.unsqueeze(1) * 4e-7 + 1e-6;
        const std::vector<std::tuple<const char *, Tensor, Tensor, Tensor>> fields{
            {"dirs", loops.dirs, tensors.dirs, torch::full({1}, 1e-6)},
            {"depth", loops.depth, tensors.depth, tensors.depth * 4e-7 + 1e-6},
            {"position", loops.position, tensors.position, slack},
            {"normal", loops.normal, tensors.normal, torch::full({1}, 1e-6)},
            {"origins", loops.origins, tensors.origins, slack}};
        for (const auto &[name, a, b, tolerance] : fields) {
            QCOMPARE(a.sizes().vec(), b.sizes().vec());
            const Tensor excess = ((a - b).abs() - tolerance).reshape(-1);
            QVERIFY2(excess.max().item<double>() <= 0, qPrintable(QStringLiteral("%1 differ beyond rounding at %2")
                                                                      .arg(QLatin1String(name))
                                                                      .arg(excess.argmax().item<std::int64_t>())));
        }
    }

    void lightAndFogMatchTheTensorPath_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<QString>("environment");
        QTest::newRow("cinematic beach") << "cinematic" << "beach";
        QTest::newRow("anime park") << "anime" << "park";
        QTest::newRow("claymation room") << "claymation" << "room";
        QTest::newRow("noir stage") << "noir" << "stage";
    }

    void lightAndFogMatchTheTensorPath()
    {
        QFETCH(QString, style);
        QFETCH(QString, environment);
        torch::NoGradGuard noGrad;
        torch::manual_seed(5);
        Look look;
        look.style = style, look.environment = environment;
        look.stage = environment == QLatin1String("stage");
        look.indoor = look.stage || environment == QLatin1String("room");
        look.spotCentre = {0.5, 0, -1};
        look.fogDensity = 0.02;
        const std::int64_t k = 40000;
        SurfaceLight in;
        in.albedo = torch::rand({k, 3});
        in.normal = normalized3(torch::randn({k, 3}));
        in.dir = normalized3(torch::randn({k, 3}));
        in.lit = (torch::rand({k}) > 0.3).to(torch::kFloat32);
        in.shine = torch::rand({k});
        in.position = torch::randn({k, 3}) * 3;
        in.isGround = torch::rand({k}) > 0.5;
        const Tensor loops = lightSurfaces(look, in, 0, KernelPath::Auto);
        const Tensor tensors = lightSurfaces(look, in, 0, KernelPath::Tensors);
        QCOMPARE(loops.sizes().vec(), tensors.sizes().vec());
        QVERIFY(tensors.std().item<double>() > 0.05); // lit, not flat
        // Cel bands and the anime highlight may flip on a rounding at their thresholds.
        const std::int64_t off = ((loops - tensors).abs() > 1e-5).any(1).sum().item<std::int64_t>();
        QVERIFY2(off <= k / 1000, qPrintable(QStringLiteral("%1 of %2 pixels lit differently").arg(off).arg(k)));

        const Tensor depth = torch::rand({k}) * 200, background = torch::rand({k}) > 0.8;
        const Tensor fogged = applyFog(look, tensors, depth, background, KernelPath::Auto);
        const Tensor reference = applyFog(look, tensors, depth, background, KernelPath::Tensors);
        QVERIFY((fogged - tensors).abs().max().item<double>() > 0.05); // the fog shows
        QVERIFY2(torch::allclose(fogged, reference, 1e-5, 1e-6),
                 qPrintable(QStringLiteral("fog differs by up to %1").arg((fogged - reference).abs().max().item<double>())));
    }

    void motionBlurMatchesTheTensorPath()
    {
        torch::NoGradGuard noGrad;
        torch::manual_seed(9);
        // A 160x96 frame: a near disc moving right fast over a far, still backdrop, and a
        // slower patch moving down.
        GBuffer g;
        g.height = 96, g.width = 160, g.imageHeight = 90, g.imageWidth = 150;
        const std::int64_t m = std::int64_t(g.height) * g.width;
        const Tensor y = (torch::arange(m) / g.width).to(torch::kFloat32), x = (torch::arange(m) % g.width).to(torch::kFloat32);
        const Tensor disc = ((x - 60).square() + (y - 40).square()) < 15 * 15;
        const Tensor patch = (x > 110) & (x < 140) & (y > 50) & (y < 80);
        g.depth = torch::where(disc, torch::full({m}, 3.0f), torch::full({m}, 20.0f));
        g.kind = torch::zeros({m}, torch::kInt64);
        Tensor motion = torch::zeros({m, 2});
        motion.select(1, 0).masked_fill_(disc, 14.0);
        motion.select(1, 1).masked_fill_(patch, 5.0);
        const Tensor linear = torch::rand({m, 3}) * 0.2 + disc.unsqueeze(1).to(torch::kFloat32) * 0.8;
        Tensor loopPixels, tensorPixels;
        const Tensor loops = blurPixels(g, linear, motion, &loopPixels, KernelPath::Auto);
        const Tensor tensors = blurPixels(g, linear, motion, &tensorPixels, KernelPath::Tensors);
        QVERIFY2(tensorPixels.numel() > 1000, qPrintable(QStringLiteral("%1 pixels blurred").arg(tensorPixels.numel())));
        QVERIFY(torch::equal(loopPixels, tensorPixels));
        const std::int64_t off = ((loops - tensors).abs() > 1e-4).any(1).sum().item<std::int64_t>();
        QVERIFY2(off <= tensorPixels.numel() / 500, qPrintable(QStringLiteral("%1 of %2 blurred pixels differ").arg(off).arg(tensorPixels.numel())));

        // Screen motion of a primitive's point and of the ground under a moving camera.
        const PrimitiveTable now = makePrimitiveTable(randomScene(4, 6), torch::kCPU);
        QList<Primitive> moved = randomScene(4, 6);
        for (Primitive &p : moved)
            p.center.x += 0.3, p.orientation = {0.9, 0.1, 0.3, 0.0};
        const PrimitiveTable later = makePrimitiveTable(moved, torch::kCPU);
        GBuffer s;
        s.imageWidth = 320, s.imageHeight = 180;
        const std::int64_t k = 500;
        s.position = torch::randn({k, 3}) + torch::tensor({0.0f, 1.0f, -3.0f});
        s.id = torch::randint(-1, now.count, {k}, torch::kInt64);
        s.local = torch::randn({k, 3}) * 0.2;
        CameraPose a, b;
        a.eye = {0, 1.5, 6}, a.target = {0, 1, 0}, a.fovYDeg = 40;
        b = a, b.eye.x += 0.2;
        const Tensor all = torch::arange(k);
        const Tensor fast = screenMotion(s, all, later, a, b, KernelPath::Auto);
        const Tensor reference = screenMotion(s, all, later, a, b, KernelPath::Tensors);
        QVERIFY(reference.abs().max().item<double>() > 5); // things move on screen
        QVERIFY2(torch::allclose(fast, reference, 1e-4, 1e-3),
                 qPrintable(QStringLiteral("motion differs by up to %1 px").arg((fast - reference).abs().max().item<double>())));
    }

    void hitsIntoTheGBufferMatchTheTensorPath()
    {
        torch::NoGradGuard noGrad;
        Look look;
        look.environment = QStringLiteral("gym"), look.indoor = true;
        const int h = 96, w = 160;
        const Tensor sx = (((torch::arange(w) + 0.5) / w * 2 - 1) * (double(w) / h)).reshape({1, w, 1});
        const Tensor sy = (1 - (torch::arange(h) + 0.5) / h * 2).reshape({h, 1, 1});
        CameraPose pose;
        pose.eye = {0.0, 1.5, 6.0}, pose.target = {0.0, 1.2, -3.0}, pose.fovYDeg = 50;
        const SetView set = viewSet(look, pose.eye, CameraPath::basis(pose), std::tan(25 * M_PI / 180), sx, sy);
        GBuffer base;
        base.height = h, base.width = w, base.imageHeight = h, base.imageWidth = w, base.eye = pose.eye;
        base.dir = set.dirs.reshape({-1, 3}), base.kind = set.kind, base.depth = set.depth;
        base.id = torch::full_like(set.kind, -1), base.position = set.position, base.normal = set.normal;
        base.local = torch::zeros_like(base.dir);
        const Tensor kindBefore = base.kind.clone(), normalBefore = base.normal.clone();
        const PrimitiveTable table = makePrimitiveTable(randomScene(11, 40), torch::kCPU);
        const Hits hits = castPrimary(table, torch::tensor({0.0f, 1.5f, 6.0f}), set.dirs);
        const Tensor mask = (hits.id >= 0) & (hits.t < set.nearest);
        const Tensor rows = torch::arange(table.count) * 3 + 1; // a subset's rows in a bigger table
        GBuffer a = base, b = base;
        Tensor originsA = set.origins, validA = set.shadowed, originsB = set.origins, validB = set.shadowed;
        writeHits(a, originsA, validA, look, table, hits, mask, rows, KernelPath::Auto);
        writeHits(b, originsB, validB, look, table, hits, mask, rows, KernelPath::Tensors);
        QVERIFY(mask.sum().item<std::int64_t>() > h * w / 10);
        QVERIFY(torch::equal(base.kind, kindBefore) && torch::equal(base.normal, normalBefore)); // the set is untouched
        QVERIFY(torch::equal(a.kind, b.kind));
        QCOMPARE((a.kind == 2).sum().item<std::int64_t>(), mask.sum().item<std::int64_t>());
        QVERIFY(torch::equal(a.id, b.id));
        QVERIFY(torch::equal(a.id.masked_select(mask), rows.index_select(0, hits.id.masked_select(mask))));
        QVERIFY(torch::equal(a.depth, b.depth));
        for (const auto &[name, x, y] : std::vector<std::tuple<const char *, Tensor, Tensor>>{
                 {"position", a.position, b.position}, {"normal", a.normal, b.normal}, {"local", a.local, b.local},
                 {"origins", originsA, originsB}})
            QVERIFY2(torch::allclose(x, y, 1e-5, 1e-5), qPrintable(QStringLiteral("%1 differ by up to %2")
                                                                        .arg(QLatin1String(name))
                                                                        .arg((x - y).abs().max().item<double>())));
        // Normals are unit length and face the camera on the hits.
        const Tensor n = a.normal.index_select(0, mask.nonzero().squeeze(1));
        QVERIFY(((dot3(n, n) - 1).abs() < 1e-4).all().item<bool>());
        QVERIFY((dot3(n, a.dir.index_select(0, mask.nonzero().squeeze(1))) < 1e-3).all().item<bool>());
        const std::int64_t facing = (validA != validB).sum().item<std::int64_t>();
        QVERIFY2(facing <= h * w / 2000, qPrintable(QStringLiteral("%1 pixels face the light differently").arg(facing)));
    }

    void rainAndSnowMatchTheTensorPath_data()
    {
        QTest::addColumn<double>("rain");
        QTest::addColumn<double>("snow");
        QTest::newRow("rain") << 1.0 << 0.0;
        QTest::newRow("snow") << 0.0 << 1.0;
    }

    void rainAndSnowMatchTheTensorPath()
    {
        QFETCH(double, rain);
        QFETCH(double, snow);
        torch::NoGradGuard noGrad;
        Look look;
        look.rain = rain, look.snow = snow, look.seed = 1210;
        GBuffer g;
        g.height = 128, g.width = 224;
        const std::int64_t m = std::int64_t(g.height) * g.width;
        const Tensor color = torch::rand({m, 3}, torch::TensorOptions().dtype(torch::kFloat32)) * 0.3;
        for (const int frame : {0, 17}) {
            const Tensor loops = applyWeather(look, color, g, frame, KernelPath::Auto);
            const Tensor tensors = applyWeather(look, color, g, frame, KernelPath::Tensors);
            const std::int64_t touched = ((tensors - color).abs() > 1e-3).any(1).sum().item<std::int64_t>();
            QVERIFY2(touched > m / 100, qPrintable(QStringLiteral("only %1 pixels of weather").arg(touched)));
            // A streak's or a flake's edge may fall the other way on a rounding.
            const std::int64_t off = ((loops - tensors).abs() > 1e-4).any(1).sum().item<std::int64_t>();
            QVERIFY2(off <= m / 1000, qPrintable(QStringLiteral("%1 of %2 pixels differ").arg(off).arg(m)));
        }
    }

    void shadowMapAndBytesMatchTheTensorPath()
    {
        torch::NoGradGuard noGrad;
        torch::manual_seed(21);
        const PrimitiveTable casters = makePrimitiveTable(randomScene(8, 25), torch::kCPU);
        const Vec3 toLight{0.39, 0.85, 0.35};
        const ShadowMap map = makeShadowMap(casters, toLight);
        QVERIFY(map.size >= kTile);
        const std::int64_t k = 50000;
        const Tensor origins = torch::rand({k, 3}) * torch::tensor({10.0f, 0.01f, 10.0f}) - torch::tensor({5.0f, 0.0f, 7.0f});
        const Tensor valid = torch::rand({k}) > 0.2;
        const Tensor loops = shadowMapBlocked(map, origins, valid, KernelPath::Auto);
        const Tensor tensors = shadowMapBlocked(map, origins, valid, KernelPath::Tensors);
        QVERIFY(tensors.sum().item<std::int64_t>() > k / 50); // some points lie in shadow
        QVERIFY(torch::equal(loops, tensors));

        const Tensor display = torch::rand({3, 48, 80});
        const Tensor bytes = interleavedBytes(display, 45, 70, KernelPath::Auto);
        QCOMPARE(bytes.sizes().vec(), (std::vector<std::int64_t>{45, 70, 3}));
        QVERIFY(torch::equal(bytes, interleavedBytes(display, 45, 70, KernelPath::Tensors)));
        QCOMPARE(int(bytes[10][20][1].item<std::uint8_t>()), int(std::lround(display[1][10][20].item<float>() * 255)));
    }

    void noiseIsBitIdenticalToTheTensorPath()
    {
        torch::NoGradGuard noGrad;
        // Coordinates either side of zero, fine steps and far out, with a broadcast row.
        const Tensor x = torch::linspace(-700.25, 900.75, 60011).reshape({1, -1});
        const Tensor y = (torch::arange(7) * 37.3 - 101).reshape({7, 1});
        const Tensor xx = x.expand({7, -1}) * 1.37, yy = y.expand({7, 60011});
        for (const std::int64_t salt : {std::int64_t(11), std::int64_t(977) * 1207 + 3}) {
            const Tensor loops = valueNoise(xx, yy, salt, KernelPath::Auto);
            const Tensor tensors = valueNoise(xx, yy, salt, KernelPath::Tensors);
            QCOMPARE(loops.sizes().vec(), tensors.sizes().vec());
            QVERIFY(torch::equal(loops, tensors));
            QVERIFY(loops.min().item<float>() >= 0 && loops.max().item<float>() < 1);
            QVERIFY(loops.std().item<float>() > 0.1); // noise, not a constant
            const Tensor ix = (xx * 50).floor().to(torch::kInt32), iy = y.to(torch::kInt32);
            const Tensor hashes = hashNoise(ix, iy, salt, KernelPath::Auto);
            QCOMPARE(hashes.sizes().vec(), (std::vector<std::int64_t>{7, 60011}));
            QVERIFY(torch::equal(hashes, hashNoise(ix, iy, salt, KernelPath::Tensors)));
            QVERIFY(hashes.std().item<float>() > 0.25); // uniform in [0,1): about 0.29
        }
    }
};

QTEST_GUILESS_MAIN(TestRenderKernels)
#include "tst_render_kernels.moc"
