// Shading: albedo (primitive colours, faces on heads, procedural ground), key + ambient + specular
// light with shadows, background, fog and weather, all as whole-frame tensor expressions.
#include "engine/render/renderkernels.h"

#include <cmath>
#include <vector>

namespace kinora::engine::render {
namespace {

Tensor rgb(float r, float g, float b, const torch::TensorOptions &o) { return torch::tensor({r, g, b}, o); }
Tensor rgb(const Vec3 &c, const torch::TensorOptions &o) { return rgb(float(c.x), float(c.y), float(c.z), o); }
Tensor mix(const Tensor &a, const Tensor &b, const Tensor &t) { return a + (b - a) * t; }
Tensor col(const Tensor &v) { return v.unsqueeze(1); }
Tensor fract(const Tensor &x) { return x - x.floor(); }
Tensor fl(const Tensor &mask) { return mask.to(torch::kFloat32); }
Tensor smoothstep(double e0, double e1, const Tensor &x)
{
    const Tensor t = ((x - e0) / (e1 - e0)).clamp(0, 1);
    return t * t * (3 - 2 * t);
}
Tensor normalized(const Tensor &v) { return normalized3(v); }

// Eyes and a mouth on head pixels, in the head's own frame (+z is where it faces). The mouth's height follows
// mouthOpen; at 0 it is a thin closed line, so lip-sync changes only the mouth's own pixels.
Tensor drawFaces(Tensor color, const PrimitiveTable &table, const Tensor &idx, const Tensor &local)
{
    const auto o = color.options();
    const Tensor q = normalized(local);
    const Tensor qx = q.select(1, 0), qy = q.select(1, 1), qz = q.select(1, 2);
    for (float side : {-1.0f, 1.0f}) {
        const Tensor e = torch::nn::functional::normalize(rgb(side * 0.32f, 0.2f, 0.93f, o), torch::nn::functional::NormalizeFuncOptions().dim(0));
        const Tensor c = dot3(q, e);
        color = torch::where(col(c > std::cos(0.17)), rgb(0.95f, 0.95f, 0.93f, o), color);
        color = torch::where(col(c > std::cos(0.085)), rgb(0.05f, 0.04f, 0.04f, o), color);
    }
    const Tensor half = 0.02 + 0.13 * table.mouth.index_select(0, idx);
    const Tensor mouth = (qz > 0) & ((qx / 0.26).pow(2) + ((qy + 0.36) / half).pow(2) < 1);
    return torch::where(col(mouth), rgb(0.3f, 0.06f, 0.07f, o), color);
}

// Gerstner-free water: the slope of a few travelling sines is enough to break up reflections.
Tensor waterNormal(const Tensor &pos, int frame)
{
    const double t = frame / 24.0;
    const Tensor x = pos.select(1, 0), z = pos.select(1, 2);
    const Tensor cross = torch::cos(x * 2.1 + z * 0.7 - 1.9 * t);
    const Tensor dhdx = 0.07 * (1.3 * torch::cos(x * 1.3 + 1.1 * t) + 1.05 * cross);
    const Tensor dhdz = 0.07 * (0.8 * torch::cos(z * 0.8 - 1.3 * t) + 0.35 * cross + 1.5 * torch::cos(z * 3 + 2.2 * t) * 0.3);
    return normalized(torch::stack({-dhdx, torch::ones_like(x), -dhdz}, 1));
}

Tensor caustics(const Tensor &pos, int frame)
{
    const double t = frame / 24.0;
    const Tensor x = pos.select(1, 0), z = pos.select(1, 2);
    const Tensor a = torch::sin(x * 3.1 + torch::sin(z * 2.3 + t) * 1.5 + t * 1.3);
    const Tensor b = torch::sin(z * 2.7 + torch::sin(x * 1.9 - t * 0.8) * 1.5 - t);
    return powi((1 - (a + b).abs() * 0.5).clamp_min(0), 6);
}

Tensor weatherTensors(const Look &look, Tensor color, const GBuffer &g, int frame)
{
    const auto o = color.options();
    const Tensor index = torch::arange(std::int64_t(g.height) * g.width, o.dtype(torch::kInt64));
    const Tensor py = index.div(g.width, "floor").to(torch::kFloat32), px = (index % g.width).to(torch::kFloat32);
    const std::int64_t seed = look.seed;
    const Tensor lightLevel = rgb(look.ambientSky, o) + rgb(look.lightColor, o) * 0.5;
    if (look.rain > 0) {
        const Tensor slant = px + py * 0.18;
        const Tensor column = (slant / 5).floor().to(torch::kInt32);
        const Tensor zero = torch::zeros_like(column);
        const Tensor speed = 0.6 + 0.4 * hashNoise(column, zero, seed + 101);
        const Tensor fall = py / 90 - frame * speed * 0.45 + hashNoise(column, zero + 1, seed + 102);
        const Tensor drop = fl(fract(fall) < 0.2) * fl(fract(slant / 5) < 0.3)
                            * fl(hashNoise(column, fall.floor().to(torch::kInt32), seed + 103) > 0.72);
        color = mix(color, (lightLevel * 1.4).clamp_max(1).expand_as(color), col(drop * 0.35 * look.rain));
    }
    if (look.snow > 0) {
        for (int layer = 0; layer < 2; ++layer) {
            const double cell = 18 + layer * 16, speed = 1.1 + layer * 1.4;
            const Tensor y = py - frame * speed;
            const Tensor x = px + 6 * torch::sin(frame * 0.05 + y * 0.013 + layer);
            const Tensor cx = (x / cell).floor().to(torch::kInt32), cy = (y / cell).floor().to(torch::kInt32);
            const Tensor fx = (0.2 + 0.6 * hashNoise(cx, cy, seed + 111 + layer)) * cell;
            const Tensor fy = (0.2 + 0.6 * hashNoise(cx, cy, seed + 121 + layer)) * cell;
            const Tensor dx = fract(x / cell) * cell - fx, dy = fract(y / cell) * cell - fy;
            const Tensor radius = 1.1 + layer * 1.2 + hashNoise(cx, cy, seed + 131 + layer);
            const Tensor flake = fl(hashNoise(cx, cy, seed + 141 + layer) > 0.4)
                                 * smoothstep(0, 1, radius - (dx * dx + dy * dy).sqrt());
            color = mix(color, (lightLevel * 1.6).clamp(0.3, 1).expand_as(color), col(flake * 0.9 * look.snow));
        }
    }
    return color;
}

// The indices where @p mask is set, or undefined when none is. torch::nonzero is slow on the CPU
// (several ns a pixel), and most chunks are all sky, all ground or have no faces: those skip it.
Tensor indicesOf(const Tensor &mask, bool *all = nullptr)
{
    const std::int64_t count = mask.sum().item<std::int64_t>();
    if (all)
        *all = count > 0 && count == mask.numel();
    if (count == 0)
        return {};
    if (count == mask.numel())
        return torch::arange(count, mask.options().dtype(torch::kInt64));
    return mask.nonzero().squeeze(1);
}

// Lit colour of surfaces from their albedo and normal: key light with shadows, ambient, specular,
// the style's light (cel bands, wrapped clay, dim noir), a stage's spotlight and the sea's sheen.
Tensor lightTensors(const Look &look, const SurfaceLight &in, int frame)
{
    const auto o = in.albedo.options();
    const Tensor &n = in.normal, &dir = in.dir, &lit = in.lit, &shine = in.shine, &position = in.position;
    const Tensor L = rgb(look.toLight, o);
    const Tensor ndl = dot3(n, L);
    const Tensor shadow = 1 - look.shadowStrength * (1 - lit);
    const bool anime = look.style == QLatin1String("anime");
    Tensor diffuse;
    if (anime) { // cel shading: three flat bands
        const Tensor x = ndl.clamp_min(0) * shadow;
        diffuse = torch::where(x > 0.55, torch::ones_like(x), torch::where(x > 0.18, torch::full_like(x, 0.55), torch::full_like(x, 0.2)));
    } else if (look.style == QLatin1String("claymation")) {
        diffuse = ((ndl + 0.45) / 1.45).clamp_min(0) * shadow; // wrapped, soft terminator
    } else {
        diffuse = ndl.clamp_min(0) * shadow;
    }
    // Hemisphere ambient (sky above, bounce below); flat for anime so the bands stay flat.
    Tensor ambient = anime ? (rgb(look.ambientGround, o) + rgb(look.ambientSky, o)).mul(0.5).expand_as(n)
                           : mix(rgb(look.ambientGround, o), rgb(look.ambientSky, o), col(0.5 + 0.5 * n.select(1, 1)));
    if (look.style == QLatin1String("noir"))
        ambient = ambient * 0.55;
    else if (look.style == QLatin1String("claymation"))
        ambient = ambient * 1.15;
    const Tensor half = normalized(L.unsqueeze(0) - dir);
    Tensor spec = powi(dot3(n, half).clamp_min(0), 48) * shine * shadow * 1.5;
    if (anime)
        spec = fl(spec > 0.35) * 0.5 * shine;
    if (look.stage) {
        // A spotlight pool: the key light only reaches a disc around the subject.
        const Tensor dx = position.select(1, 0) - look.spotCentre.x;
        const Tensor dz = position.select(1, 2) - look.spotCentre.z;
        const Tensor spot = 0.06 + 0.94 * smoothstep(3.2, 1.6, (dx * dx + dz * dz).sqrt());
        diffuse = diffuse * spot, spec = spec * spot;
    }
    Tensor light = ambient + rgb(look.lightColor, o) * col(diffuse);
    if (look.underwater)
        light = light + rgb(look.lightColor, o) * col(caustics(position, frame) * 0.6 * ndl.clamp_min(0) * shadow);
    Tensor color = in.albedo * light + rgb(look.lightColor, o) * col(spec);
    if (look.environment == QLatin1String("beach")) { // water mirrors the sky at grazing angles
        const Tensor fresnel = powi((1 + dot3(dir, n)).clamp(0, 1), 4) * fl(in.isGround & (shine > 0.8));
        color = mix(color, rgb(look.horizon, o).expand_as(color), col(fresnel * 0.6));
    }
    return color;
}


// Lit colour of the pixels @p sel that show the ground or a primitive.
Tensor shadeSurfaces(const Look &look, const GBuffer &g, const Tensor &sel, const PrimitiveTable &table, int frame)
{
    const auto o = g.dir.options();
    const Tensor kind = g.kind.index_select(0, sel), id = g.id.index_select(0, sel);
    const Tensor position = g.position.index_select(0, sel), dir = g.dir.index_select(0, sel);
    const Tensor lit = g.lit.index_select(0, sel);
    Tensor n = g.normal.index_select(0, sel);
    const Tensor isGround = kind == 1, isPrim = kind == 2;
    const Tensor idx = torch::where(id >= 0, id, torch::full_like(id, table.count));

    Tensor shine = table.shine.index_select(0, idx);
    Tensor albedo = table.color.index_select(0, idx);
    const Tensor heads = indicesOf(table.part.index_select(0, idx) == std::int64_t(Primitive::Part::Head));
    if (heads.defined()) {
        const Tensor local = g.local.index_select(0, sel).index_select(0, heads);
        albedo.index_copy_(0, heads, drawFaces(albedo.index_select(0, heads), table, idx.index_select(0, heads), local));
    }
    bool allGround = false;
    const Tensor groundSel = look.hasGround ? indicesOf(isGround, &allGround) : Tensor();
    if (groundSel.defined()) {
        Tensor groundShine, water;
        if (allGround) { // a chunk of nothing but ground: no gathers or scatters
            albedo = groundAlbedo(look, position, frame, &groundShine, &water);
            shine = groundShine;
        } else {
            albedo.index_copy_(0, groundSel, groundAlbedo(look, position.index_select(0, groundSel), frame, &groundShine, &water));
            shine.index_copy_(0, groundSel, groundShine);
        }
        const Tensor wet = indicesOf(water > 0.5);
        if (wet.defined()) {
            const Tensor waterSel = groundSel.index_select(0, wet);
            n.index_copy_(0, waterSel, waterNormal(position.index_select(0, waterSel), frame));
        }
    }
    if (look.snow > 0) // snow settles on whatever faces up
        albedo = mix(albedo, rgb(0.9f, 0.92f, 0.96f, o), col(fl(isPrim & (n.select(1, 1) > 0.7)) * 0.6));
    if (look.style == QLatin1String("claymation")) {
        // Thumbprint bumps: a low-frequency wobble of the normal, stable in world space.
        const Tensor p = position * 9;
        const Tensor bx = valueNoise(p.select(1, 0) + p.select(1, 1), p.select(1, 2), 151) - 0.5;
        const Tensor bz = valueNoise(p.select(1, 2) - p.select(1, 1), p.select(1, 0), 152) - 0.5;
        const Tensor bumped = normalized(n + 0.25 * torch::stack({bx, torch::zeros_like(bx), bz}, 1));
        n = torch::where(col(isPrim), bumped, n);
    }

    return lightSurfaces(look, {albedo, n, dir, lit, shine, position, isGround}, frame);
}

} // namespace

namespace {

// Pixels shaded in one pass: the few hundred whole-array temporaries of a pass then stay in the
// core's cache (and the allocator reuses them) instead of streaming megabytes through memory.
constexpr std::int64_t kShadeChunk = 65536;

Tensor shadeChunk(const Look &look, const GBuffer &g, const Tensor &sel, const PrimitiveTable &table, int frame)
{
    const auto o = g.dir.options();
    const Tensor kind = g.kind.index_select(0, sel), depth = g.depth.index_select(0, sel);
    Tensor color = torch::zeros({sel.size(0), 3}, o);
    const Tensor isBackground = kind == 0;
    bool allSurfaces = false, allBackground = false;
    const Tensor surfaces = indicesOf(~isBackground, &allSurfaces);
    const Tensor backgroundSel = indicesOf(isBackground, &allBackground);
    if (allSurfaces)
        color = shadeSurfaces(look, g, sel, table, frame);
    else if (surfaces.defined())
        color.index_copy_(0, surfaces, shadeSurfaces(look, g, sel.index_select(0, surfaces), table, frame));
    if (allBackground) {
        color = background(look, g.dir.index_select(0, sel), depth, g.eye, frame);
    } else if (backgroundSel.defined()) {
        const Tensor pixels = sel.index_select(0, backgroundSel);
        color.index_copy_(0, backgroundSel, background(look, g.dir.index_select(0, pixels),
                                                       g.depth.index_select(0, pixels), g.eye, frame));
    }
    if (look.fogDensity > 0)
        color = applyFog(look, color, depth, isBackground);
    return color;
}

} // namespace

Tensor applyWeather(const Look &look, const Tensor &color, const GBuffer &g, int frame, KernelPath path)
{
    if (!hasWeather(look))
        return color;
    if (path == KernelPath::Auto && color.is_cpu())
        return weatherLoops(look, color, g.width, frame);
    return weatherTensors(look, color, g, frame);
}

Tensor lightSurfaces(const Look &look, const SurfaceLight &in, int frame, KernelPath path)
{
    if (path == KernelPath::Auto && in.albedo.is_cpu() && !look.underwater)
        return lightSurfacesLoops(look, in);
    return lightTensors(look, in, frame);
}

Tensor applyFog(const Look &look, const Tensor &colorIn, const Tensor &depth, const Tensor &isBackground, KernelPath path)
{
    if (path == KernelPath::Auto && colorIn.is_cpu())
        return applyFogLoops(look, colorIn, depth, isBackground);
    const auto o = colorIn.options();
    Tensor color = colorIn;
    Tensor fog = 1 - torch::exp(-look.fogDensity * depth.clamp_max(1e4));
    if (!look.indoor) // the sky is already the far distance; thick weather still veils it
        fog = torch::where(isBackground, torch::full_like(fog, std::min(1.0, look.fogDensity * 6)), fog);
    if (look.underwater) // water eats red first
        color = torch::where(col(isBackground), color,
                             color * torch::exp(-depth.clamp_max(1e3).unsqueeze(1) * rgb(0.22f, 0.04f, 0.03f, o)));
    return mix(color, rgb(look.fogColor, o).expand_as(color), col(fog));
}

Tensor shadePixels(const Look &look, const GBuffer &g, const Tensor &sel, const PrimitiveTable &table, int frame)
{
    const std::int64_t count = sel.size(0);
    if (count <= kShadeChunk)
        return shadeChunk(look, g, sel, table, frame);
    Tensor color = torch::empty({count, 3}, g.dir.options());
    for (std::int64_t start = 0; start < count; start += kShadeChunk) {
        const std::int64_t end = std::min(count, start + kShadeChunk);
        color.slice(0, start, end).copy_(shadeChunk(look, g, sel.slice(0, start, end), table, frame));
    }
    return color;
}

bool environmentIsStatic(const Look &look)
{
    return !look.underwater; // caustics and light shafts move everywhere; a beach moves only its sea
}

EnvironmentLayer shadeEnvironment(const Look &look, const GBuffer &empty, const PrimitiveTable &table)
{
    EnvironmentLayer layer;
    if (!environmentIsStatic(look))
        return layer;
    // The beach's sea, shore line and foam move with the frame: those pixels stay per frame.
    if (look.environment == QLatin1String("beach"))
        layer.dynamic = (empty.kind == 1) & movingGround(look, empty.position);
    const Tensor all = torch::arange(empty.dir.size(0), empty.kind.options());
    GBuffer g = empty;
    for (float lit : {1.0f, 0.0f}) {
        g.lit = torch::full_like(empty.depth, lit);
        (lit > 0 ? layer.lit : layer.shadowed) = shadePixels(look, g, all, table, 0);
    }
    layer.difference = layer.lit - layer.shadowed;
    return layer;
}

bool hasWeather(const Look &look)
{
    return look.rain > 0 || look.snow > 0;
}

Tensor directPixels(const GBuffer &g, const EnvironmentLayer &environment)
{
    Tensor direct = g.changed.defined() ? g.changed : g.kind == 2;
    if (environment.dynamic.defined())
        direct = direct | environment.dynamic;
    return direct.nonzero().squeeze(1);
}

Tensor shade(const Look &look, const GBuffer &g, const PrimitiveTable &table, int frame, const EnvironmentLayer *environment)
{
    Tensor color;
    if (environment && environment->lit.defined()) {
        // Only primitives (and moving ground) are shaded; everything else is the cached
        // environment, lit or in this frame's shadow.
        color = torch::addcmul(environment->shadowed, environment->difference, col(g.lit));
        const Tensor sel = directPixels(g, *environment);
        if (sel.numel() > 0)
            color.index_copy_(0, sel, shadePixels(look, g, sel, table, frame));
    } else {
        color = shadePixels(look, g, torch::arange(g.dir.size(0), g.kind.options()), table, frame);
    }
    return applyWeather(look, color, g, frame);
}

} // namespace kinora::engine::render
