// Renderer: the per-frame driver. Casts camera rays, builds the G-buffer (hits, normals, shadows),
// shades, blends motion-blur samples, applies the style and hands 8-bit RGB rows to the sink.
// Frames run side by side on the CPU, one thread each; a static camera's bare set is made once.
#include "engine/render/renderer.h"

#include "engine/render/framequeue.h"
#include "engine/render/renderkernels.h"

#include <QFile>
#include <QLoggingCategory>
#include <QObject>

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcRender, "kinora.render", QtInfoMsg) // debug lines only when asked for

namespace kinora::engine {

using namespace render;

namespace {

bool openBlasLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("openblas");
}

/// Frames rendered at once on the CPU; each holds a few hundred MB of intermediates at 1080p.
constexpr int kMaxFramesInFlight = 8;

/// Pixel-centre offsets on the image plane at unit distance, for the visible width and height.
struct Raster
{
    Tensor sx, sy; ///< [1,W,1] and [H,1,1], W and H padded to tile multiples
};

/// Optional per-stage timing (KINORA_RENDER_PROFILE=1), summed over a render and logged at the end.
struct StageClock
{
    bool enabled = qEnvironmentVariableIntValue("KINORA_RENDER_PROFILE") != 0;
    double seconds[7] = {};
    std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
    void restart() { last = std::chrono::steady_clock::now(); }
    void mark(int stage)
    {
        if (!enabled)
            return;
        const auto now = std::chrono::steady_clock::now();
        seconds[stage] += std::chrono::duration<double>(now - last).count();
        last = now;
    }
};

/// Everything about one camera pose that does not depend on the primitives: the rays and the
/// G-buffer of the bare set. A static camera computes it once per shot instead of every frame.
struct PoseCache
{
    CameraPose pose;
    bool valid = false;
    Tensor eye, dirs;     ///< [3], [H,W,3]
    Tensor nearest;       ///< [M] distance to the ground or a wall, +inf for none
    GBuffer empty;        ///< the frame without primitives (lit undefined)
    Tensor origins;       ///< [M,3] shadow-ray origins, lifted off the surface
    Tensor shadowed;      ///< [M] bool: ground facing the light, so it needs a shadow ray
    EnvironmentLayer environment; ///< only for a static camera, made before any frame starts
    Tensor styledLit, styledShadowed; ///< [M,3] uint8: the environment layer styled, when the style allows
    Tensor styledDifference;          ///< styledLit - styledShadowed (uint8, wrapping)
    /// [M] bool, only with a static layer: pixels of the set (unchanging primitives included) in
    /// the shadow of an unchanging primitive.
    Tensor staticBlocked;
};

/// The primitives of a shot split by whether they ever change (place, turn, size, mouth): with a
/// still camera the unchanging ones are cast, shaded and shadowed once, like the bare set.
struct StaticSplit
{
    Tensor staticRows, dynamicRows; ///< [S], [D] int64 rows of each frame's table
    PrimitiveTable staticTable;     ///< the unchanging rows (from frame 0)
    Tensor rowMoves;                ///< [S+D+1] bool per table row (the dummy row last: false)
};

bool samePose(const CameraPose &a, const CameraPose &b)
{
    return a.eye.x == b.eye.x && a.eye.y == b.eye.y && a.eye.z == b.eye.z && a.target.x == b.target.x
           && a.target.y == b.target.y && a.target.z == b.target.z && a.fovYDeg == b.fovYDeg && a.rollDeg == b.rollDeg;
}

// A primitive hit shows only clearly in front of the set's own ground and walls: a surface that
// lies on them (the stage set's wall boxes, whose faces coincide with the room's walls) would
// otherwise win or lose pixel by pixel on float rounding and speckle the wall.
Tensor inFrontOfSet(const Tensor &t, const Tensor &nearest)
{
    return t < nearest - (0.02 + 2e-4 * nearest.clamp_max(1e4));
}

// Shadow rays start a little off the surface (more far away, where float steps are coarser).
Tensor shadowOrigins(const Tensor &position, const Tensor &normal, const Tensor &depth)
{
    return position + normal * (1e-3 + depth.unsqueeze(1) * 2e-4);
}

} // namespace

namespace render {

SetView viewSet(const Look &look, const Vec3 &eye, const CameraBasis &b, double tanHalf, const Tensor &sx,
                const Tensor &sy, KernelPath path)
{
    if (path == KernelPath::Auto && sx.is_cpu())
        return viewSetLoops(look, eye, b, tanHalf, sx, sy);
    const auto o = sx.options();
    SetView v;
    // forward + x right (one row) + y up (one column): one whole-frame add, then normalised.
    v.dirs = normalized3((vec3(b.forward, o) + sx * tanHalf * vec3(b.right, o)) + sy * tanHalf * vec3(b.up, o));
    const Tensor dir = v.dirs.reshape({-1, 3});
    const Tensor inf = torch::full({dir.size(0)}, std::numeric_limits<float>::infinity(), o);
    const Tensor wall = backdropDistance(look, eye, dir);
    Tensor ground = inf;
    if (look.hasGround && eye.y > 0) {
        const Tensor dy = dir.select(1, 1);
        // A positive distance divided by 1 where the ray meets the ground within 400 m, by 0
        // (giving +inf) where it does not: exact, and far cheaper than torch::where.
        const Tensor t = -eye.y / dy.clamp_max(-1e-6);
        ground = t / ((dy < -1e-6) & (t < 400)).to(torch::kFloat32);
    }
    v.nearest = torch::minimum(ground, wall);
    const Tensor isGround = (ground < wall) & torch::isfinite(ground);
    v.kind = isGround.to(torch::kInt64);
    // The ground where it is nearer, else the wall, else 1e4 for the sky (walls are far nearer).
    v.depth = torch::minimum(ground, wall.clamp_max(1e4));
    v.position = vec3(eye, o) + dir * v.depth.unsqueeze(1);
    const Tensor up = torch::tensor({0.0f, 1.0f, 0.0f}, o).expand_as(dir);
    // Blends, not torch::where: on the CPU a where over a frame costs ten multiply-adds.
    v.normal = torch::addcmul(-dir, up + dir, isGround.to(torch::kFloat32).unsqueeze(1));
    v.origins = shadowOrigins(v.position, v.normal, v.depth);
    v.shadowed = isGround & (dot3(v.normal, vec3(look.toLight, o)) > 0);
    return v;
}

void writeHits(GBuffer &g, Tensor &origins, Tensor &valid, const Look &look, const PrimitiveTable &table,
               const Hits &hits, const Tensor &mask, const Tensor &rows, KernelPath path)
{
    if (path == KernelPath::Auto && mask.is_cpu())
        return writeHitsLoops(g, origins, valid, look, table, hits, mask, rows);
    const Tensor pixels = mask.nonzero().squeeze(1);
    if (pixels.numel() == 0)
        return;
    const Tensor id = hits.id.index_select(0, pixels);
    const Tensor depth = hits.t.index_select(0, pixels);
    const Tensor position = vec3(g.eye, g.dir.options()) + g.dir.index_select(0, pixels) * depth.unsqueeze(1);
    const Surface surface = surfaceAt(table, position, id);
    g.kind = g.kind.index_fill(0, pixels, 2);
    g.depth = g.depth.index_copy(0, pixels, depth);
    g.id = g.id.index_copy(0, pixels, rows.defined() ? rows.index_select(0, id) : id);
    g.position = g.position.index_copy(0, pixels, position);
    g.normal = g.normal.index_copy(0, pixels, surface.normal);
    g.local = g.local.index_copy(0, pixels, surface.local);
    origins = origins.index_copy(0, pixels, shadowOrigins(position, surface.normal, depth));
    valid = valid.index_copy(0, pixels, dot3(surface.normal, vec3(look.toLight, g.dir.options())) > 0);
}

} // namespace render

namespace {

void preparePose(PoseCache &c, const Look &look, const CameraPose &pose, const Raster &raster, int width, int height)
{
    if (c.valid && samePose(c.pose, pose))
        return;
    c = PoseCache{};
    c.pose = pose, c.valid = true;
    GBuffer &g = c.empty;
    g.height = int(raster.sy.size(0)), g.width = int(raster.sx.size(1));
    g.imageHeight = height, g.imageWidth = width;
    g.eye = pose.eye;
    SetView v = viewSet(look, pose.eye, CameraPath::basis(pose), std::tan(pose.fovYDeg * M_PI / 360), raster.sx, raster.sy);
    c.dirs = v.dirs;
    c.eye = vec3(pose.eye, raster.sx.options());
    g.dir = v.dirs.reshape({-1, 3});
    c.nearest = v.nearest;
    g.kind = v.kind;
    g.depth = v.depth;
    g.id = torch::full_like(g.kind, -1);
    g.position = v.position;
    g.normal = v.normal;
    g.local = torch::zeros_like(g.dir);
    c.origins = v.origins;
    c.shadowed = v.shadowed;
}

// Puts the unchanging primitives into a still camera's cached set: their hits, normals and the
// shadows they cast on the set are computed once per shot instead of every frame.
void addStaticLayer(PoseCache &c, const Look &look, const StaticSplit &split)
{
    GBuffer &g = c.empty;
    const Hits hits = castPrimary(split.staticTable, c.eye, c.dirs);
    const Tensor isPrim = (hits.id >= 0) & inFrontOfSet(hits.t, c.nearest);
    writeHits(g, c.origins, c.shadowed, look, split.staticTable, hits, isPrim, split.staticRows);
    c.nearest = torch::where(isPrim, hits.t, c.nearest);
    c.staticBlocked = castShadow(split.staticTable, c.origins.reshape({g.height, g.width, 3}),
                                 c.shadowed.reshape({g.height, g.width}), look.toLight);
}

// A still camera's frame over its cached set: only the changing primitives are cast and shadowed;
// the set's pixels keep their shadows from the unchanging primitives.
GBuffer buildOverStaticLayer(const Look &look, const PoseCache &c, const StaticSplit &split, const PrimitiveTable &table,
                             StageClock &clock)
{
    clock.mark(5);
    GBuffer g = c.empty;
    const bool anyMoving = split.dynamicRows.size(0) > 0;
    const PrimitiveTable moving = subsetTable(table, split.dynamicRows);
    Tensor origins = c.origins, valid = c.shadowed;
    Tensor isDyn = torch::zeros_like(c.shadowed);
    if (anyMoving) {
        const Hits hits = castPrimary(moving, c.eye, c.dirs);
        clock.mark(0);
        isDyn = (hits.id >= 0) & inFrontOfSet(hits.t, c.nearest);
        writeHits(g, origins, valid, look, moving, hits, isDyn, split.dynamicRows);
    }
    g.changed = isDyn;
    clock.mark(1);
    const Tensor origins3 = origins.reshape({g.height, g.width, 3});
    // Set pixels: the cached shadows of the unchanging primitives; moving pixels: cast against them.
    Tensor blocked = c.staticBlocked;
    if (anyMoving) {
        blocked = torch::where(isDyn, castShadow(split.staticTable, origins3, (valid & isDyn).reshape({g.height, g.width}), look.toLight),
                               blocked);
        blocked = blocked | castShadow(moving, origins3, valid.reshape({g.height, g.width}), look.toLight);
    }
    g.lit = 1 - blocked.to(torch::kFloat32);
    clock.mark(2);
    return g;
}

// The frame's G-buffer: the pose's bare set with the primitives' hits, normals and shadows on top.
// With @p map, only the primitives @p moving (rows of @p table) cast shadow rays; the shot's
// unchanging ones are looked up in the map.
GBuffer buildGBuffer(const Look &look, const PoseCache &c, const PrimitiveTable &table, const ShadowMap *map,
                     const Tensor &moving, StageClock &clock)
{
    clock.mark(5);
    const Hits hits = castPrimary(table, c.eye, c.dirs);
    clock.mark(0);
    GBuffer g = c.empty;
    Tensor origins = c.origins, valid = c.shadowed;
    writeHits(g, origins, valid, look, table, hits, (hits.id >= 0) & inFrontOfSet(hits.t, c.nearest), {});
    clock.mark(1);
    const PrimitiveTable &casters = map ? subsetTable(table, moving) : table;
    Tensor blocked = castShadow(casters, origins.reshape({g.height, g.width, 3}), valid.reshape({g.height, g.width}), look.toLight);
    if (map)
        blocked = blocked | shadowMapBlocked(*map, origins, valid);
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

void Renderer::tuneAllocatorForRendering()
{
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // glibc's largest: tensors up to 32 MB reuse heap memory
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
    mallopt(M_TOP_PAD, 64 * 1024 * 1024);
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


namespace {

/// What every frame of one render() shares; read-only once the workers start.
struct Shot
{
    Look look;
    CameraPath path;
    Raster raster;
    const WorldTrack *track = nullptr;
    torch::Device device{torch::kCPU};
    int width = 0, height = 0, samples = 1;
    bool blur = false; ///< the motion-blur post pass (one sample per frame only)
    /// The bare set of a camera that never moves, shaded (and styled) before any frame starts;
    /// null for a moving camera. Frames only read it, so they may share it across threads.
    std::shared_ptr<const PoseCache> still;
    /// With a still camera: the unchanging primitives, already in still's set; null otherwise.
    std::shared_ptr<const StaticSplit> split;
    /// [rows+1] bool: which primitives move during the shot (what motion blur smears); undefined
    /// when the frames do not list the same primitives (then all of them may).
    Tensor rowMoves;
    /// With a moving camera: the unchanging primitives' shadows, and the rows that still cast rays.
    std::shared_ptr<const ShadowMap> shadowMap;
    Tensor movingRows;
};

// The rows of the shot's primitive tables that are identical on every frame, split from the others;
// null when the frames do not list the same primitives (then every primitive is cast per frame).
std::shared_ptr<StaticSplit> splitUnchanging(const WorldTrack &track, const torch::Device &device)
{
    auto renderable = [](const QList<Primitive> &all) {
        QList<const Primitive *> out;
        for (const Primitive &p : all)
            if (isRenderable(p))
                out.append(&p);
        return out;
    };
    const QList<const Primitive *> first = renderable(track.frames.first().primitives);
    std::vector<bool> same(std::size_t(first.size()), true);
    for (const auto &frame : track.frames) {
        const QList<const Primitive *> now = renderable(frame.primitives);
        if (now.size() != first.size())
            return nullptr;
        for (int i = 0; i < now.size(); ++i) {
            const Primitive &a = *first[i], &b = *now[i];
            if (a.shape != b.shape || a.entity != b.entity)
                return nullptr;
            const bool still = a.center.x == b.center.x && a.center.y == b.center.y && a.center.z == b.center.z
                               && a.orientation.w == b.orientation.w && a.orientation.x == b.orientation.x
                               && a.orientation.y == b.orientation.y && a.orientation.z == b.orientation.z
                               && a.size.x == b.size.x && a.size.y == b.size.y && a.size.z == b.size.z
                               && a.mouthOpen == b.mouthOpen && a.color.x == b.color.x && a.color.y == b.color.y
                               && a.color.z == b.color.z;
            same[std::size_t(i)] = same[std::size_t(i)] && still;
        }
    }
    std::vector<std::int64_t> unchanging, changing;
    for (std::size_t i = 0; i < same.size(); ++i)
        (same[i] ? unchanging : changing).push_back(std::int64_t(i));
    auto rows = [&](const std::vector<std::int64_t> &v) {
        return torch::tensor(v, torch::TensorOptions().dtype(torch::kInt64)).reshape({std::int64_t(v.size())}).to(device);
    };
    auto split = std::make_shared<StaticSplit>();
    split->staticRows = rows(unchanging);
    split->dynamicRows = rows(changing);
    split->staticTable = subsetTable(makePrimitiveTable(track.frames.first().primitives, device), split->staticRows);
    std::vector<std::uint8_t> moves(same.size() + 1, 0);
    for (std::size_t i = 0; i < same.size(); ++i)
        moves[i] = same[i] ? 0 : 1;
    split->rowMoves = torch::tensor(moves, torch::TensorOptions().dtype(torch::kUInt8)).to(torch::kBool).to(device);
    return split;
}

// A static camera with a pointwise style, no motion blur and no rain or snow: the environment
// is styled once (lit and in shadow) and a frame styles only its primitives' pixels.
bool canStyleOnce(const Look &look, int samples, const PoseCache &cache)
{
    return cache.environment.lit.defined() && samples == 1 && styleIsPointwise(look) && !hasWeather(look);
}

// The environment layer of @p cache styled as 8-bit RGB (the style is pointwise and the same on
// every frame, so frame 0 stands for all).
void styleEnvironment(const Look &look, PoseCache &cache)
{
    auto styled = [&](const Tensor &linear) {
        return toBytes(stylize(look, cache.empty, linear, 0)).permute({1, 2, 0}).reshape({-1, 3}).contiguous();
    };
    cache.styledLit = styled(cache.environment.lit);
    cache.styledShadowed = styled(cache.environment.shadowed);
    cache.styledDifference = cache.styledLit - cache.styledShadowed;
}

// The primitives half-way to the next frame (the end of a 180-degree shutter); the last frame
// carries on as it moved from the frame before.
PrimitiveTable shutterEnd(const Shot &shot, int frame)
{
    const auto &frames = shot.track->frames;
    const QList<Primitive> &now = frames.at(frame).primitives;
    if (frame + 1 < frames.size())
        return makePrimitiveTable(blendPrimitives(now, frames.at(frame + 1).primitives, 0.5), shot.device);
    if (frame > 0)
        return makePrimitiveTable(blendPrimitives(frames.at(frame - 1).primitives, now, 1.5), shot.device);
    return makePrimitiveTable(now, shot.device);
}

// Screen motion [M,2] over the shutter of the pixels showing things that move in the world (with
// the camera's own move); the set and everything standing still stay sharp, so a frame pays for
// the blur only around moving things (a pan does not smear the whole frame).
Tensor frameMotion(const Shot &shot, int frame, const GBuffer &g)
{
    Tensor motion = torch::zeros({g.dir.size(0), 2}, g.dir.options());
    Tensor moves = g.kind == 2;
    if (shot.rowMoves.defined())
        moves = moves & shot.rowMoves.index_select(0, torch::where(g.id >= 0, g.id, torch::full_like(g.id, shot.rowMoves.size(0) - 1)));
    const Tensor pixels = moves.nonzero().squeeze(1);
    if (pixels.numel() > 0)
        motion.index_copy_(0, pixels, screenMotion(g, pixels, shutterEnd(shot, frame), shot.path.at(frame), shot.path.at(frame + 0.5)));
    return motion;
}

// Motion-blurs linear RGB [M,3] in place; returns the sorted pixels it changed (maybe none).
Tensor applyMotionBlur(const Shot &shot, int frame, const GBuffer &g, Tensor &linear)
{
    Tensor pixels;
    const Tensor blurred = blurPixels(g, linear, frameMotion(shot, frame, g), &pixels);
    if (pixels.numel() > 0)
        linear.index_copy_(0, pixels, blurred);
    return pixels;
}

Tensor renderStyledOnce(const Shot &shot, int frame, const PoseCache &cache, const GBuffer &g,
                        const PrimitiveTable &table, StageClock &clock)
{
    Tensor sel = directPixels(g, cache.environment);
    // lit or shadowed bytes: uint8 arithmetic wraps, so shadowed + (lit - shadowed) * 1 is exact.
    Tensor bytes = cache.styledShadowed + cache.styledDifference * g.lit.to(torch::kUInt8).unsqueeze(1); // lit is 0 or 1
    if (sel.numel() > 0) {
        Tensor linear = shadePixels(shot.look, g, sel, table, frame);
        clock.mark(3);
        if (shot.blur) {
            // The blur reads the set around the moving pixels too: the whole frame in linear light.
            Tensor full = torch::addcmul(cache.environment.shadowed, cache.environment.difference, g.lit.unsqueeze(1));
            full.index_copy_(0, sel, linear);
            const Tensor blurred = applyMotionBlur(shot, frame, g, full);
            if (blurred.numel() > 0) {
                // The union, sorted: a mask over the frame is far cheaper than sorting for unique.
                Tensor both = torch::zeros({full.size(0)}, sel.options().dtype(torch::kBool));
                both.index_fill_(0, sel, true).index_fill_(0, blurred, true);
                sel = both.nonzero().squeeze(1);
                linear = full.index_select(0, sel);
            }
            clock.mark(6);
        }
        const Tensor styled = toBytes(stylizePixels(shot.look, g, linear, sel)); // [3,1,K]
        bytes.index_copy_(0, sel, styled.reshape({3, -1}).t());
    }
    clock.mark(3);
    const Tensor out = bytes.reshape({g.height, g.width, 3}).slice(0, 0, shot.height).slice(1, 0, shot.width);
    const Tensor result = out.to(torch::kCPU).contiguous();
    clock.mark(4);
    return result;
}

// One frame: G-buffers of its motion-blur samples, shading, style, then 8-bit RGB on the CPU.
// Depends only on the shot and the frame index (never on which thread or what ran before).
Tensor renderFrame(const Shot &shot, int frame, StageClock &clock)
{
    clock.restart();
    const int total = int(shot.track->frames.size());
    const QList<Primitive> &now = shot.track->frames.at(frame).primitives;
    PoseCache moving; // this frame's own, for a camera that moves
    GBuffer first;
    Tensor linear;
    for (int s = 0; s < shot.samples; ++s) {
        // A 180-degree shutter: sub-frames between this frame and halfway to the next.
        const bool hasNext = frame + 1 < total;
        const double u = hasNext ? 0.5 * s / shot.samples : 0.0;
        const PrimitiveTable table = makePrimitiveTable(
            s == 0 || !hasNext ? now : blendPrimitives(now, shot.track->frames.at(frame + 1).primitives, u), shot.device);
        if (!shot.still)
            preparePose(moving, shot.look, shot.path.at(frame + u), shot.raster, shot.width, shot.height);
        const PoseCache &cache = shot.still ? *shot.still : moving;
        const GBuffer g = shot.split ? buildOverStaticLayer(shot.look, cache, *shot.split, table, clock)
                                     : buildGBuffer(shot.look, cache, table, shot.shadowMap.get(), shot.movingRows, clock);
        if (canStyleOnce(shot.look, shot.samples, cache))
            return renderStyledOnce(shot, frame, cache, g, table, clock);
        const Tensor shaded = shade(shot.look, g, table, frame, &cache.environment);
        clock.mark(3);
        linear = s == 0 ? shaded : linear + shaded;
        if (s == 0)
            first = g;
    }
    if (shot.samples > 1)
        linear = linear / shot.samples;
    else if (shot.blur) {
        applyMotionBlur(shot, frame, first, linear);
        clock.mark(6);
    }
    const Tensor bytes = interleavedBytes(stylize(shot.look, first, linear, frame), shot.height, shot.width);
    clock.mark(4);
    return bytes;
}

// Whether every frame (and motion-blur sub-frame) of the shot sees the camera at one pose.
bool cameraIsStill(const CameraPath &path, int total, int samples)
{
    const CameraPose first = path.at(0);
    for (int frame = 0; frame < total; ++frame)
        for (int s = 0; s < samples; ++s)
            if (!samePose(path.at(frame + (frame + 1 < total ? 0.5 * s / samples : 0.0)), first))
                return false;
    return true;
}

/// Sets the calling thread's intra-op thread count for a scope and puts the old one back.
class IntraOpThreads
{
public:
    explicit IntraOpThreads(int count) : m_previous(torch::get_num_threads()) { torch::set_num_threads(count); }
    ~IntraOpThreads() { torch::set_num_threads(m_previous); }
    IntraOpThreads(const IntraOpThreads &) = delete;
    IntraOpThreads &operator=(const IntraOpThreads &) = delete;

private:
    int m_previous;
};

} // namespace

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
    const int total = int(track.frames.size());
    // On the CPU, whole frames run side by side, each on one thread with one intra-op thread.
    // Splitting each of a frame's hundreds of small tensor ops across OpenMP threads costs a
    // barrier per op, and a barrier spins for a whole scheduler slice whenever another process
    // (an encoder, a build, a second render) holds a core: under load a shot took 20x longer.
    // One thread per op also makes every float sum and every vector/scalar loop split the same
    // whatever the thread count, so a frame's bytes never depend on the machine's load.
    // A GPU gets one frame at a time.
    const int workers = m_impl->device.is_cpu() ? std::clamp(std::min(threads, kMaxFramesInFlight), 1, total) : 1;
    const IntraOpThreads single(1); // the still-camera set below is made here, with one thread too
    torch::NoGradGuard noGrad;
    torch::manual_seed(plan.seed); // nothing below draws from it; kept so future noise stays seeded

    const auto o = torch::TensorOptions().dtype(torch::kFloat32).device(m_impl->device);
    const int width = plan.width, height = plan.height;
    const int paddedW = (width + kTile - 1) / kTile * kTile, paddedH = (height + kTile - 1) / kTile * kTile;
    const double aspect = double(width) / height;
    Shot shot{makeLook(plan, track), CameraPath(plan, track), {}, &track, m_impl->device, width, height,
              std::clamp(m_impl->options.motionBlurSamples, 1, 3)};
    shot.blur = m_impl->options.motionBlur && shot.samples == 1;
    shot.raster.sx = (((torch::arange(paddedW, o) + 0.5) / width * 2 - 1) * aspect).reshape({1, paddedW, 1});
    shot.raster.sy = (1 - (torch::arange(paddedH, o) + 0.5) / height * 2).reshape({paddedH, 1, 1});
    if (cameraIsStill(shot.path, total, shot.samples)) {
        // One camera pose for the whole shot: its environment is shaded (and styled) once here,
        // before any frame starts, so every frame takes the same path whichever thread runs it.
        auto still = std::make_shared<PoseCache>();
        preparePose(*still, shot.look, shot.path.at(0), shot.raster, width, height);
        // The primitives that never change join the set: cast, shadowed and shaded once here.
        if (auto split = splitUnchanging(track, m_impl->device)) {
            shot.rowMoves = split->rowMoves;
            addStaticLayer(*still, shot.look, *split);
            qCDebug(lcRender, "still camera: %lld unchanging primitives cached, %lld cast per frame",
                    static_cast<long long>(split->staticRows.size(0)), static_cast<long long>(split->dynamicRows.size(0)));
            shot.split = std::move(split);
        }
        still->environment = shadeEnvironment(shot.look, still->empty,
                                              makePrimitiveTable(shot.split ? track.frames.first().primitives : QList<Primitive>{},
                                                                 m_impl->device));
        if (canStyleOnce(shot.look, shot.samples, *still))
            styleEnvironment(shot.look, *still);
        shot.still = std::move(still);
    } else if (const auto split = splitUnchanging(track, m_impl->device)) {
        shot.rowMoves = split->rowMoves;
        if (split->staticRows.size(0) > 0) {
            // The set's fixtures shadow the same ground whatever the camera does: mapped once.
            shot.shadowMap = std::make_shared<ShadowMap>(makeShadowMap(split->staticTable, shot.look.toLight));
            shot.movingRows = split->dynamicRows;
        }
    }

    std::vector<StageClock> clocks(static_cast<std::size_t>(workers));
    core::Status result = core::Status::success();
    try {
        runFramesInOrder<Tensor>(
            total, workers, workers + 1,
            [](int) {
                torch::set_num_threads(1); // per thread (OpenMP), as is the grad mode
                c10::GradMode::set_enabled(false);
            },
            [&](int frame, int worker) { return renderFrame(shot, frame, clocks[std::size_t(worker)]); },
            [&](int frame, Tensor &bytes) {
                if (progress && !progress(frame, total)) {
                    result = core::Error{QObject::tr("Rendering was cancelled at frame %1 of %2.").arg(frame).arg(total), {}};
                    return false;
                }
                result = sink(frame, bytes.data_ptr<std::uint8_t>(), width * 3);
                return result.ok();
            });
    } catch (const std::exception &e) {
        return core::Error{QObject::tr("The renderer failed: %1").arg(QString::fromUtf8(e.what())), {}};
    }
    if (!result.ok())
        return result;
    if (clocks.front().enabled) {
        double seconds[7] = {};
        for (const StageClock &c : clocks)
            for (int i = 0; i < 7; ++i)
                seconds[i] += c.seconds[i];
        qCInfo(lcRender, "thread ms/frame: primary %.1f, normals %.1f, shadows %.1f, shading %.1f, style+output %.1f, "
                         "other %.1f, motion blur %.1f (%d frames in flight, one thread each)",
               seconds[0] * 1e3 / total, seconds[1] * 1e3 / total, seconds[2] * 1e3 / total,
               seconds[3] * 1e3 / total, seconds[4] * 1e3 / total, seconds[5] * 1e3 / total, seconds[6] * 1e3 / total, workers);
    }
    if (progress)
        progress(total, total);
    return core::Status::success();
}

} // namespace kinora::engine
