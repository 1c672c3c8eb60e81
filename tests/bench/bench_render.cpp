// bench_render: renders a gym scene (~40 primitives: three walking figures, a bouncing ball, a hoop,
// benches) and prints frames/s, render seconds per output second, matmul GFLOP/s and threads.
// BENCH_WEATHER, BENCH_TIME and BENCH_CAMERA vary the plan for looking at other looks (--dump, with
// --dump-frame N). Also prints process CPU time, steadier than wall time on a shared machine.
#include "engine/render/renderer.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <sys/resource.h>
#include <cmath>
#include <cstdio>

using namespace kinora::engine;

namespace {

Primitive prim(Primitive::Shape shape, Vec3 centre, Vec3 size, Vec3 color, int entity,
               Primitive::Part part = Primitive::Part::Body, Quat q = {})
{
    Primitive p;
    p.shape = shape, p.center = centre, p.size = size, p.color = color, p.entity = entity, p.part = part;
    p.orientation = q;
    p.material = QStringLiteral("fabric");
    return p;
}

Quat aroundX(double a) { return {std::cos(a / 2), std::sin(a / 2), 0, 0}; }

// A figure of 12 primitives walking along x; limbs swing with the gait phase.
void addFigure(QList<Primitive> &out, int entity, Vec3 base, double phase, Vec3 shirt, double mouth)
{
    using S = Primitive::Shape;
    const double swing = 0.5 * std::sin(phase);
    const Vec3 skin{0.85, 0.65, 0.5}, trousers{0.15, 0.17, 0.3};
    auto at = [&](double x, double y, double z) { return Vec3{base.x + x, base.y + y, base.z + z}; };
    out << prim(S::Capsule, at(0, 1.2, 0), {0.17, 0.2, 0}, shirt, entity);
    out << prim(S::Box, at(0, 0.92, 0), {0.17, 0.08, 0.1}, trousers, entity);
    Primitive head = prim(S::Sphere, at(0, 1.63, 0), {0.13, 0, 0}, skin, entity, Primitive::Part::Head);
    head.mouthOpen = mouth;
    out << head;
    out << prim(S::Sphere, at(0, 1.7, -0.02), {0.12, 0, 0}, {0.2, 0.12, 0.07}, entity, Primitive::Part::Detail);
    for (int side : {-1, 1}) {
        const double a = swing * side;
        out << prim(S::Capsule, at(0.1 * side, 0.65, 0.12 * std::sin(a)), {0.065, 0.18, 0}, trousers, entity, Primitive::Part::Limb, aroundX(a));
        out << prim(S::Capsule, at(0.1 * side, 0.25, 0.22 * std::sin(a)), {0.055, 0.18, 0}, trousers, entity, Primitive::Part::Limb, aroundX(a * 0.5));
        out << prim(S::Capsule, at(0.24 * side, 1.2, -0.1 * std::sin(a)), {0.05, 0.16, 0}, shirt, entity, Primitive::Part::Limb, aroundX(-a));
        out << prim(S::Capsule, at(0.24 * side, 0.88, -0.18 * std::sin(a)), {0.045, 0.14, 0}, skin, entity, Primitive::Part::Limb, aroundX(-a * 1.4));
    }
}

ScenePlan gymPlan(int width, int height, int frames, const QString &style, const QString &environment)
{
    ScenePlan plan;
    plan.weather = qEnvironmentVariable("BENCH_WEATHER", QStringLiteral("clear"));
    plan.timeOfDay = qEnvironmentVariable("BENCH_TIME", QStringLiteral("day"));
    plan.camera.move = qEnvironmentVariable("BENCH_CAMERA", QStringLiteral("static"));
    plan.environment = environment;
    plan.style = style;
    plan.width = width, plan.height = height, plan.fps = 24;
    plan.durationSeconds = frames / 24.0;
    plan.camera.framing = QStringLiteral("wide");
    for (int i = 0; i < 3; ++i) {
        PlanEntity e;
        e.id = QStringLiteral("person-%1").arg(i + 1);
        e.size = {0.5, 1.75, 0.3};
        plan.entities << e;
    }
    PlanEntity ball;
    ball.id = QStringLiteral("ball-1");
    ball.size = {0.24, 0.24, 0.24};
    plan.entities << ball;
    return plan;
}

WorldTrack gymTrack(int frames)
{
    using S = Primitive::Shape;
    WorldTrack track;
    for (int f = 0; f < frames; ++f) {
        WorldFrame frame;
        const double t = f / 24.0;
        const Vec3 shirts[3] = {{0.8, 0.15, 0.1}, {0.1, 0.4, 0.8}, {0.9, 0.75, 0.1}};
        for (int i = 0; i < 3; ++i) {
            const Vec3 base{-2.0 + 2.0 * i + 0.6 * t * (i - 1), 0, -0.5 * i};
            addFigure(frame.primitives, i, base, t * 7 + i, shirts[i], i == 1 ? 0.5 + 0.5 * std::sin(t * 12) : 0);
            frame.entityPositions << base;
        }
        const double bounce = std::abs(std::sin(t * 4)) * 1.6;
        const Vec3 ball{1.0, 0.12 + bounce, 0.8};
        frame.primitives << prim(S::Sphere, ball, {0.12, 0, 0}, {0.85, 0.4, 0.1}, 3);
        frame.entityPositions << Vec3{ball.x, ball.y - 0.12, ball.z};
        frame.primitives << prim(S::Cylinder, {4.5, 1.6, -3}, {0.06, 1.6, 0}, {0.4, 0.4, 0.42}, -1);
        frame.primitives << prim(S::Box, {4.2, 3.3, -3}, {0.05, 0.5, 0.9}, {0.95, 0.95, 0.95}, -1);
        frame.primitives << prim(S::Cylinder, {3.9, 3.05, -3}, {0.23, 0.01, 0}, {0.9, 0.3, 0.05}, -1);
        frame.primitives << prim(S::Box, {-4, 0.23, -4}, {1.5, 0.05, 0.2}, {0.55, 0.35, 0.2}, -1);
        frame.primitives << prim(S::Box, {-4, 0.1, -4}, {1.4, 0.1, 0.05}, {0.2, 0.2, 0.2}, -1);
        track.frames << frame;
    }
    return track;
}

// Process CPU time (user + system): steadier than wall time on a machine shared with builds.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    kinora::engine::Renderer::tuneAllocatorForRendering();
    QCoreApplication app(argc, argv);
    int frames = 48, width = 854, height = 480, threads = 0, blur = 1, dumpFrame = 0, repeat = 1;
    QString style = QStringLiteral("cinematic"), environment = QStringLiteral("gym"), dump;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString &key = args.at(i), &value = args.at(i + 1);
        if (key == QLatin1String("--frames")) frames = value.toInt();
        else if (key == QLatin1String("--width")) width = value.toInt();
        else if (key == QLatin1String("--height")) height = value.toInt();
        else if (key == QLatin1String("--threads")) threads = value.toInt();
        else if (key == QLatin1String("--blur")) blur = value.toInt();
        else if (key == QLatin1String("--style")) style = value;
        else if (key == QLatin1String("--env")) environment = value;
        else if (key == QLatin1String("--dump")) dump = value; // writes one frame as a PPM
        else if (key == QLatin1String("--dump-frame")) dumpFrame = value.toInt(); // which one (0)
        else if (key == QLatin1String("--repeat")) repeat = std::max(1, value.toInt()); // same bytes each time?
        else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(key));
            return 2;
        }
    }
    const ScenePlan plan = gymPlan(width, height, frames, style, environment);
    const WorldTrack track = gymTrack(frames);
    RenderOptions options;
    options.threads = threads;
    options.motionBlurSamples = blur;
    Renderer renderer(options);
    // Each repeat renders the shot again in this process (warm allocator, new threads): all must
    // give the same bytes. The figures printed are the last run's.
    std::uint64_t checksum = 0, firstChecksum = 0;
    double seconds = 0, cpu = 0;
    kinora::core::Status status = kinora::core::Status::success();
    for (int run = 0; run < repeat && status.ok(); ++run) {
    checksum = 0xcbf29ce484222325ull;
    const auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = cpuSeconds();
    status = renderer.render(plan, track, [&](int frame, const std::uint8_t *rgb, int stride) {
        for (int y = 0; y < height; ++y) // FNV-1a over every byte: any change shows
            for (int x = 0; x < width * 3; ++x)
                checksum = (checksum ^ rgb[y * stride + x]) * 0x100000001b3ull;
        if (frame == dumpFrame && !dump.isEmpty()) {
            QFile file(dump);
            if (file.open(QIODevice::WriteOnly)) {
                file.write(QStringLiteral("P6\n%1 %2\n255\n").arg(width).arg(height).toLatin1());
                for (int y = 0; y < height; ++y)
                    file.write(reinterpret_cast<const char *>(rgb + y * stride), width * 3);
            }
        }
        return kinora::core::Status::success();
    });
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cpu = cpuSeconds() - cpu0;
    if (run == 0)
        firstChecksum = checksum;
    else if (checksum != firstChecksum)
        std::printf("repeat %d: checksum %016llx differs from the first run's\n", run, static_cast<unsigned long long>(checksum));
    }
    if (!status.ok()) {
        std::fprintf(stderr, "render failed: %s\n", qPrintable(status.error().toString()));
        return 1;
    }
    int primitives = track.frames.first().primitives.size();
    std::printf("scene: %s/%s, %d primitives, %d frames at %dx%d, motion blur samples %d\n", qPrintable(environment),
                qPrintable(style), primitives, frames, width, height, blur);
    std::printf("render: %.3f s total, %.1f ms/frame, %.2f frames/s\n", seconds, 1000 * seconds / frames, frames / seconds);
    std::printf("cpu: %.1f ms/frame (all threads)\n", 1000 * cpu / frames);
    std::printf("render seconds per output second at 24 fps: %.2f\n", seconds / (frames / 24.0));
    std::printf("torch threads: %d; matmul 1024x1024 float: %.1f GFLOP/s\n", Renderer::threadCount(), Renderer::matmulGflops());
    std::printf("device: %s\n", qPrintable(Renderer::deviceDescription()));
    std::printf("checksum: %016llx\n", static_cast<unsigned long long>(checksum));
    return checksum == firstChecksum ? 0 : 3;
}
