// The renderer's geometry kernels as loops over CPU tensors' memory, without the whole-array
// temporaries of their tensor versions (which stay the path for other devices and the reference
// tst_render_kernels holds these to):
// - ray casting: the same tile culls and analytic hit tests as raycaster.cpp; a tile's 256 rays
//   are tested against one primitive at a time in short loops the compiler vectorises;
// - the bare set a camera pose sees (rays, ground, walls), in one pass over the pixels;
// - primitive hits into the G-buffer: surface normals and local coordinates, shadow-ray origins;
// - the shadow map's look-ups.
#include "engine/render/renderkernels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

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

} // namespace kinora::engine::render
