// The renderer's hottest kernels as loops over CPU tensors' memory, without the whole-array
// temporaries of their tensor versions (which stay the path for other devices and the reference
// the tests compare against):
// - ray casting: the same tile culls and analytic hit tests as raycaster.cpp; a tile's 256 rays
//   are tested against one primitive at a time in short loops the compiler vectorises;
// - the bare set a camera pose sees (rays, ground, walls), in one pass over the pixels, and the
//   shadow map's look-ups;
// - primitive hits into the G-buffer: surface normals and local coordinates, shadow-ray origins;
// - surface lighting and fog, a pixel at a time, and rain and snow over the frame;
// - motion blur: each pixel's screen motion and the gather along its neighbourhood's motion;
// - hash and value noise: the same integer hash and the same float steps, so the same bits;
// - display colours to interleaved bytes.
#include "engine/render/renderkernels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

/// Wider vector units where the CPU has them (chosen once at load). Only plain IEEE arithmetic
/// runs in them (no fused multiply-add), so every path gives the same bits (checked: bench_film's
/// frames hash is the same with and without the wide paths).
#define KINORA_WIDE_LOOPS __attribute__((target_clones("avx2", "default")))

namespace kinora::engine::render {
namespace {

constexpr float kEps = 1e-4f;
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr int kLanes = kTile * kTile;
/// Culls are widened by this much (radians, or metres across the beam) so float rounding in
/// them never drops a primitive that a ray would hit.
constexpr double kCullSlack = 1e-5;

using Shape = Primitive::Shape;

// ---- hit tests in the primitive's local frame (d unit length), +inf for a miss ----

inline float sphereT(float ox, float oy, float oz, float dx, float dy, float dz, float r)
{
    const float b = ox * dx + oy * dy + oz * dz;
    const float disc = b * b - (ox * ox + oy * oy + oz * oz - r * r);
    const float sq = std::sqrt(std::max(disc, 0.0f));
    const float t0 = -b - sq, t1 = -b + sq;
    const float t = t0 > kEps ? t0 : t1;
    return disc >= 0 && t > kEps ? t : kInf;
}

// Open cylinder side around local y, radius r, |y| <= hl.
inline float cylinderSideT(float ox, float oy, float oz, float dx, float dy, float dz, float r, float hl)
{
    const float a = std::max(dx * dx + dz * dz, 1e-12f);
    const float b = ox * dx + oz * dz;
    const float disc = b * b - a * (ox * ox + oz * oz - r * r);
    const float sq = std::sqrt(std::max(disc, 0.0f));
    const float tFar = (-b + sq) / a, tNear = (-b - sq) / a;
    float best = kInf;
    if (disc >= 0 && tFar > kEps && std::abs(oy + tFar * dy) <= hl)
        best = tFar;
    if (disc >= 0 && tNear > kEps && std::abs(oy + tNear * dy) <= hl)
        best = std::min(best, tNear);
    return best;
}

inline float cylinderT(float ox, float oy, float oz, float dx, float dy, float dz, float r, float hl)
{
    float best = cylinderSideT(ox, oy, oz, dx, dy, dz, r, hl);
    const float safeDy = dy >= 0 ? std::max(dy, 1e-9f) : std::min(dy, -1e-9f);
    for (const float cap : {hl, -hl}) {
        const float t = (cap - oy) / safeDy;
        const float x = ox + t * dx, z = oz + t * dz;
        if (t > kEps && x * x + z * z <= r * r)
            best = std::min(best, t);
    }
    return best;
}

inline float capsuleT(float ox, float oy, float oz, float dx, float dy, float dz, float r, float hl)
{
    float best = cylinderSideT(ox, oy, oz, dx, dy, dz, r, hl);
    best = std::min(best, sphereT(ox, oy - hl, oz, dx, dy, dz, r));
    return std::min(best, sphereT(ox, oy + hl, oz, dx, dy, dz, r));
}

inline void slab(float o, float d, float h, float &lo, float &hi)
{
    const float inv = 1.0f / (d >= 0 ? std::max(d, 1e-9f) : std::min(d, -1e-9f));
    const float a = (-h - o) * inv, b = (h - o) * inv;
    lo = std::min(a, b), hi = std::max(a, b);
}

inline float boxT(float ox, float oy, float oz, float dx, float dy, float dz, float hx, float hy, float hz)
{
    float lx, hix, ly, hiy, lz, hiz;
    slab(ox, dx, hx, lx, hix);
    slab(oy, dy, hy, ly, hiy);
    slab(oz, dz, hz, lz, hiz);
    const float tmin = std::max(std::max(lx, ly), lz), tmax = std::min(std::min(hix, hiy), hiz);
    const float t = tmin > kEps ? tmin : tmax;
    return tmax >= tmin && t > kEps ? t : kInf;
}

/// One primitive's row of the table, read once per (tile, primitive) pair.
struct Prim
{
    float c[3], R[9], size[3];
    Shape shape;
};

/// The table's rows on the host (a CPU table is read in place).
struct HostTable
{
    std::vector<Prim> prims;
    std::vector<float> bound;
    explicit HostTable(const PrimitiveTable &table)
    {
        const Tensor center = table.center.to(torch::kCPU).contiguous(), axes = table.axes.to(torch::kCPU).contiguous();
        const Tensor size = table.size.to(torch::kCPU).contiguous(), shape = table.shape.to(torch::kCPU).contiguous();
        const Tensor b = table.bound.to(torch::kCPU).contiguous();
        const float *c = center.data_ptr<float>(), *r = axes.data_ptr<float>(), *s = size.data_ptr<float>();
        const std::int64_t *k = shape.data_ptr<std::int64_t>();
        prims.resize(std::size_t(table.count));
        for (int i = 0; i < table.count; ++i) {
            Prim &p = prims[std::size_t(i)];
            std::copy(c + 3 * i, c + 3 * i + 3, p.c);
            std::copy(r + 9 * i, r + 9 * i + 9, p.R);
            std::copy(s + 3 * i, s + 3 * i + 3, p.size);
            p.shape = Shape(k[i]);
        }
        bound.assign(b.data_ptr<float>(), b.data_ptr<float>() + table.count);
    }
};

// local_j = sum_i v_i R_ij (R's columns are the local axes).
inline void toLocal(const float *R, float vx, float vy, float vz, float &lx, float &ly, float &lz)
{
    lx = vx * R[0] + vy * R[3] + vz * R[6];
    ly = vx * R[1] + vy * R[4] + vz * R[7];
    lz = vx * R[2] + vy * R[5] + vz * R[8];
}

/// A tile's rays in the local frame of one primitive, structure of arrays.
struct LocalRays
{
    alignas(64) float ox[kLanes], oy[kLanes], oz[kLanes], dx[kLanes], dy[kLanes], dz[kLanes];
    alignas(64) float t[kLanes];
};

// Hit distances of the rays in @p l against @p p into l.t.
KINORA_WIDE_LOOPS void intersect(const Prim &p, LocalRays &l)
{
    const float a = p.size[0], b = p.size[1], c = p.size[2];
    switch (p.shape) {
    case Shape::Sphere:
        for (int s = 0; s < kLanes; ++s)
            l.t[s] = sphereT(l.ox[s], l.oy[s], l.oz[s], l.dx[s], l.dy[s], l.dz[s], a);
        break;
    case Shape::Box:
        for (int s = 0; s < kLanes; ++s)
            l.t[s] = boxT(l.ox[s], l.oy[s], l.oz[s], l.dx[s], l.dy[s], l.dz[s], a, b, c);
        break;
    case Shape::Capsule:
        for (int s = 0; s < kLanes; ++s)
            l.t[s] = capsuleT(l.ox[s], l.oy[s], l.oz[s], l.dx[s], l.dy[s], l.dz[s], a, b);
        break;
    case Shape::Cylinder:
        for (int s = 0; s < kLanes; ++s)
            l.t[s] = cylinderT(l.ox[s], l.oy[s], l.oz[s], l.dx[s], l.dy[s], l.dz[s], a, b);
        break;
    case Shape::Invalid:
        std::fill(l.t, l.t + kLanes, kInf);
        break;
    }
}

/// Pixel offsets of a tile's lanes in an image @p width wide (row by row inside the tile).
std::array<std::int64_t, kLanes> laneOffsets(std::int64_t width)
{
    std::array<std::int64_t, kLanes> offsets{};
    for (int y = 0; y < kTile; ++y)
        for (int x = 0; x < kTile; ++x)
            offsets[std::size_t(y * kTile + x)] = y * width + x;
    return offsets;
}

/// Rays of one tile, gathered from an image [H,W,3] or shared by all (origin or direction).
struct TileRays
{
    alignas(64) float x[kLanes], y[kLanes], z[kLanes];
};

void gatherTile(const float *image, std::int64_t first, const std::array<std::int64_t, kLanes> &offsets, TileRays &r)
{
    for (int s = 0; s < kLanes; ++s) {
        const float *v = image + 3 * (first + offsets[std::size_t(s)]);
        r.x[s] = v[0], r.y[s] = v[1], r.z[s] = v[2];
    }
}

/// Nearest hits over the pairs (tile -> primitives, @p list), with either a shared origin
/// (@p eye, camera rays) or a shared direction (@p beam, parallel light rays).
KINORA_WIDE_LOOPS Hits nearestHits(const HostTable &table, const std::vector<std::vector<int>> &list, const Tensor &originImage,
                 const float *eye, const Tensor &dirImage, const float *beam, const Tensor *valid,
                 std::int64_t height, std::int64_t width)
{
    Hits hits;
    hits.t = torch::full({height * width}, kInf, torch::kFloat32);
    hits.id = torch::full({height * width}, std::int64_t(-1), torch::kInt64);
    float *outT = hits.t.data_ptr<float>();
    std::int64_t *outId = hits.id.data_ptr<std::int64_t>();
    const float *origins = originImage.defined() ? originImage.data_ptr<float>() : nullptr;
    const float *dirs = dirImage.defined() ? dirImage.data_ptr<float>() : nullptr;
    const bool *mask = valid ? valid->data_ptr<bool>() : nullptr;
    const auto offsets = laneOffsets(width);
    const std::int64_t tilesX = width / kTile;
    TileRays rays;
    LocalRays local;
    alignas(64) float bestT[kLanes];
    alignas(64) int bestId[kLanes];
    for (std::size_t tile = 0; tile < list.size(); ++tile) {
        if (list[tile].empty())
            continue;
        const std::int64_t first = std::int64_t(tile) / tilesX * kTile * width + std::int64_t(tile) % tilesX * kTile;
        gatherTile(origins ? origins : dirs, first, offsets, rays);
        std::fill(bestT, bestT + kLanes, kInf);
        std::fill(bestId, bestId + kLanes, -1);
        for (const int index : list[tile]) {
            const Prim &p = table.prims[std::size_t(index)];
            if (eye) { // camera rays: one origin, a direction per lane
                float ox, oy, oz;
                toLocal(p.R, eye[0] - p.c[0], eye[1] - p.c[1], eye[2] - p.c[2], ox, oy, oz);
                for (int s = 0; s < kLanes; ++s) {
                    local.ox[s] = ox, local.oy[s] = oy, local.oz[s] = oz;
                    toLocal(p.R, rays.x[s], rays.y[s], rays.z[s], local.dx[s], local.dy[s], local.dz[s]);
                }
            } else { // light rays: an origin per lane, one direction
                float dx, dy, dz;
                toLocal(p.R, beam[0], beam[1], beam[2], dx, dy, dz);
                for (int s = 0; s < kLanes; ++s) {
                    toLocal(p.R, rays.x[s] - p.c[0], rays.y[s] - p.c[1], rays.z[s] - p.c[2], local.ox[s], local.oy[s],
                            local.oz[s]);
                    local.dx[s] = dx, local.dy[s] = dy, local.dz[s] = dz;
                }
            }
            intersect(p, local);
            // Nearest wins; on a tie the lower row (the lists are in row order, so keep the first).
            for (int s = 0; s < kLanes; ++s) {
                const bool nearer = local.t[s] < bestT[s];
                bestT[s] = nearer ? local.t[s] : bestT[s];
                bestId[s] = nearer ? index : bestId[s];
            }
        }
        for (int s = 0; s < kLanes; ++s) {
            const std::int64_t pixel = first + offsets[std::size_t(s)];
            if (mask && !mask[pixel])
                continue;
            outT[pixel] = bestT[s];
            outId[pixel] = bestId[s];
        }
    }
    return hits;
}

inline double dot(const double *a, const double *b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

} // namespace

Hits castPrimaryLoops(const PrimitiveTable &table, const Tensor &eyeTensor, const Tensor &dirTensor)
{
    const Tensor dirs = dirTensor.contiguous();
    const std::int64_t height = dirs.size(0), width = dirs.size(1);
    const std::int64_t tilesX = width / kTile, tilesY = height / kTile;
    const Tensor eyeCpu = eyeTensor.to(torch::kCPU).contiguous();
    const float eye[3] = {eyeCpu.data_ptr<float>()[0], eyeCpu.data_ptr<float>()[1], eyeCpu.data_ptr<float>()[2]};
    const HostTable host(table);
    const float *d = dirs.data_ptr<float>();
    // Per primitive: direction to its bounding sphere from the eye and the sphere's half angle
    // (pi when the eye is inside it).
    std::vector<std::array<double, 3>> toward(host.prims.size());
    std::vector<double> beta(host.prims.size());
    for (std::size_t i = 0; i < host.prims.size(); ++i) {
        const double v[3] = {double(host.prims[i].c[0]) - eye[0], double(host.prims[i].c[1]) - eye[1],
                             double(host.prims[i].c[2]) - eye[2]};
        const double dist = std::sqrt(dot(v, v)), bound = host.bound[i];
        for (int k = 0; k < 3; ++k)
            toward[i][std::size_t(k)] = v[k] / std::max(dist, 1e-6);
        beta[i] = bound >= dist ? M_PI : std::asin(std::min(1.0, bound / std::max(dist, 1e-6)));
    }
    // Half a pixel's angle, from two neighbouring rays.
    const double pixel = std::acos(std::clamp(double(d[0]) * d[3] + double(d[1]) * d[4] + double(d[2]) * d[5], -1.0, 1.0));
    std::vector<std::vector<int>> list(std::size_t(tilesX * tilesY));
    const auto offsets = laneOffsets(width);
    for (std::int64_t tile = 0; tile < tilesX * tilesY; ++tile) {
        // The tile's cone: its mean direction and the widest angle of its rays from it.
        const std::int64_t first = tile / tilesX * kTile * width + tile % tilesX * kTile;
        double centre[3] = {0, 0, 0};
        for (const std::int64_t o : offsets)
            for (int k = 0; k < 3; ++k)
                centre[k] += d[3 * (first + o) + k];
        const double n = std::sqrt(dot(centre, centre));
        for (double &c : centre)
            c /= std::max(n, 1e-12);
        double minCos = 1;
        for (const std::int64_t o : offsets) {
            const double ray[3] = {d[3 * (first + o)], d[3 * (first + o) + 1], d[3 * (first + o) + 2]};
            minCos = std::min(minCos, dot(ray, centre));
        }
        const double half = std::acos(std::clamp(minCos, -1.0, 1.0)) + pixel + kCullSlack;
        for (std::size_t i = 0; i < host.prims.size(); ++i)
            if (dot(centre, toward[i].data()) >= std::cos(std::min(half + beta[i], M_PI)))
                list[std::size_t(tile)].push_back(int(i));
    }
    Hits hits = nearestHits(host, list, {}, eye, dirs, nullptr, nullptr, height, width);
    hits.t = hits.t.to(table.center.device()), hits.id = hits.id.to(table.center.device());
    return hits;
}

Hits castParallelLoops(const PrimitiveTable &table, const Tensor &originTensor, const Tensor &validTensor,
                       const Vec3 &direction, const Vec3 &e1, const Vec3 &e2)
{
    const Tensor origins = originTensor.contiguous();
    const Tensor valid = validTensor.to(torch::kBool).contiguous();
    const std::int64_t height = origins.size(0), width = origins.size(1);
    const std::int64_t tilesX = width / kTile, tilesY = height / kTile;
    const HostTable host(table);
    const double axes[3][3] = {{e1.x, e1.y, e1.z}, {e2.x, e2.y, e2.z}, {direction.x, direction.y, direction.z}};
    // Each primitive's centre across the beam (u, v) and along it (w).
    std::vector<std::array<double, 3>> centre(host.prims.size());
    for (std::size_t i = 0; i < host.prims.size(); ++i) {
        const double c[3] = {host.prims[i].c[0], host.prims[i].c[1], host.prims[i].c[2]};
        for (int k = 0; k < 3; ++k)
            centre[i][std::size_t(k)] = dot(axes[k], c);
    }
    const float *o = origins.data_ptr<float>();
    const bool *ok = valid.data_ptr<bool>();
    const auto offsets = laneOffsets(width);
    std::vector<std::vector<int>> list(std::size_t(tilesX * tilesY));
    for (std::int64_t tile = 0; tile < tilesX * tilesY; ++tile) {
        // The footprint of the tile's valid origins across the beam, and the lowest along it.
        const std::int64_t first = tile / tilesX * kTile * width + tile % tilesX * kTile;
        double lo[3] = {1e30, 1e30, 1e30}, hi[3] = {-1e30, -1e30, -1e30};
        bool any = false;
        for (const std::int64_t off : offsets) {
            const std::int64_t pixel = first + off;
            if (!ok[pixel])
                continue;
            any = true;
            const double p[3] = {o[3 * pixel], o[3 * pixel + 1], o[3 * pixel + 2]};
            for (int k = 0; k < 3; ++k) {
                const double q = dot(axes[k], p);
                lo[k] = std::min(lo[k], q), hi[k] = std::max(hi[k], q);
            }
        }
        if (!any)
            continue;
        for (std::size_t i = 0; i < host.prims.size(); ++i) {
            const auto &pc = centre[i];
            const double r = host.bound[i] + kCullSlack;
            const double dx = std::max({lo[0] - pc[0], pc[0] - hi[0], 0.0});
            const double dy = std::max({lo[1] - pc[1], pc[1] - hi[1], 0.0});
            if (dx * dx + dy * dy <= r * r && pc[2] + r > lo[2])
                list[std::size_t(tile)].push_back(int(i));
        }
    }
    const float beam[3] = {float(direction.x), float(direction.y), float(direction.z)};
    Hits hits = nearestHits(host, list, origins, nullptr, {}, beam, &valid, height, width);
    hits.t = hits.t.to(table.center.device()), hits.id = hits.id.to(table.center.device());
    return hits;
}

KINORA_WIDE_LOOPS SetView viewSetLoops(const Look &look, const Vec3 &eyePosition, const CameraBasis &b, double tanHalf, const Tensor &sxTensor,
                     const Tensor &syTensor)
{
    const Tensor sxs = sxTensor.contiguous(), sys = syTensor.contiguous();
    const std::int64_t width = sxs.size(1), height = sys.size(0), count = width * height;
    const auto o = sxs.options();
    SetView v;
    v.dirs = torch::empty({height, width, 3}, o);
    v.nearest = torch::empty({count}, o);
    v.kind = torch::empty({count}, o.dtype(torch::kInt64));
    v.depth = torch::empty({count}, o);
    v.position = torch::empty({count, 3}, o);
    v.normal = torch::empty({count, 3}, o);
    v.origins = torch::empty({count, 3}, o);
    v.shadowed = torch::empty({count}, o.dtype(torch::kBool));
    const float *sx = sxs.data_ptr<float>(), *sy = sys.data_ptr<float>();
    float *dirs = v.dirs.data_ptr<float>(), *nearest = v.nearest.data_ptr<float>(), *depth = v.depth.data_ptr<float>();
    float *position = v.position.data_ptr<float>(), *normal = v.normal.data_ptr<float>(), *origins = v.origins.data_ptr<float>();
    std::int64_t *kind = v.kind.data_ptr<std::int64_t>();
    bool *shadowed = v.shadowed.data_ptr<bool>();
    // Every step in the tensor version's order and precision (constants rounded to float).
    const float fwd[3] = {float(b.forward.x), float(b.forward.y), float(b.forward.z)};
    const float right[3] = {float(b.right.x), float(b.right.y), float(b.right.z)};
    const float up[3] = {float(b.up.x), float(b.up.y), float(b.up.z)};
    const float eye[3] = {float(eyePosition.x), float(eyePosition.y), float(eyePosition.z)};
    const float L[3] = {float(look.toLight.x), float(look.toLight.y), float(look.toLight.z)};
    const float tanF = float(tanHalf);
    const RoomBox room = roomFor(look);
    const float wallX = float(room.halfWidth), wallFront = float(room.front), wallBack = float(room.back);
    const float toCeiling = float(room.ceiling - eyePosition.y);
    const bool ground = look.hasGround && eyePosition.y > 0;
    const float dropY = float(-eyePosition.y);
    auto safe = [](float x) { return x >= 0 ? std::max(x, 1e-9f) : std::min(x, -1e-9f); };
    for (std::int64_t y = 0; y < height; ++y) {
        const float rowY = sy[y] * tanF;
        const float ry[3] = {rowY * up[0], rowY * up[1], rowY * up[2]};
        for (std::int64_t x = 0; x < width; ++x) {
            const std::int64_t i = y * width + x;
            const float colX = sx[x] * tanF;
            float d[3];
            for (int k = 0; k < 3; ++k)
                d[k] = (fwd[k] + colX * right[k]) + ry[k];
            const float inv = 1.0f / std::sqrt(std::max(d[0] * d[0] + d[1] * d[1] + d[2] * d[2], 1e-18f));
            for (int k = 0; k < 3; ++k)
                dirs[3 * i + k] = d[k] = d[k] * inv;
            float wall = kInf;
            if (look.indoor) {
                const float tx = ((d[0] >= 0 ? wallX : -wallX) - eye[0]) / safe(d[0]);
                const float tz = ((d[2] >= 0 ? wallFront : wallBack) - eye[2]) / safe(d[2]);
                const float ty = d[1] > 0 ? toCeiling / safe(d[1]) : kInf;
                const float t = std::min(std::min(tx, tz), ty);
                wall = t > 0 ? t : kInf;
            }
            float groundT = kInf;
            if (ground) {
                const float t = dropY / std::min(d[1], -1e-6f);
                groundT = d[1] < -1e-6f && t < 400 ? t : kInf;
            }
            nearest[i] = std::min(groundT, wall);
            const bool isGround = groundT < wall && std::isfinite(groundT);
            kind[i] = isGround ? 1 : 0;
            const float z = depth[i] = std::min(groundT, std::min(wall, 1e4f));
            const float g = isGround ? 1.0f : 0.0f;
            const float lift = 1e-3f + z * 2e-4f;
            float n[3];
            for (int k = 0; k < 3; ++k) {
                const float p = position[3 * i + k] = eye[k] + d[k] * z;
                n[k] = normal[3 * i + k] = -d[k] + (float(k == 1) + d[k]) * g;
                origins[3 * i + k] = p + n[k] * lift;
            }
            shadowed[i] = isGround && n[0] * L[0] + n[1] * L[1] + n[2] * L[2] > 0;
        }
    }
    return v;
}

namespace {

inline float sign(float x) { return float(x > 0) - float(x < 0); }

// The outward normal, in the primitive's frame, at @p l on a primitive of @p shape and @p size.
void localNormal(Shape shape, const float *size, const float *l, float *n)
{
    switch (shape) {
    case Shape::Box: { // the face whose slab the point is furthest through
        int axis = 0;
        float most = -1;
        for (int k = 0; k < 3; ++k) {
            const float ratio = std::abs(l[k]) / std::max(size[k], 1e-6f);
            if (ratio > most)
                most = ratio, axis = k;
        }
        n[0] = n[1] = n[2] = 0;
        n[axis] = sign(l[axis]);
        return;
    }
    case Shape::Capsule: { // away from the nearest point of the core segment
        const float hl = size[1];
        n[0] = l[0], n[1] = l[1] - std::min(std::max(l[1], -hl), hl), n[2] = l[2];
        return;
    }
    case Shape::Cylinder: {
        const float radial = std::sqrt(l[0] * l[0] + l[2] * l[2]);
        const bool onCap = std::abs(std::abs(l[1]) - size[1]) < std::abs(radial - size[0]);
        n[0] = onCap ? 0 : l[0], n[1] = onCap ? sign(l[1]) : 0, n[2] = onCap ? 0 : l[2];
        return;
    }
    default: // sphere
        n[0] = l[0], n[1] = l[1], n[2] = l[2];
    }
}

} // namespace

void writeHitsLoops(GBuffer &g, Tensor &origins, Tensor &valid, const Look &look, const PrimitiveTable &table,
                    const Hits &hits, const Tensor &maskIn, const Tensor &rowsIn)
{
    const Tensor mask = maskIn.to(torch::kBool).contiguous();
    const bool *m = mask.data_ptr<bool>();
    const std::int64_t count = mask.numel();
    if (!std::any_of(m, m + count, [](bool b) { return b; }))
        return;
    // Fresh copies: the G-buffer may share its tensors with a camera's cached set.
    g.kind = g.kind.contiguous().clone(), g.depth = g.depth.contiguous().clone(), g.id = g.id.contiguous().clone();
    g.position = g.position.contiguous().clone(), g.normal = g.normal.contiguous().clone();
    g.local = g.local.contiguous().clone();
    origins = origins.contiguous().clone(), valid = valid.to(torch::kBool).contiguous().clone();
    std::int64_t *kind = g.kind.data_ptr<std::int64_t>(), *ids = g.id.data_ptr<std::int64_t>();
    float *depth = g.depth.data_ptr<float>(), *position = g.position.data_ptr<float>();
    float *normal = g.normal.data_ptr<float>(), *local = g.local.data_ptr<float>(), *origin = origins.data_ptr<float>();
    bool *facing = valid.data_ptr<bool>();
    const Tensor dirT = g.dir.contiguous(), hitT = hits.t.contiguous(), hitId = hits.id.contiguous();
    const Tensor centerT = table.center.contiguous(), axesT = table.axes.contiguous(), sizeT = table.size.contiguous();
    const Tensor shapeT = table.shape.contiguous();
    const Tensor rowsT = rowsIn.defined() ? rowsIn.contiguous() : Tensor();
    const float *dir = dirT.data_ptr<float>(), *t = hitT.data_ptr<float>();
    const std::int64_t *hitRow = hitId.data_ptr<std::int64_t>(), *shape = shapeT.data_ptr<std::int64_t>();
    const std::int64_t *rows = rowsT.defined() ? rowsT.data_ptr<std::int64_t>() : nullptr;
    const float *center = centerT.data_ptr<float>(), *axes = axesT.data_ptr<float>(), *size = sizeT.data_ptr<float>();
    const float eye[3] = {float(g.eye.x), float(g.eye.y), float(g.eye.z)};
    const float L[3] = {float(look.toLight.x), float(look.toLight.y), float(look.toLight.z)};
    for (std::int64_t i = 0; i < count; ++i) {
        if (!m[i])
            continue;
        const std::int64_t row = hitRow[i];
        if (row < 0 || row >= table.count)
            continue; // no primitive along this ray
        const float *R = axes + 9 * row, *c = center + 3 * row;
        float p[3], rel[3], l[3], n[3], w[3];
        for (int k = 0; k < 3; ++k) {
            p[k] = eye[k] + dir[3 * i + k] * t[i];
            rel[k] = p[k] - c[k];
        }
        for (int j = 0; j < 3; ++j) // local_j = sum_i rel_i R_ij
            l[j] = rel[0] * R[j] + rel[1] * R[3 + j] + rel[2] * R[6 + j];
        localNormal(Shape(shape[row]), size + 3 * row, l, n);
        const float inv = 1.0f / std::sqrt(std::max(n[0] * n[0] + n[1] * n[1] + n[2] * n[2], 1e-18f));
        for (int k = 0; k < 3; ++k)
            n[k] *= inv;
        for (int k = 0; k < 3; ++k) // world_k = sum_j R_kj n_j
            w[k] = R[3 * k] * n[0] + R[3 * k + 1] * n[1] + R[3 * k + 2] * n[2];
        const float lift = 1e-3f + t[i] * 2e-4f;
        kind[i] = 2, depth[i] = t[i], ids[i] = rows ? rows[row] : row;
        for (int k = 0; k < 3; ++k) {
            position[3 * i + k] = p[k], normal[3 * i + k] = w[k], local[3 * i + k] = l[k];
            origin[3 * i + k] = p[k] + w[k] * lift;
        }
        facing[i] = w[0] * L[0] + w[1] * L[1] + w[2] * L[2] > 0;
    }
}

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
                if (!(hash01(cx, cy, saltBits(seed + 141 + layer)) > 0.4f))
                    continue;
                const float fx = (0.2f + 0.6f * hash01(cx, cy, saltBits(seed + 111 + layer))) * cell;
                const float fy = (0.2f + 0.6f * hash01(cx, cy, saltBits(seed + 121 + layer))) * cell;
                const float dx = fract(x / cell) * cell - fx, dy = fract(y / cell) * cell - fy;
                const float radius = float(1.1 + layer * 1.2) + hash01(cx, cy, saltBits(seed + 131 + layer));
                const float flake = smoothstep(0, 1, radius - std::sqrt(dx * dx + dy * dy)) * 0.9f * snow;
                for (int k = 0; k < 3; ++k)
                    c[k] += (snowColor[k] - c[k]) * flake;
            }
        }
    }
    return out;
}

KINORA_WIDE_LOOPS Tensor shadowMapBlockedLoops(const ShadowMap &m, const Tensor &originsIn, const Tensor &validIn)
{
    const Tensor originsT = originsIn.contiguous(), validT = validIn.to(torch::kBool).contiguous();
    const Tensor heightT = m.height.contiguous();
    const std::int64_t count = validT.numel();
    Tensor out = torch::empty({count}, validT.options());
    const float *origin = originsT.data_ptr<float>(), *height = heightT.data_ptr<float>();
    const bool *valid = validT.data_ptr<bool>();
    bool *blocked = out.data_ptr<bool>();
    const float e1[3] = {float(m.e1.x), float(m.e1.y), float(m.e1.z)}, e2[3] = {float(m.e2.x), float(m.e2.y), float(m.e2.z)};
    const float L[3] = {float(m.toLight.x), float(m.toLight.y), float(m.toLight.z)};
    const float u0 = float(m.u0), v0 = float(m.v0), texel = float(m.texel), bias = float(m.bias), size = float(m.size);
    for (std::int64_t i = 0; i < count; ++i) {
        const float *p = origin + 3 * i;
        const float u = std::floor((p[0] * e1[0] + p[1] * e1[1] + p[2] * e1[2] - u0) / texel);
        const float v = std::floor((p[0] * e2[0] + p[1] * e2[1] + p[2] * e2[2] - v0) / texel);
        const bool inside = valid[i] && u >= 0 && u < size && v >= 0 && v < size;
        const std::int64_t at = inside ? std::int64_t(v) * m.size + std::int64_t(u) : 0;
        blocked[i] = inside && p[0] * L[0] + p[1] * L[1] + p[2] * L[2] < height[at] - bias;
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
