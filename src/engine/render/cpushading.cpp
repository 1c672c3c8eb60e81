// The renderer's shading kernels as loops over CPU tensors' memory (see cpugeometry.cpp for why;
// the tensor versions live in shading.cpp, environment.cpp, motionblur.cpp and styles.cpp):
// - surface lighting and fog, a pixel at a time, and rain and snow over the frame;
// - motion blur: each pixel's screen motion and the gather along its neighbourhood's motion;
// - hash and value noise: the same integer hash and the same float steps, so the same bits;
// - display colours to interleaved bytes.
#include "engine/render/renderkernels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace kinora::engine::render {

namespace {

inline float smoothstep(float e0, float e1, float x)
{
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

/// x^48 by squaring, in powi()'s order: x^16 * x^32.
inline float pow48(float x)
{
    const float x2 = x * x, x4 = x2 * x2, x8 = x4 * x4, x16 = x8 * x8;
    return x16 * (x16 * x16);
}

struct Rgb
{
    float v[3];
    explicit Rgb(const Vec3 &c) : v{float(c.x), float(c.y), float(c.z)} {}
};

} // namespace

KINORA_WIDE_LOOPS Tensor lightSurfacesLoops(const Look &look, const SurfaceLight &in)
{
    const Tensor albedoT = in.albedo.contiguous(), normalT = in.normal.contiguous(), dirT = in.dir.contiguous();
    const Tensor litT = in.lit.contiguous(), shineT = in.shine.contiguous(), positionT = in.position.contiguous();
    const Tensor groundT = in.isGround.to(torch::kBool).contiguous();
    const std::int64_t count = albedoT.size(0);
    Tensor out = torch::empty({count, 3}, albedoT.options());
    const float *albedo = albedoT.data_ptr<float>(), *normal = normalT.data_ptr<float>(), *dir = dirT.data_ptr<float>();
    const float *lit = litT.data_ptr<float>(), *shine = shineT.data_ptr<float>(), *position = positionT.data_ptr<float>();
    const bool *isGround = groundT.data_ptr<bool>();
    float *color = out.data_ptr<float>();
    const bool anime = look.style == QLatin1String("anime"), clay = look.style == QLatin1String("claymation");
    const bool beach = look.environment == QLatin1String("beach");
    const float ambientScale = look.style == QLatin1String("noir") ? 0.55f : clay ? 1.15f : 1.0f;
    const Rgb L(look.toLight), sky(look.ambientSky), bounce(look.ambientGround), sun(look.lightColor), horizon(look.horizon);
    const auto strength = float(look.shadowStrength);
    const float spotX = float(look.spotCentre.x), spotZ = float(look.spotCentre.z);
    for (std::int64_t i = 0; i < count; ++i) {
        const float *n = normal + 3 * i, *d = dir + 3 * i;
        const float ndl = n[0] * L.v[0] + n[1] * L.v[1] + n[2] * L.v[2];
        const float shadow = 1 - strength * (1 - lit[i]);
        float diffuse;
        if (anime) { // cel shading: three flat bands
            const float x = std::max(ndl, 0.0f) * shadow;
            diffuse = x > 0.55f ? 1.0f : x > 0.18f ? 0.55f : 0.2f;
        } else if (clay) {
            diffuse = std::max((ndl + 0.45f) / 1.45f, 0.0f) * shadow; // wrapped, soft terminator
        } else {
            diffuse = std::max(ndl, 0.0f) * shadow;
        }
        // Hemisphere ambient (sky above, bounce below); flat for anime so the bands stay flat.
        const float up = anime ? 0.5f : 0.5f + 0.5f * n[1];
        float h[3] = {L.v[0] - d[0], L.v[1] - d[1], L.v[2] - d[2]};
        const float inv = 1.0f / std::sqrt(std::max(h[0] * h[0] + h[1] * h[1] + h[2] * h[2], 1e-18f));
        const float ndh = std::max((n[0] * h[0] + n[1] * h[1] + n[2] * h[2]) * inv, 0.0f);
        float spec = pow48(ndh) * shine[i] * shadow * 1.5f;
        if (anime)
            spec = spec > 0.35f ? 0.5f * shine[i] : 0.0f;
        if (look.stage) { // a spotlight pool: the key light only reaches a disc around the subject
            const float dx = position[3 * i] - spotX, dz = position[3 * i + 2] - spotZ;
            const float spot = 0.06f + 0.94f * smoothstep(3.2f, 1.6f, std::sqrt(dx * dx + dz * dz));
            diffuse *= spot, spec *= spot;
        }
        float fresnel = 0;
        if (beach && isGround[i] && shine[i] > 0.8f) { // water mirrors the sky at grazing angles
            const float f = std::clamp(1 + (d[0] * n[0] + d[1] * n[1] + d[2] * n[2]), 0.0f, 1.0f);
            const float f2 = f * f;
            fresnel = f2 * f2 * 0.6f;
        }
        for (int k = 0; k < 3; ++k) {
            const float ambient = (bounce.v[k] + (sky.v[k] - bounce.v[k]) * up) * ambientScale;
            const float c = albedo[3 * i + k] * (ambient + sun.v[k] * diffuse) + sun.v[k] * spec;
            color[3 * i + k] = c + (horizon.v[k] - c) * fresnel;
        }
    }
    return out;
}

Tensor applyFogLoops(const Look &look, const Tensor &colorIn, const Tensor &depthIn, const Tensor &backgroundIn)
{
    const Tensor colorT = colorIn.contiguous(), depthT = depthIn.contiguous();
    const Tensor backgroundT = backgroundIn.to(torch::kBool).contiguous();
    const std::int64_t count = colorT.size(0);
    Tensor out = torch::empty({count, 3}, colorT.options());
    const float *color = colorT.data_ptr<float>(), *depth = depthT.data_ptr<float>();
    const bool *background = backgroundT.data_ptr<bool>();
    float *o = out.data_ptr<float>();
    const auto density = float(look.fogDensity);
    const float farVeil = float(std::min(1.0, look.fogDensity * 6));
    const Rgb fogColor(look.fogColor);
    const float absorb[3] = {0.22f, 0.04f, 0.03f}; // water eats red first
    for (std::int64_t i = 0; i < count; ++i) {
        // The sky is already the far distance outdoors; thick weather still veils it.
        const float fog = !look.indoor && background[i] ? farVeil : 1 - std::exp(-density * std::min(depth[i], 1e4f));
        for (int k = 0; k < 3; ++k) {
            float c = color[3 * i + k];
            if (look.underwater && !background[i])
                c *= std::exp(-std::min(depth[i], 1e3f) * absorb[k]);
            o[3 * i + k] = c + (fogColor.v[k] - c) * fog;
        }
    }
    return out;
}

namespace {

/// Screen position (x right, y down, pixel centres at .5) of a world point seen from a pose.
struct Projector
{
    double eye[3], forward[3], right[3], up[3];
    double scaleX, scaleY, width, height;
    Projector(const CameraPose &pose, int w, int h)
    {
        const CameraBasis b = CameraPath::basis(pose);
        const Vec3 *from[4] = {&pose.eye, &b.forward, &b.right, &b.up};
        double *to[4] = {eye, forward, right, up};
        for (int i = 0; i < 4; ++i)
            to[i][0] = from[i]->x, to[i][1] = from[i]->y, to[i][2] = from[i]->z;
        const double tanHalf = std::tan(pose.fovYDeg * M_PI / 360);
        scaleX = tanHalf * double(w) / h, scaleY = tanHalf, width = w, height = h;
    }
    void operator()(const double *world, double *screen) const
    {
        const double v[3] = {world[0] - eye[0], world[1] - eye[1], world[2] - eye[2]};
        const double z = std::max(v[0] * forward[0] + v[1] * forward[1] + v[2] * forward[2], 1e-3);
        const double sx = (v[0] * right[0] + v[1] * right[1] + v[2] * right[2]) / (z * scaleX);
        const double sy = (v[0] * up[0] + v[1] * up[1] + v[2] * up[2]) / (z * scaleY);
        screen[0] = (sx + 1) * 0.5 * width, screen[1] = (1 - sy) * 0.5 * height;
    }
};

inline float cone(float distance, float extent) { return std::clamp(1 - distance / extent, 0.0f, 1.0f); }
inline float cylinder(float distance, float extent)
{
    return 1 - std::clamp((distance - 0.95f * extent) / (0.1f * extent), 0.0f, 1.0f);
}
/// 1 where @p a lies in front of @p b, fading over a few percent of the depth.
inline float closer(float a, float b) { return std::clamp(1 - (a - b) / (0.03f * b + 0.05f), 0.0f, 1.0f); }

} // namespace

Tensor screenMotionLoops(const GBuffer &g, const Tensor &pixelsIn, const PrimitiveTable &later, const CameraPose &now,
                         const CameraPose &laterPose)
{
    const Tensor pixelsT = pixelsIn.contiguous(), positionT = g.position.contiguous(), idT = g.id.contiguous();
    const Tensor localT = g.local.contiguous(), centerT = later.center.contiguous(), axesT = later.axes.contiguous();
    const std::int64_t count = pixelsT.size(0);
    Tensor out = torch::empty({count, 2}, positionT.options());
    const std::int64_t *pixels = pixelsT.data_ptr<std::int64_t>(), *ids = idT.data_ptr<std::int64_t>();
    const float *position = positionT.data_ptr<float>(), *local = localT.data_ptr<float>();
    const float *center = centerT.data_ptr<float>(), *axes = axesT.data_ptr<float>();
    float *motion = out.data_ptr<float>();
    const Projector before(now, g.imageWidth, g.imageHeight), after(laterPose, g.imageWidth, g.imageHeight);
    for (std::int64_t i = 0; i < count; ++i) {
        const std::int64_t p = pixels[i], id = ids[p];
        const double here[3] = {position[3 * p], position[3 * p + 1], position[3 * p + 2]};
        // A primitive's point moves with it (its local coordinates placed by the later
        // transform); the ground, walls and sky stay where they are.
        double there[3] = {here[0], here[1], here[2]};
        if (id >= 0 && id < later.count) {
            const float *R = axes + 9 * id, *l = local + 3 * p;
            for (int k = 0; k < 3; ++k)
                there[k] = double(center[3 * id + k]) + R[3 * k] * l[0] + R[3 * k + 1] * l[1] + R[3 * k + 2] * l[2];
        }
        double a[2], b[2];
        before(here, a);
        after(there, b);
        motion[2 * i] = float(b[0] - a[0]), motion[2 * i + 1] = float(b[1] - a[1]);
    }
    return out;
}

Tensor blurPixelsLoops(const GBuffer &g, const Tensor &linearIn, const Tensor &motionIn, Tensor *pixelsOut,
                       int taps, float minHalfExtent, float maxHalfExtent)
{
    const Tensor linearT = linearIn.contiguous(), motionT = motionIn.contiguous(), depthT = g.depth.contiguous();
    const float *linear = linearT.data_ptr<float>(), *motion = motionT.data_ptr<float>(), *depth = depthT.data_ptr<float>();
    const int height = g.height, width = g.width, th = height / kTile, tw = width / kTile;
    // Half the motion over the shutter: the smear reaches that far either side of a point.
    std::vector<float> length(std::size_t(height) * width);
    for (std::size_t i = 0; i < length.size(); ++i) {
        const float hx = motion[2 * i] * 0.5f, hy = motion[2 * i + 1] * 0.5f;
        length[i] = std::min(std::sqrt(hx * hx + hy * hy), maxHalfExtent);
    }
    // The fastest motion of each tile (its first pixel at that speed), then of each 3x3 of tiles.
    std::vector<float> tileMax(std::size_t(th) * tw, -1);
    std::vector<std::int64_t> tileArg(tileMax.size(), 0);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const std::size_t t = std::size_t(y / kTile) * tw + x / kTile, p = std::size_t(y) * width + x;
            if (length[p] > tileMax[t])
                tileMax[t] = length[p], tileArg[t] = std::int64_t(p);
        }
    struct Sweep { float dx, dy; bool active; };
    std::vector<Sweep> sweep(tileMax.size());
    for (int ty = 0; ty < th; ++ty)
        for (int tx = 0; tx < tw; ++tx) {
            float best = -1;
            std::int64_t from = 0;
            for (int ny = std::max(ty - 1, 0); ny <= std::min(ty + 1, th - 1); ++ny)
                for (int nx = std::max(tx - 1, 0); nx <= std::min(tx + 1, tw - 1); ++nx)
                    if (tileMax[std::size_t(ny) * tw + nx] > best)
                        best = tileMax[std::size_t(ny) * tw + nx], from = tileArg[std::size_t(ny) * tw + nx];
            sweep[std::size_t(ty) * tw + tx] = {0.5f * motion[2 * from], 0.5f * motion[2 * from + 1], best >= minHalfExtent};
        }
    // Each tap pulls the pixel toward its colour by its weight; the pixel's own colour weighs
    // 1/length (a fast pixel spreads thin). A pixel no tap sweeps over keeps its exact value.
    std::vector<std::int64_t> changed;
    std::vector<float> colours;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const Sweep &s = sweep[std::size_t(y / kTile) * tw + x / kTile];
            if (!s.active)
                continue;
            const std::int64_t p = std::int64_t(y) * width + x;
            const float ownLength = std::max(length[std::size_t(p)], 0.5f), ownDepth = depth[p];
            const float dirLength = std::sqrt(s.dx * s.dx + s.dy * s.dy);
            const float *own = linear + 3 * p;
            float pull[3] = {0, 0, 0}, weight = 0;
            for (int k = 0; k < taps; ++k) {
                const float t = -1 + (2.0f * k + 1) / taps; // evenly across [-1, 1], never 0
                const float sx = std::clamp(std::nearbyint(x + t * s.dx), 0.0f, float(g.imageWidth - 1));
                const float sy = std::clamp(std::nearbyint(y + t * s.dy), 0.0f, float(g.imageHeight - 1));
                const std::int64_t tap = std::int64_t(sy) * width + std::int64_t(sx);
                const float distance = dirLength * std::abs(t);
                const float tapLength = std::max(length[std::size_t(tap)], 0.5f), tapDepth = depth[tap];
                // In front: the tap's surface smears over this pixel if it moves far enough.
                // Behind: this pixel's own smear uncovers it. Both moving: blend through each other.
                const float alpha = closer(tapDepth, ownDepth) * cone(distance, tapLength)
                                    + closer(ownDepth, tapDepth) * cone(distance, ownLength)
                                    + cylinder(distance, tapLength) * cylinder(distance, ownLength) * 2;
                for (int c = 0; c < 3; ++c)
                    pull[c] += (linear[3 * tap + c] - own[c]) * alpha;
                weight += alpha;
            }
            if (!(weight > 0))
                continue;
            changed.push_back(p);
            const float norm = 1 / ownLength + weight;
            for (int c = 0; c < 3; ++c)
                colours.push_back(own[c] + pull[c] / norm);
        }
    const auto n = std::int64_t(changed.size());
    *pixelsOut = torch::from_blob(changed.data(), {n}, torch::kInt64).clone();
    return torch::from_blob(colours.data(), {n, 3}, torch::kFloat32).clone();
}

namespace {

inline float fract(float x) { return x - std::floor(x); }

// The 32-bit hash of environment.cpp's hashNoise(), on unsigned lanes.
inline float hash01(std::int32_t ix, std::int32_t iy, std::uint32_t salt)
{
    std::uint32_t h = std::uint32_t(ix) * 374761393u + std::uint32_t(iy) * 668265263u + salt;
    h = (h ^ (h >> 13)) * 1274126177u;
    h ^= h >> 16;
    return float(h & 0xffffffu) * (1.0f / 16777216.0f);
}

std::uint32_t saltBits(std::int64_t salt)
{
    return std::uint32_t((std::uint64_t(salt) * 2246822519ull) & 0xffffffffull);
}


} // namespace

KINORA_WIDE_LOOPS Tensor weatherLoops(const Look &look, const Tensor &colorIn, int width, int frame)
{
    Tensor out = colorIn.contiguous().clone();
    float *color = out.data_ptr<float>();
    const std::int64_t count = out.size(0);
    const Rgb sky(look.ambientSky), sun(look.lightColor);
    float rainColor[3], snowColor[3];
    for (int k = 0; k < 3; ++k) {
        const float level = sky.v[k] + sun.v[k] * 0.5f;
        rainColor[k] = std::min(level * 1.4f, 1.0f);
        snowColor[k] = std::clamp(level * 1.6f, 0.3f, 1.0f);
    }
    const auto seed = std::int64_t(look.seed);
    const std::uint32_t rainSalt[3] = {saltBits(seed + 101), saltBits(seed + 102), saltBits(seed + 103)};
    std::uint32_t snowSalt[2][4]; // per layer: flake or not, x, y, radius
    for (int layer = 0; layer < 2; ++layer)
        for (int k = 0; k < 4; ++k)
            snowSalt[layer][k] = saltBits(seed + std::array{141, 111, 121, 131}[std::size_t(k)] + layer);
    const auto rain = float(look.rain), snow = float(look.snow);
    for (std::int64_t i = 0; i < count; ++i) {
        const auto px = float(i % width), py = float(i / width);
        float *c = color + 3 * i;
        if (look.rain > 0) { // slanted streaks falling down columns, each column at its own speed
            const float slant = px + py * 0.18f;
            const auto column = std::int32_t(std::floor(slant / 5));
            const float speed = 0.6f + 0.4f * hash01(column, 0, rainSalt[0]);
            const float fall = py / 90 - float(frame) * speed * 0.45f + hash01(column, 1, rainSalt[1]);
            if (fract(fall) < 0.2f && fract(slant / 5) < 0.3f
                && hash01(column, std::int32_t(std::floor(fall)), rainSalt[2]) > 0.72f)
                for (int k = 0; k < 3; ++k)
                    c[k] += (rainColor[k] - c[k]) * (0.35f * rain);
        }
        if (look.snow > 0) { // two layers of flakes drifting down and sideways
            for (int layer = 0; layer < 2; ++layer) {
                const float cell = 18.0f + layer * 16;
                const float y = py - float(frame * (1.1 + layer * 1.4));
                const float x = px + 6 * std::sin(float(frame * 0.05) + y * 0.013f + float(layer));
                const auto cx = std::int32_t(std::floor(x / cell)), cy = std::int32_t(std::floor(y / cell));
                if (!(hash01(cx, cy, snowSalt[layer][0]) > 0.4f))
                    continue;
                const float fx = (0.2f + 0.6f * hash01(cx, cy, snowSalt[layer][1])) * cell;
                const float fy = (0.2f + 0.6f * hash01(cx, cy, snowSalt[layer][2])) * cell;
                const float dx = fract(x / cell) * cell - fx, dy = fract(y / cell) * cell - fy;
                const float radius = float(1.1 + layer * 1.2) + hash01(cx, cy, snowSalt[layer][3]);
                const float flake = smoothstep(0, 1, radius - std::sqrt(dx * dx + dy * dy)) * 0.9f * snow;
                for (int k = 0; k < 3; ++k)
                    c[k] += (snowColor[k] - c[k]) * flake;
            }
        }
    }
    return out;
}

KINORA_WIDE_LOOPS Tensor interleavedBytesLoops(const Tensor &displayIn, int height, int width)
{
    const Tensor displayT = displayIn.contiguous();
    const std::int64_t rows = displayT.size(1), columns = displayT.size(2), plane = rows * columns;
    Tensor out = torch::empty({height, width, 3}, torch::TensorOptions().dtype(torch::kUInt8));
    const float *d = displayT.data_ptr<float>();
    std::uint8_t *o = out.data_ptr<std::uint8_t>();
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) // styles leave 0..1: x * 255 + 0.5 truncated rounds it
                o[(std::int64_t(y) * width + x) * 3 + c] = std::uint8_t(d[c * plane + y * columns + x] * 255.0f + 0.5f);
    return out;
}

KINORA_WIDE_LOOPS Tensor hashNoiseLoops(const Tensor &ix, const Tensor &iy, std::int64_t salt)
{
    const auto both = torch::broadcast_tensors({ix.to(torch::kInt32), iy.to(torch::kInt32)});
    const Tensor x = both[0].contiguous(), y = both[1].contiguous();
    Tensor out = torch::empty(x.sizes(), x.options().dtype(torch::kFloat32));
    const std::int32_t *px = x.data_ptr<std::int32_t>(), *py = y.data_ptr<std::int32_t>();
    float *o = out.data_ptr<float>();
    const std::uint32_t s = saltBits(salt);
    for (std::int64_t i = 0, n = out.numel(); i < n; ++i)
        o[i] = hash01(px[i], py[i], s);
    return out;
}

KINORA_WIDE_LOOPS Tensor valueNoiseLoops(const Tensor &xs, const Tensor &ys, std::int64_t salt)
{
    const auto both = torch::broadcast_tensors({xs, ys});
    const Tensor x = both[0].to(torch::kFloat32).contiguous(), y = both[1].to(torch::kFloat32).contiguous();
    Tensor out = torch::empty(x.sizes(), x.options());
    const float *px = x.data_ptr<float>(), *py = y.data_ptr<float>();
    float *o = out.data_ptr<float>();
    const std::uint32_t s = saltBits(salt);
    for (std::int64_t i = 0, n = out.numel(); i < n; ++i) {
        // The tensor version's steps in its order (each rounded to float), so the bits match.
        const float fx = std::floor(px[i]), fy = std::floor(py[i]);
        const auto ix = std::int32_t(fx), iy = std::int32_t(fy);
        float u = px[i] - fx, v = py[i] - fy;
        u = u * u * (3 - 2 * u), v = v * v * (3 - 2 * v);
        const float a = hash01(ix, iy, s), b = hash01(ix + 1, iy, s);
        const float c = hash01(ix, iy + 1, s), d = hash01(ix + 1, iy + 1, s);
        o[i] = a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v;
    }
    return out;
}

} // namespace kinora::engine::render
