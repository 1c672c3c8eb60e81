// Renderer: the per-frame driver. Casts camera rays, builds the G-buffer (hits, normals, shadows),
// shades, blends motion-blur samples, applies the style and hands 8-bit RGB rows to the sink.
#include "engine/render/renderer.h"

#include "engine/render/renderkernels.h"

#include <QFile>
#include <QLoggingCategory>
#include <QObject>

#include <chrono>
#include <cmath>
#include <thread>

Q_LOGGING_CATEGORY(lcRender, "kinora.render")

namespace kinora::engine {

using namespace render;

namespace {

Tensor vec(const Vec3 &v, const torch::TensorOptions &o)
{
    return torch::tensor({float(v.x), float(v.y), float(v.z)}, o);
}

bool openBlasLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("openblas");
}

/// Pixel-centre offsets on the image plane at unit distance, for the visible width and height.
struct Raster
{
    Tensor sx, sy; ///< [H,W,1] padded to tile multiples
};

/// Optional per-stage timing (KINORA_RENDER_PROFILE=1), summed over a render and logged at the end.
struct StageClock
{
    bool enabled = qEnvironmentVariableIntValue("KINORA_RENDER_PROFILE") != 0;
    double seconds[6] = {};
    std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
    void mark(int stage)
    {
        if (!enabled)
            return;
        const auto now = std::chrono::steady_clock::now();
        seconds[stage] += std::chrono::duration<double>(now - last).count();
        last = now;
    }
};

GBuffer buildGBuffer(const Look &look, const CameraPose &pose, const PrimitiveTable &table, const Raster &raster,
                     int width, int height, StageClock &clock)
{
    clock.mark(5);
    const auto o = raster.sx.options();
    const CameraBasis b = CameraPath::basis(pose);
    GBuffer g;
    g.height = int(raster.sx.size(0)), g.width = int(raster.sx.size(1));
    g.imageHeight = height, g.imageWidth = width;
    g.eye = pose.eye;
    const double tanHalf = std::tan(pose.fovYDeg * M_PI / 360);
    Tensor dirs = vec(b.forward, o) + raster.sx * tanHalf * vec(b.right, o) + raster.sy * tanHalf * vec(b.up, o);
    dirs = dirs / dirs.norm(2, 2, true);
    const Tensor eye = vec(pose.eye, o);
    const Hits hits = castPrimary(table, eye, dirs);
    clock.mark(0);

    g.dir = dirs.reshape({-1, 3});
    const Tensor inf = torch::full_like(hits.t, std::numeric_limits<float>::infinity());
    const Tensor wall = backdropDistance(look, pose.eye, g.dir);
    Tensor ground = inf;
    if (look.hasGround && pose.eye.y > 0) {
        const Tensor dy = g.dir.select(1, 1);
        ground = torch::where(dy < -1e-6, -pose.eye.y / dy.clamp_max(-1e-6), inf);
        ground = torch::where(ground < 400, ground, inf);
    }
    const Tensor isPrim = (hits.id >= 0) & (hits.t <= ground) & (hits.t <= wall);
    const Tensor isGround = (~isPrim) & (ground < wall) & torch::isfinite(ground);
    g.kind = torch::where(isPrim, torch::full_like(hits.id, 2), torch::where(isGround, torch::ones_like(hits.id), torch::zeros_like(hits.id)));
    g.depth = torch::where(isPrim, hits.t, torch::where(isGround, ground, torch::where(torch::isfinite(wall), wall, torch::full_like(wall, 1e4))));
    g.id = torch::where(isPrim, hits.id, torch::full_like(hits.id, -1));
    g.position = eye + g.dir * g.depth.unsqueeze(1);

    clock.mark(5);
    // Normals and local coordinates only where a primitive was hit (a small share of the frame).
    const Tensor up = torch::tensor({0.0f, 1.0f, 0.0f}, o).expand_as(g.dir);
    g.normal = torch::where(isGround.unsqueeze(1), up, -g.dir);
    g.local = torch::zeros_like(g.dir);
    const Tensor primPixels = isPrim.nonzero().squeeze(1);
    if (primPixels.numel() > 0) {
        const Surface surface = surfaceAt(table, g.position.index_select(0, primPixels), g.id.index_select(0, primPixels));
        g.normal.index_copy_(0, primPixels, surface.normal);
        g.local.index_copy_(0, primPixels, surface.local);
    }
    clock.mark(1);
    const Tensor lift = 1e-3 + g.depth.unsqueeze(1) * 2e-4;
    const Tensor origins = g.position + g.normal * lift;
    const Tensor facing = (g.normal * vec(look.toLight, o)).sum(1) > 0;
    const Tensor valid = (g.kind > 0) & facing;
    const Tensor blocked = castShadow(table, origins.reshape({g.height, g.width, 3}), valid.reshape({g.height, g.width}), look.toLight);
    g.lit = 1 - blocked.to(torch::kFloat32);
    clock.mark(2);
    return g;
}

} // namespace

struct Renderer::Impl
{
    RenderOptions options;
    torch::Device device{torch::kCPU};
    QString note;
};

Renderer::Renderer(RenderOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = options;
    const QString wanted = options.device.trimmed().toLower();
    if (wanted.startsWith(QLatin1String("cuda"))) {
        if (torch::cuda::is_available()) {
            m_impl->device = torch::Device(wanted.toStdString());
        } else {
            m_impl->note = QObject::tr("CUDA was requested, but this build of libtorch or this machine has no CUDA "
                                       "device; rendering on the CPU instead.");
            qCWarning(lcRender).noquote() << m_impl->note;
        }
    } else if (wanted != QLatin1String("cpu") && !wanted.isEmpty()) {
        m_impl->note = QObject::tr("Unknown render device \"%1\"; rendering on the CPU. Use \"cpu\" or \"cuda\".").arg(options.device);
        qCWarning(lcRender).noquote() << m_impl->note;
    }
}

Renderer::~Renderer() = default;

QString Renderer::device() const
{
    return QString::fromStdString(m_impl->device.str());
}

QString Renderer::deviceNote() const
{
    return m_impl->note;
}

QString Renderer::deviceDescription()
{
    const QString cuda = torch::cuda::is_available()
                             ? QStringLiteral("; CUDA devices: %1").arg(torch::cuda::device_count())
                             : QStringLiteral("; no CUDA");
    return QStringLiteral("CPU, %1 threads, libtorch %2.%3, BLAS %4%5")
        .arg(torch::get_num_threads())
        .arg(TORCH_VERSION_MAJOR)
        .arg(TORCH_VERSION_MINOR)
        .arg(openBlasLoaded() ? QStringLiteral("OpenBLAS") : QStringLiteral("reference (slow: install libopenblas0-pthread)"))
        .arg(cuda);
}

int Renderer::threadCount()
{
    return torch::get_num_threads();
}

double Renderer::matmulGflops(int size)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor a = torch::ones({size, size}), b = torch::full({size, size}, 0.5f);
    torch::Tensor c = torch::matmul(a, b); // warm-up: thread pool and BLAS buffers
    const int runs = 5;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < runs; ++i)
        c = torch::matmul(a, b);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return runs * 2.0 * double(size) * size * size / seconds / 1e9;
}

core::Status Renderer::render(const ScenePlan &plan, const WorldTrack &track, const FrameSink &sink,
                              const ProgressFn &progress)
{
    if (plan.width < 16 || plan.height < 16 || plan.width > 8192 || plan.height > 8192)
        return core::Error{QObject::tr("The frame size %1x%2 is out of range; use 16 to 8192 pixels per side.")
                               .arg(plan.width)
                               .arg(plan.height),
                           QStringLiteral("width")};
    if (track.frames.isEmpty())
        return core::Error{QObject::tr("There is nothing to render: the world track has no frames. Simulate the shot first."), {}};
    if (!sink)
        return core::Error{QObject::tr("No frame sink was given to the renderer."), {}};

    const int threads = m_impl->options.threads > 0 ? m_impl->options.threads
                                                    : int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    torch::NoGradGuard noGrad;
    torch::manual_seed(plan.seed); // nothing below draws from it; kept so future noise stays seeded

    const auto o = torch::TensorOptions().dtype(torch::kFloat32).device(m_impl->device);
    const int width = plan.width, height = plan.height;
    const int paddedW = (width + kTile - 1) / kTile * kTile, paddedH = (height + kTile - 1) / kTile * kTile;
    const double aspect = double(width) / height;
    Raster raster;
    raster.sx = (((torch::arange(paddedW, o) + 0.5) / width * 2 - 1) * aspect).reshape({1, paddedW, 1}).expand({paddedH, paddedW, 1});
    raster.sy = (1 - (torch::arange(paddedH, o) + 0.5) / height * 2).reshape({paddedH, 1, 1}).expand({paddedH, paddedW, 1});

    const Look look = makeLook(plan, track);
    const CameraPath path(plan, track);
    const int total = int(track.frames.size());
    const int samples = std::clamp(m_impl->options.motionBlurSamples, 1, 3);
    StageClock clock;
    for (int frame = 0; frame < total; ++frame) {
        if (progress && !progress(frame, total))
            return core::Error{QObject::tr("Rendering was cancelled at frame %1 of %2.").arg(frame).arg(total), {}};
        const QList<Primitive> &now = track.frames.at(frame).primitives;
        GBuffer first;
        Tensor linear;
        for (int s = 0; s < samples; ++s) {
            // A 180-degree shutter: sub-frames between this frame and halfway to the next.
            const bool hasNext = frame + 1 < total;
            const double u = hasNext ? 0.5 * s / samples : 0.0;
            const PrimitiveTable table = makePrimitiveTable(
                s == 0 || !hasNext ? now : blendPrimitives(now, track.frames.at(frame + 1).primitives, u), m_impl->device);
            const GBuffer g = buildGBuffer(look, path.at(frame + u), table, raster, width, height, clock);
            const Tensor shaded = shade(look, g, table, frame);
            clock.mark(3);
            linear = s == 0 ? shaded : linear + shaded;
            if (s == 0)
                first = g;
        }
        if (samples > 1)
            linear = linear / samples;
        const Tensor image = stylize(look, first, linear, frame);
        const Tensor bytes = (image.slice(0, 0, height).slice(1, 0, width) * 255 + 0.5)
                                 .floor()
                                 .clamp(0, 255)
                                 .to(torch::kUInt8)
                                 .to(torch::kCPU)
                                 .contiguous();
        clock.mark(4);
        const core::Status status = sink(frame, bytes.data_ptr<std::uint8_t>(), width * 3);
        if (!status.ok())
            return status;
    }
    if (clock.enabled) {
        qCInfo(lcRender, "ms/frame: primary %.1f, normals %.1f, shadows %.1f, shading %.1f, style+output %.1f, other %.1f",
               clock.seconds[0] * 1e3 / total, clock.seconds[1] * 1e3 / total, clock.seconds[2] * 1e3 / total,
               clock.seconds[3] * 1e3 / total, clock.seconds[4] * 1e3 / total, clock.seconds[5] * 1e3 / total);
    }
    if (progress)
        progress(total, total);
    return core::Status::success();
}

} // namespace kinora::engine
