// Environment kernels: procedural ground materials, skies, indoor walls, stars and open water,
// plus the integer-hash noise every pass uses (no RNG state, so frames are reproducible anywhere).
#include "engine/render/renderkernels.h"

#include <cmath>

namespace kinora::engine::render {
namespace {

using torch::indexing::Slice;

Tensor rgb(float r, float g, float b, const torch::TensorOptions &o) { return torch::tensor({r, g, b}, o); }
Tensor rgb(const Vec3 &c, const torch::TensorOptions &o) { return rgb(float(c.x), float(c.y), float(c.z), o); }
Tensor mix(const Tensor &a, const Tensor &b, const Tensor &t) { return a + (b - a) * t; }
Tensor col(const Tensor &v) { return v.unsqueeze(1); } ///< [M] -> [M,1] to weight colours
Tensor fract(const Tensor &x) { return x - x.floor(); }
Tensor smoothstep(double e0, double e1, const Tensor &x)
{
    const Tensor t = ((x - e0) / (e1 - e0)).clamp(0, 1);
    return t * t * (3 - 2 * t);
}
Tensor near(const Tensor &x, double width) { return (x.abs() < width).to(torch::kFloat32); }


Tensor groundGym(const Tensor &x, const Tensor &z, const torch::TensorOptions &o)
{
    const Tensor plank = (z / 0.14).floor().to(torch::kInt32);
    const Tensor shift = hashNoise(plank, torch::zeros_like(plank), 11) * 2.4;
    const Tensor board = ((x + shift) / 2.4).floor().to(torch::kInt32);
    const Tensor tone = 0.82 + 0.3 * hashNoise(plank, board, 12);
    const Tensor grain = 1 + 0.06 * torch::sin(x * 23 + 4 * valueNoise(x * 1.5, z * 9, 13));
    const Tensor seam = 1 - 0.35 * (fract(z / 0.14) < 0.05).to(torch::kFloat32)
                        - 0.3 * (fract((x + shift) / 2.4) < 0.004).to(torch::kFloat32);
    Tensor c = rgb(0.72f, 0.48f, 0.26f, o) * col(tone * grain * seam);
    const Tensor r = (x * x + z * z).sqrt();
    const Tensor line = torch::clamp(near(x, 0.04) + near(r - 1.8, 0.04) + near(x.abs() - 12, 0.05)
                                         + near(z + 7.5, 0.05), 0, 1);
    return mix(c, rgb(0.12f, 0.2f, 0.5f, o), col(line));
}

Tensor groundCourt(const Tensor &x, const Tensor &z, const torch::TensorOptions &o)
{
    const Tensor inside = ((x.abs() < 7.5) & (z.abs() < 14)).to(torch::kFloat32);
    const Tensor grit = 0.9 + 0.2 * hashNoise((x * 40).floor().to(torch::kInt32), (z * 40).floor().to(torch::kInt32), 21);
    Tensor c = mix(rgb(0.42f, 0.2f, 0.16f, o), rgb(0.16f, 0.4f, 0.36f, o), col(inside)) * col(grit);
    const Tensor r = (x * x + z * z).sqrt();
    const Tensor rk = (x * x + (z + 11).pow(2)).sqrt();
    const Tensor key = ((x.abs() < 2.45) & (z < -8.2)).to(torch::kFloat32);
    const Tensor lines = torch::clamp(near(x.abs() - 7.5, 0.05) * (z.abs() < 14).to(torch::kFloat32)
                                          + near(z.abs() - 14, 0.05) * (x.abs() < 7.5).to(torch::kFloat32)
                                          + near(z, 0.05) * inside + near(r - 1.8, 0.05)
                                          + near(rk - 1.8, 0.05) * (z > -11).to(torch::kFloat32)
                                          + key * (near(x.abs() - 2.45, 0.05) + near(z + 8.2, 0.05)),
                                      0, 1);
    return mix(c, rgb(0.92f, 0.92f, 0.9f, o), col(lines));
}

// The shore line below swings between z = -6 - 0.55 and -6 + 0.55: sand beyond it never changes.
constexpr double kStillSandZ = -6 + 0.35 + 0.2 + 0.05;

Tensor groundBeach(const Tensor &x, const Tensor &z, int frame, const torch::TensorOptions &o, Tensor *water)
{
    const Tensor ripple = 0.92 + 0.1 * valueNoise(x * 2.5, z * 6, 31) + 0.04 * torch::sin(z * 9 + x * 0.7);
    const Tensor sand = rgb(0.86f, 0.75f, 0.54f, o) * col(ripple);
    const Tensor wetSand = rgb(0.6f, 0.5f, 0.36f, o) * col(ripple);
    const Tensor shore = -6 + 0.35 * torch::sin(x * 0.8 + frame * 0.08) + 0.2 * torch::sin(x * 2.1 - frame * 0.05);
    Tensor c = mix(sand, wetSand, col(smoothstep(-3.5, -5.5, z)));
    const Tensor sea = (z < shore).to(torch::kFloat32);
    const Tensor depth = (shore - z).clamp_min(0);
    const Tensor seaColor = mix(rgb(0.12f, 0.5f, 0.52f, o), rgb(0.02f, 0.16f, 0.3f, o), col(smoothstep(0, 12, depth)));
    const Tensor foam = (depth < 0.35).to(torch::kFloat32) * sea
                        * (0.6 + 0.4 * valueNoise(x * 4 + frame * 0.1, z * 4, 32));
    c = mix(c, seaColor, col(sea));
    *water = sea * (1 - foam);
    return mix(c, rgb(0.95f, 0.96f, 0.95f, o), col(foam));
}

Tensor groundStreet(const Tensor &x, const Tensor &z, const torch::TensorOptions &o)
{
    const Tensor ax = x.abs();
    const Tensor grit = 0.85 + 0.3 * hashNoise((x * 60).floor().to(torch::kInt32), (z * 60).floor().to(torch::kInt32), 41)
                        + 0.1 * valueNoise(x * 0.7, z * 0.7, 42);
    Tensor c = rgb(0.16f, 0.16f, 0.17f, o) * col(grit);
    const Tensor dashes = near(x, 0.07) * (fract(z / 4) < 0.5).to(torch::kFloat32);
    const Tensor edges = near(ax - 3.3, 0.06);
    c = mix(c, rgb(0.9f, 0.88f, 0.8f, o), col(torch::clamp(dashes + edges, 0, 1)));
    const Tensor kerb = ((ax > 3.9) & (ax < 4.15)).to(torch::kFloat32);
    const Tensor slabSeam = torch::clamp(near(fract(z) - 0.5, 0.015) + near(fract(ax - 4.15) - 0.5, 0.015), 0, 1);
    const Tensor walk = rgb(0.52f, 0.5f, 0.47f, o) * col(1 - 0.3 * slabSeam) * col(0.9 + 0.1 * grit);
    c = mix(c, rgb(0.68f, 0.67f, 0.64f, o), col(kerb));
    return mix(c, walk, col((ax >= 4.15).to(torch::kFloat32)));
}

Tensor groundGrass(const Tensor &x, const Tensor &z, bool forest, const torch::TensorOptions &o)
{
    const Tensor blades = hashNoise((x * 50).floor().to(torch::kInt32), (z * 50).floor().to(torch::kInt32), 51);
    const Tensor patches = valueNoise(x * 0.6, z * 0.6, 52);
    const Tensor tone = 0.7 + 0.35 * patches + 0.2 * blades;
    Tensor c = (forest ? rgb(0.14f, 0.27f, 0.08f, o) : rgb(0.28f, 0.52f, 0.17f, o)) * col(tone);
    if (forest) {
        const Tensor litter = smoothstep(0.6, 0.75, valueNoise(x * 1.3, z * 1.3, 53));
        c = mix(c, rgb(0.3f, 0.21f, 0.11f, o) * col(0.8 + 0.3 * blades), col(litter));
    }
    return c;
}

Tensor groundIndoor(const Look &look, const Tensor &x, const Tensor &z, const torch::TensorOptions &o)
{
    const Tensor ix = x.floor().to(torch::kInt32);
    const Tensor fine = hashNoise((x * 80).floor().to(torch::kInt32), (z * 80).floor().to(torch::kInt32), 61);
    const QString &e = look.environment;
    if (e == QLatin1String("kitchen")) {
        const Tensor cell = ((x / 0.3).floor() + (z / 0.3).floor()).remainder(2);
        const Tensor grout = ((fract(x / 0.3) - 0.5).abs() > 0.47) | ((fract(z / 0.3) - 0.5).abs() > 0.47);
        return mix(mix(rgb(0.86f, 0.85f, 0.82f, o), rgb(0.12f, 0.12f, 0.13f, o), col(cell)),
                   rgb(0.5f, 0.5f, 0.48f, o), col(grout.to(torch::kFloat32) * 0.8));
    }
    if (e == QLatin1String("office")) {
        const Tensor tile = hashNoise((x / 0.5).floor().to(torch::kInt32), (z / 0.5).floor().to(torch::kInt32), 62);
        return rgb(0.3f, 0.34f, 0.42f, o) * col(0.85 + 0.15 * tile + 0.1 * fine);
    }
    if (look.stage) {
        const Tensor boards = 0.8 + 0.3 * hashNoise((z / 0.2).floor().to(torch::kInt32), ix, 63);
        return rgb(0.1f, 0.085f, 0.075f, o) * col(boards);
    }
    return rgb(0.5f, 0.3f, 0.26f, o) * col(0.85 + 0.25 * fine); // room: carpet
}

Tensor skyOutdoor(const Look &look, const Tensor &d, int frame, const torch::TensorOptions &o)
{
    const Tensor dy = d.select(1, 1);
    const Tensor az = torch::atan2(d.select(1, 0), -d.select(1, 2));
    const Tensor up = (dy.clamp(1e-12, 1).log() * 0.35).exp() * (dy > 0); // pow(0.35), 2x faster
    Tensor sky = mix(rgb(look.horizon, o), rgb(look.zenith, o), col(up));
    sky = torch::where(col(dy < 0), rgb(look.horizon, o) * 0.8, sky);
    const Tensor L = rgb(look.toLight, o);
    const Tensor sd = dot3(d, L).clamp_min(0);
    if (look.night) {
        const Tensor stars = (hashNoise((az * 400).floor().to(torch::kInt32), (dy * 400).floor().to(torch::kInt32), 71) > 0.997)
                                 .to(torch::kFloat32) * (dy > 0.05).to(torch::kFloat32);
        sky = sky + col(stars * 0.6 + smoothstep(0.9995, 0.9997, sd) * 1.5 + powi(sd, 64) * 0.05);
    } else if (look.weather == QLatin1String("clear")) {
        sky = sky + rgb(look.lightColor, o) * col(smoothstep(0.9993, 0.9996, sd) * 6 + powi(sd, 12) * 0.25);
    }
    // Distant scenery along the horizon tells the environment apart at a glance.
    const QString &e = look.environment;
    Tensor ridge, tint;
    if (e == QLatin1String("forest") || e == QLatin1String("park")) {
        const double top = e == QLatin1String("forest") ? 0.16 : 0.06;
        ridge = top * (0.55 + 0.45 * valueNoise(az * 14, torch::zeros_like(az), 72));
        tint = e == QLatin1String("forest") ? rgb(0.05f, 0.11f, 0.05f, o) : rgb(0.13f, 0.24f, 0.1f, o);
    } else if (e == QLatin1String("street")) {
        const Tensor block = (az * 9).floor().to(torch::kInt32);
        ridge = 0.08 + 0.22 * hashNoise(block, torch::zeros_like(block), 73);
        tint = rgb(0.3f, 0.3f, 0.32f, o);
        const Tensor windows = (fract(az * 120) < 0.4).to(torch::kFloat32) * (fract(dy * 60) < 0.45).to(torch::kFloat32);
        tint = tint * col(1 - 0.25 * windows) + (look.night ? rgb(0.9f, 0.7f, 0.35f, o) * col(windows * 0.6) : rgb(0, 0, 0, o));
    }
    if (ridge.defined()) {
        const Tensor under = ((dy >= -0.02) & (dy < ridge)).to(torch::kFloat32);
        const Tensor lightAmt = rgb(look.ambientSky, o) + rgb(look.lightColor, o) * 0.4;
        sky = mix(sky, tint * lightAmt, col(under));
    }
    (void)frame;
    return sky;
}

Tensor wallsIndoor(const Look &look, const Tensor &d, const Tensor &depth, const Vec3 &eye, const torch::TensorOptions &o)
{
    const RoomBox room = roomFor(look);
    const Tensor p = rgb(eye, o) + d * col(depth.clamp_max(1e4));
    const Tensor x = p.select(1, 0), y = p.select(1, 1), z = p.select(1, 2);
    const Tensor side = (x.abs() > room.halfWidth - 1e-3);
    const Tensor ceiling = (y > room.ceiling - 1e-3);
    const Tensor u = torch::where(side, z, x);
    const QString &e = look.environment;
    Tensor c;
    if (e == QLatin1String("gym")) {
        const Tensor pad = (y < 1.8).to(torch::kFloat32);
        c = mix(rgb(0.8f, 0.76f, 0.64f, o), rgb(0.14f, 0.22f, 0.5f, o), col(pad));
        c = c * col(1 - 0.35 * near(fract(u / 3) - 0.5, 0.012));
    } else if (look.stage) {
        c = rgb(0.26f, 0.03f, 0.04f, o) * col(0.45 + 0.55 * torch::sin(u * 5).pow(2));
    } else if (e == QLatin1String("kitchen")) {
        const Tensor tiles = (y < 1.5).to(torch::kFloat32);
        const Tensor grout = torch::clamp(near(fract(u / 0.15), 0.06) + near(fract(y / 0.15), 0.06), 0, 1);
        c = mix(rgb(0.85f, 0.8f, 0.7f, o), rgb(0.9f, 0.9f, 0.88f, o) * col(1 - 0.3 * grout), col(tiles));
    } else {
        const Tensor base = e == QLatin1String("office") ? rgb(0.74f, 0.75f, 0.77f, o) : rgb(0.78f, 0.66f, 0.52f, o);
        c = base * col(1 - 0.2 * (y < 0.12).to(torch::kFloat32));
    }
    Tensor lit = c * (rgb(look.ambientSky, o) * 1.3 + rgb(look.lightColor, o) * 0.35);
    if (!look.stage) {
        // Windows on the back wall show the time of day outside.
        const bool gym = e == QLatin1String("gym"); // gym windows sit high above the wall pads
        const Tensor window = ((~side) & (~ceiling) & (z < 0) & (fract(u / 3.5) > 0.25) & (fract(u / 3.5) < 0.75)
                               & (y > (gym ? 4.2 : 1.1)) & (y < std::min(gym ? 6.2 : 2.6, room.ceiling - 0.4))).to(torch::kFloat32);
        const Tensor outside = look.night ? rgb(0.03f, 0.04f, 0.09f, o) : rgb(0.85f, 0.92f, 1.0f, o) * 1.2;
        lit = mix(lit, outside.expand_as(lit), col(window));
    }
    const Tensor ceil = rgb(look.ambientSky, o) * (look.stage ? 0.2 : 1.1);
    return torch::where(col(ceiling), ceil.expand_as(lit), lit);
}

} // namespace

RoomBox roomFor(const Look &look)
{
    if (look.environment == QLatin1String("gym"))
        return {14, -12, 16, 8};
    if (look.stage)
        return {10, -7, 16, 9};
    return {7, -6, 14, 3.4};
}

Tensor hashNoise(const Tensor &ix, const Tensor &iy, std::int64_t salt, KernelPath path)
{
    if (path == KernelPath::Auto && ix.is_cpu())
        return hashNoiseLoops(ix, iy, salt);
    // A 32-bit unsigned hash computed in int32 lanes (2-4x faster than int64 on the CPU): two's
    // complement wraps the same bits, and right shifts are masked so they act as logical shifts.
    const auto s = std::int32_t(std::uint32_t((std::uint64_t(salt) * 2246822519ull) & 0xffffffffull));
    Tensor h = ix.to(torch::kInt32) * std::int32_t(374761393);
    h.add_(iy.to(torch::kInt32) * std::int32_t(668265263)).add_(s);
    h = (h ^ (h.__rshift__(13) & 0x7ffff)) * std::int32_t(1274126177);
    h = h ^ (h.__rshift__(16) & 0xffff);
    return (h & 0xffffff).to(torch::kFloat32) * (1.0f / 16777216.0f);
}

Tensor valueNoise(const Tensor &x, const Tensor &y, std::int64_t salt, KernelPath path)
{
    if (path == KernelPath::Auto && x.is_cpu())
        return valueNoiseLoops(x, y, salt);
    const Tensor fx = x.floor(), fy = y.floor();
    const Tensor ix = fx.to(torch::kInt32), iy = fy.to(torch::kInt32);
    Tensor u = x - fx, v = y - fy;
    u = u * u * (3 - 2 * u), v = v * v * (3 - 2 * v);
    const Tensor a = hashNoise(ix, iy, salt, path), b = hashNoise(ix + 1, iy, salt, path);
    const Tensor c = hashNoise(ix, iy + 1, salt, path), d = hashNoise(ix + 1, iy + 1, salt, path);
    return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v;
}

Tensor movingGround(const Look &look, const Tensor &pos)
{
    if (look.environment == QLatin1String("beach"))
        return pos.select(1, 2) < kStillSandZ;
    return torch::zeros({pos.size(0)}, pos.options().dtype(torch::kBool));
}

Tensor backdropDistance(const Look &look, const Vec3 &eye, const Tensor &dirs)
{
    const Tensor inf = torch::full({dirs.size(0)}, std::numeric_limits<float>::infinity(), dirs.options());
    if (!look.indoor)
        return inf;
    const RoomBox room = roomFor(look);
    auto safe = [](const Tensor &v) { return torch::where(v >= 0, v.clamp_min(1e-9), v.clamp_max(-1e-9)); };
    const Tensor dx = dirs.select(1, 0), dy = dirs.select(1, 1), dz = dirs.select(1, 2);
    // The wall chosen must match the sign safe() gives a zero component, or the ray misses the room.
    const Tensor tx = (torch::where(dx >= 0, torch::full_like(dx, room.halfWidth), torch::full_like(dx, -room.halfWidth)) - eye.x) / safe(dx);
    const Tensor tz = (torch::where(dz >= 0, torch::full_like(dz, room.front), torch::full_like(dz, room.back)) - eye.z) / safe(dz);
    const Tensor ty = torch::where(dy > 0, (room.ceiling - eye.y) / safe(dy), inf);
    Tensor t = torch::minimum(torch::minimum(tx, tz), ty);
    return torch::where(t > 0, t, inf);
}

Tensor groundAlbedo(const Look &look, const Tensor &pos, int frame, Tensor *shine, Tensor *water)
{
    const auto o = pos.options();
    const Tensor x = pos.select(1, 0), z = pos.select(1, 2);
    *water = torch::zeros_like(x);
    *shine = torch::full_like(x, 0.08);
    const QString &e = look.environment;
    Tensor c;
    if (e == QLatin1String("gym")) {
        c = groundGym(x, z, o);
        *shine = torch::full_like(x, 0.35); // varnished boards
    } else if (e == QLatin1String("basketball-court")) {
        c = groundCourt(x, z, o);
    } else if (e == QLatin1String("beach")) {
        c = groundBeach(x, z, frame, o, water);
        *shine = *shine + *water * 0.9;
    } else if (e == QLatin1String("street")) {
        // The road runs across the frame (along x), where vehicles stand side-on and drive.
        c = groundStreet(z, x, o);
    } else if (e == QLatin1String("forest") || e == QLatin1String("park")) {
        c = groundGrass(x, z, e == QLatin1String("forest"), o);
    } else if (e == QLatin1String("underwater")) {
        const Tensor ripple = 0.85 + 0.15 * torch::sin(x * 3 + 2 * valueNoise(x, z, 81)) + 0.1 * valueNoise(x * 4, z * 4, 82);
        c = rgb(0.72f, 0.66f, 0.5f, o) * col(ripple);
    } else {
        c = groundIndoor(look, x, z, o);
    }
    if (look.wetness > 0) {
        c = c * (1 - 0.45 * look.wetness);
        *shine = *shine + 0.6 * look.wetness;
    }
    if (look.snow > 0) {
        const Tensor cover = look.snow * (0.7 + 0.25 * valueNoise(x * 1.7, z * 1.7, 83));
        c = mix(c, rgb(0.9f, 0.92f, 0.96f, o), col(cover));
    }
    return c;
}

Tensor background(const Look &look, const Tensor &dirs, const Tensor &depth, const Vec3 &eye, int frame)
{
    const auto o = dirs.options();
    if (look.space) {
        const Tensor az = torch::atan2(dirs.select(1, 0), -dirs.select(1, 2));
        const Tensor el = dirs.select(1, 1).clamp(-1, 1).asin();
        const Tensor ia = (az * 350).floor().to(torch::kInt32), ie = (el * 350).floor().to(torch::kInt32);
        const Tensor star = (hashNoise(ia, ie, 91) > 0.994).to(torch::kFloat32) * (0.4 + 1.2 * hashNoise(ia, ie, 92));
        const Tensor haze = 0.02 * valueNoise(az * 3, el * 3, 93);
        return col(star) * rgb(1.0f, 0.97f, 0.92f, o) + col(haze) * rgb(0.5f, 0.3f, 0.8f, o);
    }
    if (look.underwater) {
        const Tensor dy = dirs.select(1, 1);
        const Tensor az = torch::atan2(dirs.select(1, 0), -dirs.select(1, 2));
        const Tensor shafts = powi(torch::sin(az * 23 + frame * 0.04).clamp_min(0), 6) * (dy.clamp_min(0) * 2).clamp_max(1);
        return mix(rgb(look.horizon, o), rgb(look.zenith, o), col(smoothstep(-0.4, 0.9, dy))) + col(shafts * 0.12);
    }
    if (look.indoor)
        return wallsIndoor(look, dirs, depth, eye, o);
    return skyOutdoor(look, dirs, frame, o);
}

} // namespace kinora::engine::render
