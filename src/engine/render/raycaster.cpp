// Ray casting for the renderer: analytic sphere, oriented box, capsule and cylinder hits, batched
// over (tile, primitive) pairs that survive a bounding-sphere cull, reduced with one scatter-min.
#include "engine/render/renderkernels.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kinora::engine::render {
namespace {

constexpr float kEps = 1e-4f;
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr std::int64_t kIdBits = 20; ///< primitive ids packed under the distance bits
constexpr std::int64_t kPairChunk = 4096;

using Shape = Primitive::Shape;

double boundOf(const Primitive &p)
{
    switch (p.shape) {
    case Shape::Sphere: return p.size.x;
    case Shape::Box: return std::sqrt(p.size.x * p.size.x + p.size.y * p.size.y + p.size.z * p.size.z);
    case Shape::Capsule: return p.size.x + p.size.y;
    case Shape::Cylinder: return std::sqrt(p.size.x * p.size.x + p.size.y * p.size.y);
    case Shape::Invalid: break;
    }
    return 0;
}

double shineOf(const QString &material)
{
    if (material == QLatin1String("metal") || material == QLatin1String("glass"))
        return 0.9;
    if (material == QLatin1String("plastic") || material == QLatin1String("ceramic")
        || material == QLatin1String("leather") || material == QLatin1String("rubber"))
        return 0.45;
    if (material == QLatin1String("fabric") || material == QLatin1String("fur")
        || material == QLatin1String("paper"))
        return 0.05;
    return 0.2;
}


// Sphere of radius r [K,1] at the local origin; o, d [K,S,3]. Nearest t beyond kEps or +inf.
Tensor sphereT(const Tensor &o, const Tensor &d, const Tensor &r)
{
    const Tensor b = dot3(o, d);
    const Tensor disc = b * b - (dot3(o, o) - r * r);
    const Tensor sq = disc.clamp_min(0).sqrt();
    const Tensor t0 = -b - sq, t1 = -b + sq;
    const Tensor t = torch::where(t0 > kEps, t0, t1);
    return torch::where((disc >= 0) & (t > kEps), t, torch::full_like(t, kInf));
}

// Open cylinder side around local y, radius r, |y| <= hl.
Tensor cylinderSideT(const Tensor &o, const Tensor &d, const Tensor &r, const Tensor &hl)
{
    const Tensor ox = o.select(-1, 0), oy = o.select(-1, 1), oz = o.select(-1, 2);
    const Tensor dx = d.select(-1, 0), dy = d.select(-1, 1), dz = d.select(-1, 2);
    const Tensor a = (dx * dx + dz * dz).clamp_min(1e-12);
    const Tensor b = ox * dx + oz * dz;
    const Tensor disc = b * b - a * (ox * ox + oz * oz - r * r);
    const Tensor sq = disc.clamp_min(0).sqrt();
    const Tensor inf = torch::full_like(b, kInf);
    Tensor best = inf;
    for (const Tensor &t : {(-b + sq) / a, (-b - sq) / a}) {
        const Tensor ok = (disc >= 0) & (t > kEps) & ((oy + t * dy).abs() <= hl);
        best = torch::where(ok, torch::minimum(best, t), best);
    }
    return best;
}

Tensor cylinderT(const Tensor &o, const Tensor &d, const Tensor &size)
{
    const Tensor r = size.select(-1, 0).unsqueeze(1), hl = size.select(-1, 1).unsqueeze(1);
    Tensor best = cylinderSideT(o, d, r, hl);
    const Tensor oy = o.select(-1, 1), dy = d.select(-1, 1);
    const Tensor safeDy = torch::where(dy >= 0, dy.clamp_min(1e-9), dy.clamp_max(-1e-9));
    for (const Tensor &cap : {hl, -hl}) {
        const Tensor t = (cap - oy) / safeDy;
        const Tensor x = o.select(-1, 0) + t * d.select(-1, 0);
        const Tensor z = o.select(-1, 2) + t * d.select(-1, 2);
        const Tensor ok = (t > kEps) & (x * x + z * z <= r * r);
        best = torch::where(ok, torch::minimum(best, t), best);
    }
    return best;
}

Tensor capsuleT(const Tensor &o, const Tensor &d, const Tensor &size)
{
    const Tensor r = size.select(-1, 0).unsqueeze(1), hl = size.select(-1, 1).unsqueeze(1);
    Tensor best = cylinderSideT(o, d, r, hl);
    const Tensor up = torch::zeros_like(size);
    up.select(-1, 1).copy_(size.select(-1, 1));
    best = torch::minimum(best, sphereT(o - up.unsqueeze(1), d, r));
    best = torch::minimum(best, sphereT(o + up.unsqueeze(1), d, r));
    return best;
}

Tensor boxT(const Tensor &o, const Tensor &d, const Tensor &size)
{
    const Tensor h = size.unsqueeze(1);
    const Tensor inv = 1.0 / torch::where(d >= 0, d.clamp_min(1e-9), d.clamp_max(-1e-9));
    const Tensor t1 = (-h - o) * inv, t2 = (h - o) * inv;
    const Tensor tmin = torch::minimum(t1, t2).amax(-1);
    const Tensor tmax = torch::maximum(t1, t2).amin(-1);
    const Tensor t = torch::where(tmin > kEps, tmin, tmax);
    return torch::where((tmax >= tmin) & (t > kEps), t, torch::full_like(t, kInf));
}

// v [k,S,3] (or broadcastable) into the frames R [k,3,3]: local_j = sum_i v_i R_ij. Three
// broadcast multiply-adds: bmm of 3x3 matrices is dominated by per-matrix call overhead.
Tensor toLocal(const Tensor &v, const Tensor &R)
{
    auto row = [&](int i) { return R.select(1, i).unsqueeze(1); }; // [k,1,3]
    auto part = [&](int i) { return v.select(-1, i).unsqueeze(-1); };
    Tensor local = part(0) * row(0);
    local.addcmul_(part(1), row(1));
    local.addcmul_(part(2), row(2));
    return local;
}

// v [M,3] into the frames R [M,3,3] (one per row): local_j = sum_i v_i R_ij.
Tensor rowsToLocal(const Tensor &v, const Tensor &R)
{
    Tensor local = R.select(1, 0) * v.select(1, 0).unsqueeze(1);
    local.addcmul_(R.select(1, 1), v.select(1, 1).unsqueeze(1));
    local.addcmul_(R.select(1, 2), v.select(1, 2).unsqueeze(1));
    return local;
}

// Nearest hit per ray over the (tile, primitive) pairs. O and D are [T,S,3] or [1,1,3] (shared).
// Distance and id are packed into one int64 key (positive float bits keep their order), so a
// single scatter-min picks the nearest hit and breaks ties by the lower id, deterministically.
Hits nearestOverPairs(const PrimitiveTable &table, const Tensor &O, const Tensor &D,
                      const Tensor &pairs, std::int64_t tiles, std::int64_t perTile)
{
    const auto device = table.center.device();
    const std::int64_t total = tiles * perTile;
    const std::int64_t none = (std::int64_t(0x7f800000) << kIdBits) | ((1 << kIdBits) - 1);
    Tensor keys = torch::full({total}, none, torch::TensorOptions().dtype(torch::kInt64).device(device));
    const Tensor lane = torch::arange(perTile, keys.options());
    for (std::int64_t start = 0; start < pairs.size(0); start += kPairChunk) {
        const Tensor chunk = pairs.slice(0, start, std::min(start + kPairChunk, pairs.size(0)));
        const Tensor tileIdx = chunk.select(1, 0), primIdx = chunk.select(1, 1);
        const std::int64_t k = chunk.size(0);
        // A shared origin (camera) or direction (light) stays [k,1,3] in the local frame and is
        // broadcast by the hit tests, instead of being expanded to every pixel of the tile.
        const Tensor Ok = O.size(0) == 1 ? O : O.index_select(0, tileIdx);
        const Tensor Dk = D.size(0) == 1 ? D : D.index_select(0, tileIdx);
        const Tensor R = table.axes.index_select(0, primIdx);
        const Tensor ol = toLocal(Ok - table.center.index_select(0, primIdx).unsqueeze(1), R);
        const Tensor dl = toLocal(Dk, R);
        const Tensor shapes = table.shape.index_select(0, primIdx);
        Tensor t = torch::full({k, perTile}, kInf, ol.options());
        for (Shape shape : {Shape::Sphere, Shape::Box, Shape::Capsule, Shape::Cylinder}) {
            const Tensor sel = (shapes == std::int64_t(shape)).nonzero().squeeze(1);
            if (sel.numel() == 0)
                continue;
            const Tensor o = ol.index_select(0, sel), d = dl.index_select(0, sel);
            const Tensor size = table.size.index_select(0, primIdx.index_select(0, sel));
            Tensor ts;
            switch (shape) {
            case Shape::Sphere: ts = sphereT(o, d, size.select(1, 0).unsqueeze(1)); break;
            case Shape::Box: ts = boxT(o, d, size); break;
            case Shape::Capsule: ts = capsuleT(o, d, size); break;
            default: ts = cylinderT(o, d, size); break;
            }
            t.index_copy_(0, sel, ts);
        }
        const Tensor bits = t.contiguous().view(torch::kInt32).to(torch::kInt64);
        const Tensor key = bits.__lshift__(kIdBits) | primIdx.unsqueeze(1);
        const Tensor flat = (tileIdx * perTile).unsqueeze(1) + lane.unsqueeze(0);
        keys.scatter_reduce_(0, flat.reshape(-1), key.reshape(-1), "amin", true);
    }
    Hits hits;
    hits.t = keys.__rshift__(kIdBits).to(torch::kInt32).view(torch::kFloat32);
    const Tensor id = keys & ((1 << kIdBits) - 1);
    hits.id = torch::where(torch::isinf(hits.t), torch::full_like(id, -1), id);
    return hits;
}

} // namespace

// v [M,3] from the frames R [M,3,3] to the world: world_i = sum_j R_ij v_j.
Tensor toWorld(const Tensor &v, const Tensor &R)
{
    Tensor world = R.select(2, 0) * v.select(1, 0).unsqueeze(1);
    world.addcmul_(R.select(2, 1), v.select(1, 1).unsqueeze(1));
    world.addcmul_(R.select(2, 2), v.select(1, 2).unsqueeze(1));
    return world;
}

bool isRenderable(const Primitive &p)
{
    return p.shape != Shape::Invalid && p.size.x > 0 && (p.shape != Shape::Box || (p.size.y > 0 && p.size.z > 0));
}

PrimitiveTable subsetTable(const PrimitiveTable &table, const Tensor &rows)
{
    // The source's dummy row (index count) goes last again.
    const Tensor withDummy = torch::cat({rows, torch::full({1}, std::int64_t(table.count), rows.options())});
    PrimitiveTable t;
    t.count = int(rows.size(0));
    t.center = table.center.index_select(0, withDummy);
    t.axes = table.axes.index_select(0, withDummy);
    t.size = table.size.index_select(0, withDummy);
    t.color = table.color.index_select(0, withDummy);
    t.shape = table.shape.index_select(0, withDummy);
    t.part = table.part.index_select(0, withDummy);
    t.mouth = table.mouth.index_select(0, withDummy);
    t.shine = table.shine.index_select(0, withDummy);
    t.bound = table.bound.index_select(0, rows);
    return t;
}

PrimitiveTable makePrimitiveTable(const QList<Primitive> &primitives, const torch::Device &device)
{
    std::vector<float> center, axes, size, color, mouth, shine, bound;
    std::vector<std::int64_t> shape, part;
    auto push3 = [](std::vector<float> &v, double a, double b, double c) {
        v.push_back(float(a)), v.push_back(float(b)), v.push_back(float(c));
    };
    for (const Primitive &p : primitives) {
        if (!isRenderable(p))
            continue;
        push3(center, p.center.x, p.center.y, p.center.z);
        double w = p.orientation.w, x = p.orientation.x, y = p.orientation.y, z = p.orientation.z;
        const double n = std::sqrt(w * w + x * x + y * y + z * z);
        if (n < 1e-12)
            w = 1, x = y = z = 0;
        else
            w /= n, x /= n, y /= n, z /= n;
        push3(axes, 1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y));
        push3(axes, 2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x));
        push3(axes, 2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y));
        push3(size, p.size.x, std::max(0.0, p.size.y), std::max(0.0, p.size.z));
        push3(color, p.color.x, p.color.y, p.color.z);
        shape.push_back(std::int64_t(p.shape));
        part.push_back(std::int64_t(p.part));
        mouth.push_back(float(std::clamp(p.mouthOpen, 0.0, 1.0)));
        shine.push_back(float(shineOf(p.material)));
        bound.push_back(float(boundOf(p)));
    }
    PrimitiveTable table;
    table.count = int(shape.size());
    // The dummy row: unit sphere at the origin, never selected by a cull.
    push3(center, 0, 0, 0);
    push3(axes, 1, 0, 0), push3(axes, 0, 1, 0), push3(axes, 0, 0, 1);
    push3(size, 1, 1, 1), push3(color, 0, 0, 0);
    shape.push_back(0), part.push_back(0), mouth.push_back(0), shine.push_back(0);
    const std::int64_t rows = table.count + 1;
    auto floats = [&](std::vector<float> &v, std::vector<std::int64_t> dims) {
        return torch::from_blob(v.data(), dims, torch::kFloat32).clone().to(device);
    };
    table.center = floats(center, {rows, 3});
    table.axes = floats(axes, {rows, 3, 3});
    table.size = floats(size, {rows, 3});
    table.color = floats(color, {rows, 3});
    table.mouth = floats(mouth, {rows});
    table.shine = floats(shine, {rows});
    table.bound = floats(bound, {std::int64_t(table.count)});
    table.shape = torch::from_blob(shape.data(), {rows}, torch::kInt64).clone().to(device);
    table.part = torch::from_blob(part.data(), {rows}, torch::kInt64).clone().to(device);
    return table;
}

QList<Primitive> blendPrimitives(const QList<Primitive> &a, const QList<Primitive> &b, double u)
{
    if (a.size() != b.size())
        return a;
    QList<Primitive> out = a;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].shape != b[i].shape || a[i].entity != b[i].entity)
            return a;
        Primitive &p = out[i];
        p.center.x += (b[i].center.x - a[i].center.x) * u;
        p.center.y += (b[i].center.y - a[i].center.y) * u;
        p.center.z += (b[i].center.z - a[i].center.z) * u;
        // Normalised lerp along the shorter arc is close enough to slerp for sub-frame steps.
        const Quat &q0 = a[i].orientation;
        Quat q1 = b[i].orientation;
        if (q0.w * q1.w + q0.x * q1.x + q0.y * q1.y + q0.z * q1.z < 0)
            q1 = {-q1.w, -q1.x, -q1.y, -q1.z};
        p.orientation = {q0.w + (q1.w - q0.w) * u, q0.x + (q1.x - q0.x) * u,
                         q0.y + (q1.y - q0.y) * u, q0.z + (q1.z - q0.z) * u};
    }
    return out;
}

Tensor toTiles(const Tensor &image)
{
    const std::int64_t h = image.size(0), w = image.size(1), c = image.size(2);
    return image.reshape({h / kTile, kTile, w / kTile, kTile, c})
        .permute({0, 2, 1, 3, 4})
        .reshape({(h / kTile) * (w / kTile), kTile * kTile, c});
}

Tensor fromTiles(const Tensor &tiles, int height, int width)
{
    const std::int64_t c = tiles.size(2);
    return tiles.reshape({height / kTile, width / kTile, kTile, kTile, c})
        .permute({0, 2, 1, 3, 4})
        .reshape({height, width, c});
}

Hits castPrimary(const PrimitiveTable &table, const Tensor &eye, const Tensor &dirs, KernelPath path)
{
    if (path == KernelPath::Auto && dirs.is_cpu())
        return castPrimaryLoops(table, eye, dirs);
    const int height = int(dirs.size(0)), width = int(dirs.size(1));
    const Tensor dirTiles = toTiles(dirs);
    const std::int64_t tiles = dirTiles.size(0), perTile = dirTiles.size(1);
    Tensor pairs = torch::zeros({0, 2}, table.shape.options());
    if (table.count > 0) {
        // Cone per tile (centre ray, half angle incl. half a pixel) against each primitive's
        // bounding sphere seen from the eye; an eye inside a bound overlaps every tile.
        const Tensor centre = torch::nn::functional::normalize(
            dirTiles.mean(1), torch::nn::functional::NormalizeFuncOptions().dim(1));
        const Tensor spread = dot3(dirTiles, centre.unsqueeze(1)).amin(1).clamp(-1, 1).acos();
        const Tensor pixel = dot3(dirs[0][0], dirs[0][1]).clamp(-1, 1).acos();
        const Tensor half = spread + pixel;
        const Tensor v = table.center.slice(0, 0, table.count) - eye;
        const Tensor dist = length3(v);
        const Tensor vhat = v / dist.clamp_min(1e-6).unsqueeze(1);
        Tensor beta = (table.bound / dist.clamp_min(1e-6)).clamp_max(1).asin();
        beta = torch::where(table.bound >= dist, torch::full_like(beta, M_PI), beta);
        const Tensor limit = (half.unsqueeze(1) + beta.unsqueeze(0)).clamp_max(M_PI).cos();
        pairs = (centre.matmul(vhat.t()) >= limit).nonzero();
    }
    Hits hits = nearestOverPairs(table, eye.reshape({1, 1, 3}), dirTiles, pairs, tiles, perTile);
    hits.t = fromTiles(hits.t.reshape({tiles, perTile, 1}), height, width).reshape(-1);
    hits.id = fromTiles(hits.id.reshape({tiles, perTile, 1}), height, width).reshape(-1);
    return hits;
}

namespace {

// Light-space frame for parallel rays along @p L (unit): e1, e2 across the beam, L along it.
void beamFrame(const Vec3 &L, Vec3 &e1, Vec3 &e2)
{
    e1 = std::abs(L.y) < 0.9 ? Vec3{L.z, 0, -L.x} : Vec3{1, 0, 0};
    const double n1 = std::sqrt(e1.x * e1.x + e1.y * e1.y + e1.z * e1.z);
    e1 = {e1.x / n1, e1.y / n1, e1.z / n1};
    e2 = {L.y * e1.z - L.z * e1.y, L.z * e1.x - L.x * e1.z, L.x * e1.y - L.y * e1.x};
}

// Nearest hit of parallel rays from @p origins [H,W,3] (where @p valid [H,W]) along @p direction.
Hits castParallel(const PrimitiveTable &table, const Tensor &origins, const Tensor &valid, const Vec3 &direction,
                  KernelPath path)
{
    const int height = int(origins.size(0)), width = int(origins.size(1));
    const auto opts = origins.options();
    // A primitive can be hit from a tile only where its disc across the beam overlaps the tile's
    // footprint and it lies ahead of the tile along the beam.
    const Vec3 L = direction;
    Vec3 e1, e2;
    beamFrame(L, e1, e2);
    if (path == KernelPath::Auto && origins.is_cpu())
        return castParallelLoops(table, origins, valid, L, e1, e2);
    const Tensor frame = torch::tensor({float(e1.x), float(e1.y), float(e1.z), float(e2.x), float(e2.y),
                                        float(e2.z), float(L.x), float(L.y), float(L.z)}, opts).reshape({3, 3});
    const Tensor originTiles = toTiles(origins);
    const Tensor validTiles = toTiles(valid.unsqueeze(2)).squeeze(2);
    const std::int64_t tiles = originTiles.size(0), perTile = originTiles.size(1);
    const Tensor proj = originTiles.matmul(frame.t());
    const Tensor big = torch::full({}, 1e9f, opts);
    auto lo = [&](int c) { return torch::where(validTiles, proj.select(2, c), big).amin(1); };
    auto hi = [&](int c) { return torch::where(validTiles, proj.select(2, c), -big).amax(1); };
    const Tensor pc = table.center.slice(0, 0, table.count).matmul(frame.t());
    auto gap = [&](int c) {
        const Tensor p = pc.select(1, c).unsqueeze(0);
        return torch::maximum(lo(c).unsqueeze(1) - p, p - hi(c).unsqueeze(1)).clamp_min(0);
    };
    const Tensor dx = gap(0), dy = gap(1);
    const Tensor r = table.bound.unsqueeze(0);
    const Tensor ahead = (pc.select(1, 2) + table.bound).unsqueeze(0) > lo(2).unsqueeze(1);
    const Tensor overlap = (dx * dx + dy * dy <= r * r) & ahead & validTiles.any(1).unsqueeze(1);
    const Tensor dir = frame[2].reshape({1, 1, 3});
    Hits hits = nearestOverPairs(table, originTiles.contiguous(), dir, overlap.nonzero(), tiles, perTile);
    hits.t = fromTiles(hits.t.reshape({tiles, perTile, 1}), height, width).reshape(-1);
    hits.id = fromTiles(hits.id.reshape({tiles, perTile, 1}), height, width).reshape(-1);
    return hits;
}

} // namespace

Tensor castShadow(const PrimitiveTable &table, const Tensor &origins, const Tensor &valid,
                  const Vec3 &toLight, KernelPath path)
{
    if (table.count == 0)
        return torch::zeros({origins.size(0) * origins.size(1)}, origins.options().dtype(torch::kBool));
    return (castParallel(table, origins, valid, toLight, path).id >= 0) & valid.reshape(-1);
}

ShadowMap makeShadowMap(const PrimitiveTable &casters, const Vec3 &toLight)
{
    ShadowMap m;
    m.toLight = toLight;
    beamFrame(toLight, m.e1, m.e2);
    if (casters.count == 0)
        return m;
    const auto o = casters.center.options();
    // The casters' discs across the beam bound the map; it starts above the highest of them.
    const Tensor frame = torch::tensor({float(m.e1.x), float(m.e1.y), float(m.e1.z), float(m.e2.x), float(m.e2.y),
                                        float(m.e2.z), float(toLight.x), float(toLight.y), float(toLight.z)}, o).reshape({3, 3});
    const Tensor pc = casters.center.slice(0, 0, casters.count).matmul(frame.t()).to(torch::kCPU);
    const Tensor bound = casters.bound.to(torch::kCPU);
    const double u0 = (pc.select(1, 0) - bound).min().item<double>(), u1 = (pc.select(1, 0) + bound).max().item<double>();
    const double v0 = (pc.select(1, 1) - bound).min().item<double>(), v1 = (pc.select(1, 1) + bound).max().item<double>();
    const double top = (pc.select(1, 2) + bound).max().item<double>() + 1;
    const double extent = std::max({u1 - u0, v1 - v0, 0.1});
    m.size = int(std::clamp(std::ceil(extent / kShadowTexel / kTile) * kTile, double(kTile), double(kShadowMapMax)));
    m.texel = extent / m.size;
    m.u0 = u0, m.v0 = v0;
    m.bias = 2 * m.texel + 0.01;
    // One ray per texel centre, from the plane above the casters down the beam.
    const Tensor i = (torch::arange(m.size, o) + 0.5) * m.texel;
    const Tensor u = (u0 + i).reshape({1, m.size, 1}), v = (v0 + i).reshape({m.size, 1, 1});
    const Tensor origins = u * frame[0] + v * frame[1] + top * frame[2];
    const Hits hits = castParallel(casters, origins, torch::ones({m.size, m.size}, o.dtype(torch::kBool)),
                                   {-toLight.x, -toLight.y, -toLight.z}, KernelPath::Auto);
    m.height = torch::where(hits.id >= 0, top - hits.t, torch::full_like(hits.t, -std::numeric_limits<float>::infinity()));
    return m;
}

Tensor shadowMapBlocked(const ShadowMap &m, const Tensor &origins, const Tensor &valid, KernelPath path)
{
    if (!m.height.defined())
        return torch::zeros_like(valid);
    if (path == KernelPath::Auto && origins.is_cpu())
        return shadowMapBlockedLoops(m, origins, valid);
    const auto o = origins.options();
    const Tensor u = ((dot3(origins, vec3(m.e1, o)) - m.u0) / m.texel).floor();
    const Tensor v = ((dot3(origins, vec3(m.e2, o)) - m.v0) / m.texel).floor();
    const Tensor inside = (u >= 0) & (u < m.size) & (v >= 0) & (v < m.size) & valid;
    const Tensor texel = (v.clamp(0, m.size - 1) * m.size + u.clamp(0, m.size - 1)).to(torch::kInt64);
    return inside & (dot3(origins, vec3(m.toLight, o)) < m.height.index_select(0, texel) - m.bias);
}

Surface surfaceAt(const PrimitiveTable &table, const Tensor &positions, const Tensor &ids)
{
    const Tensor idx = torch::where(ids >= 0, ids, torch::full_like(ids, table.count));
    const Tensor R = table.axes.index_select(0, idx);    // [M,3,3]
    const Tensor size = table.size.index_select(0, idx); // [M,3]
    const Tensor shape = table.shape.index_select(0, idx).unsqueeze(1);
    const Tensor rel = positions - table.center.index_select(0, idx);
    const Tensor local = rowsToLocal(rel, R); // local_j = sum_i rel_i R_ij
    const Tensor x = local.select(1, 0), y = local.select(1, 1), z = local.select(1, 2);
    const Tensor r = size.select(1, 0), hl = size.select(1, 1);

    const Tensor ratio = local.abs() / size.clamp_min(1e-6);
    const Tensor boxN = torch::one_hot(ratio.argmax(1), 3).to(local.scalar_type()) * local.sign();
    const Tensor clampedY = torch::minimum(torch::maximum(y, -hl), hl);
    const Tensor capsuleN = torch::stack({x, y - clampedY, z}, 1);
    const Tensor radial = (x * x + z * z).sqrt();
    const Tensor onCap = ((y.abs() - hl).abs() < (radial - r).abs()).unsqueeze(1);
    const Tensor cylN = torch::where(onCap, torch::stack({torch::zeros_like(y), y.sign(), torch::zeros_like(y)}, 1),
                                     torch::stack({x, torch::zeros_like(y), z}, 1));
    Tensor n = torch::where(shape == std::int64_t(Shape::Box), boxN, local);
    n = torch::where(shape == std::int64_t(Shape::Capsule), capsuleN, n);
    n = torch::where(shape == std::int64_t(Shape::Cylinder), cylN, n);
    n = normalized3(n);
    Surface s;
    s.normal = toWorld(n, R); // world_i = sum_j R_ij n_j
    s.local = local;
    return s;
}

} // namespace kinora::engine::render
