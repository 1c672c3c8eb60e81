// Styles: the post pass that turns linear light into a recognisable look (tone curve, grade,
// outlines, hatching, grain). Per-frame randomness is hashed from seed and frame: reproducible.
#include "engine/render/renderkernels.h"

#include <cmath>

namespace kinora::engine::render {
namespace {

using torch::indexing::Slice;

// Images here are planar, [3,H,W]: a per-pixel factor [1,H,W] or a colour [3,1,1] then
// broadcasts along whole contiguous rows instead of in strides of three floats.
Tensor rgb(float r, float g, float b, const torch::TensorOptions &o) { return torch::tensor({r, g, b}, o).reshape({3, 1, 1}); }
Tensor fl(const Tensor &mask) { return mask.to(torch::kFloat32); }
Tensor luminance(const Tensor &img) ///< [1,H,W]
{
    Tensor l = img[0] * 0.2126f;
    l.add_(img[1] * 0.7152f).add_(img[2] * 0.0722f);
    return l.unsqueeze(0);
}
// Both in-place where they can be: whole-image temporaries are most of the style pass's cost.
Tensor aces(const Tensor &x)
{
    Tensor num = x * 2.51;
    num.add_(0.03).mul_(x);
    Tensor den = x * 2.43;
    den.add_(0.59).mul_(x).add_(0.14);
    return num.div_(den);
}
// x^(1/2.2) as exp(log(x)/2.2): Tensor::pow with a fractional exponent is three times slower on
// the CPU (log(0) = -inf still gives 0).
Tensor display(const Tensor &x) { return x.clamp(0, 1).log_().mul_(1 / 2.2).exp_(); }
Tensor displayInPlace(Tensor x) { return x.clamp_(0, 1).log_().mul_(1 / 2.2).exp_(); } ///< for temporaries
Tensor saturate(const Tensor &img, double amount)
{
    const Tensor l = luminance(img);
    return l + (img - l) * amount;
}

std::uint32_t mixHash(std::uint32_t h)
{
    h ^= h >> 16, h *= 0x7feb352dU, h ^= h >> 15, h *= 0x846ca68bU, h ^= h >> 16;
    return h;
}
double unitHash(std::uint32_t seed, std::uint32_t frame, std::uint32_t salt)
{
    return (mixHash(seed * 0x9E3779B9U ^ mixHash(frame * 0x85EBCA6BU + salt)) >> 8) / 16777216.0;
}

// Outline mask [1,H,W]: where the object, the kind of surface or the normal changes abruptly.
Tensor outlines(const GBuffer &g)
{
    const Tensor id = (g.id * 4 + g.kind).reshape({g.height, g.width});
    const Tensor n = g.normal.reshape({g.height, g.width, 3});
    const Tensor idX = id.index({Slice(), Slice(1)}) != id.index({Slice(), Slice(0, -1)});
    const Tensor idY = id.index({Slice(1)}) != id.index({Slice(0, -1)});
    const Tensor nX = (n.index({Slice(), Slice(1)}) * n.index({Slice(), Slice(0, -1)})).sum(-1) < 0.6;
    const Tensor nY = (n.index({Slice(1)}) * n.index({Slice(0, -1)})).sum(-1) < 0.6;
    const Tensor ex = idX | nX, ey = idY | nY;
    Tensor edge = torch::zeros({g.height, g.width}, id.options().dtype(torch::kBool));
    edge.index({Slice(), Slice(1)}) |= ex;
    edge.index({Slice(), Slice(0, -1)}) |= ex;
    edge.index({Slice(1)}) |= ey;
    edge.index({Slice(0, -1)}) |= ey;
    return edge.unsqueeze(0);
}

struct Grid
{
    Tensor px, py; ///< [1,H,W] pixel coordinates
    Tensor radius2; ///< [1,H,W] squared distance from the visible image's centre, 1 at the corners
};
Grid grid(const GBuffer &g, const torch::TensorOptions &o)
{
    Grid s;
    const Tensor column = torch::arange(g.width, o).reshape({1, 1, g.width});
    const Tensor row = torch::arange(g.height, o).reshape({1, g.height, 1});
    s.px = column.expand({1, g.height, g.width});
    s.py = row.expand({1, g.height, g.width});
    // u and v per column and row; only their sum is a whole-image pass.
    const Tensor u = (column + 0.5) / g.imageWidth * 2 - 1, v = (row + 0.5) / g.imageHeight * 2 - 1;
    s.radius2 = (u * u + v * v).mul_(0.5);
    return s;
}
Tensor vignette(const Grid &s, double strength) { return 1 - strength * s.radius2 * s.radius2.sqrt(); }
Tensor grain(const Grid &s, const Look &look, int frame, std::int64_t salt)
{
    return hashNoise(s.px.to(torch::kInt32), s.py.to(torch::kInt32) + std::int32_t(frame * 4099), std::int64_t(look.seed) * 977 + salt) - 0.5;
}

Tensor sketch(const Tensor &img, const GBuffer &g, const Grid &s, const Look &look)
{
    const auto o = img.options();
    const Tensor l = display(luminance(aces(img)));
    const Tensor pxI = s.px.to(torch::kInt32), pyI = s.py.to(torch::kInt32);
    const Tensor diag = fl((pxI + pyI).remainder(8) == 0), anti = fl((pxI - pyI).remainder(8) == 0);
    const Tensor dense = fl((pxI + pyI).remainder(4) == 0);
    const Tensor hatch = (fl(l < 0.55) * diag + fl(l < 0.32) * anti + fl(l < 0.14) * dense).clamp_max(1);
    const Tensor paper = rgb(0.97f, 0.96f, 0.93f, o) * (0.985 + 0.03 * grain(s, look, 0, 7));
    Tensor out = paper * (1 - 0.5 * hatch);
    return torch::where(outlines(g), rgb(0.22f, 0.22f, 0.24f, o).expand_as(out), out);
}

Tensor vintage(const Tensor &img, const Grid &s, const Look &look, int frame)
{
    const auto o = img.options();
    Tensor x = display(aces(img * 1.05));
    const Tensor l = luminance(x);
    const Tensor sepia = torch::cat({l * 1.07, l * 0.86, l * 0.62}, 0).clamp(0, 1);
    x = x + (sepia - x) * 0.75;
    const double flicker = 1 + 0.07 * (unitHash(look.seed, frame, 1) - 0.5);
    x = x * flicker + 0.09 * grain(s, look, frame, 3);
    for (std::uint32_t k = 0; k < 2; ++k) { // a scratch or two, new ones each frame
        if (unitHash(look.seed, frame, 10 + k) < 0.45)
            continue;
        const double sx = unitHash(look.seed, frame, 20 + k) * s.px.size(2);
        x = x + 0.3 * fl((s.px - sx).abs() < 0.8);
    }
    x = x * vignette(s, 0.55);
    // Gate weave: the film sits a pixel off from frame to frame.
    const int dx = int(unitHash(look.seed, frame, 30) * 3) - 1, dy = int(unitHash(look.seed, frame, 31) * 3) - 1;
    return torch::roll(x, {dy, dx}, {1, 2});
}

} // namespace

namespace {

double vignetteStrength(const Look &look)
{
    if (look.style == QLatin1String("noir"))
        return 0.5;
    if (look.style == QLatin1String("claymation"))
        return 0.15;
    return 0.25;
}

// The per-pixel styles on planar linear colour @p img [3,h,w] (clamped, owned: changed in place)
// with the vignette factor @p vig [1,h,w]. h,w are the frame's, or 1,K for a set of pixels.
Tensor stylePointwise(const Look &look, Tensor img, const Tensor &vig)
{
    const auto o = img.options();
    if (look.style == QLatin1String("noir")) {
        Tensor l = display(luminance(aces(img * 0.9)));
        const Tensor t = ((l - 0.08) / 0.8).clamp(0, 1);
        l = (t * t * (3 - 2 * t)) * vig;
        return l.clamp(0, 1).expand_as(img).contiguous();
    }
    if (look.style == QLatin1String("claymation")) {
        const Tensor warm = img * rgb(1.08f, 1.0f, 0.88f, o);
        return (display(saturate(aces(warm * 0.8), 0.85)) * vig).clamp_(0, 1);
    }
    // Cinematic, and the fallback for names this build does not know. Teal-orange split toning,
    // applied after the display curve so blacks are lifted only a little.
    Tensor out = displayInPlace(aces(img.mul_(0.85)));
    const Tensor l = luminance(out).clamp_(0, 1);
    out.addcmul_((1 - l).pow(2), rgb(-0.015f, 0.01f, 0.025f, o));
    out.addcmul_(l.pow(2), rgb(0.04f, 0.01f, -0.04f, o)).mul_(vig);
    return out.clamp_(0, 1);
}

} // namespace

namespace {

// [K,3] to a new [3,K] the style may change in place. transpose().contiguous() alone returns the
// input itself when K is 1 (or the input is already planar), and the input may be a cached layer.
Tensor planarCopy(const Tensor &linear)
{
    Tensor planar = linear.t().contiguous();
    return planar.data_ptr() == linear.data_ptr() ? planar.clone() : planar;
}

} // namespace

bool styleIsPointwise(const Look &look)
{
    const QString &style = look.style;
    return style != QLatin1String("anime") && style != QLatin1String("documentary") && style != QLatin1String("sketch")
           && style != QLatin1String("vintage-film");
}

Tensor stylize(const Look &look, const GBuffer &g, const Tensor &linear, int frame)
{
    const auto o = linear.options();
    const Tensor img = planarCopy(linear).clamp_min_(0).reshape({3, g.height, g.width});
    const Grid s = grid(g, o);
    const QString &style = look.style;
    if (styleIsPointwise(look))
        return stylePointwise(look, img, vignette(s, vignetteStrength(look)));
    Tensor out;
    if (style == QLatin1String("anime")) {
        out = display(saturate(img * 1.05, 1.35).clamp(0, 1));
        out = torch::where(outlines(g), rgb(0.06f, 0.05f, 0.08f, o).expand_as(out), out);
    } else if (style == QLatin1String("documentary")) {
        out = display(saturate(aces(img), 0.8)) + 0.025 * grain(s, look, frame, 5);
    } else if (style == QLatin1String("sketch")) {
        out = sketch(img, g, s, look);
    } else {
        out = vintage(img, s, look, frame);
    }
    return out.clamp_(0, 1);
}

Tensor stylizePixels(const Look &look, const GBuffer &g, const Tensor &linear, const Tensor &pixels)
{
    const auto o = linear.options();
    const std::int64_t k = pixels.size(0);
    const Tensor img = planarCopy(linear).clamp_min_(0).reshape({3, 1, k});
    // The same vignette arithmetic as grid(), at these pixels only.
    const Tensor px = (pixels % g.width).to(torch::kFloat32).reshape({1, 1, k});
    const Tensor py = (pixels / g.width).to(torch::kFloat32).reshape({1, 1, k});
    const Tensor u = (px + 0.5) / g.imageWidth * 2 - 1, v = (py + 0.5) / g.imageHeight * 2 - 1;
    const Tensor radius2 = (u * u + v * v).mul_(0.5);
    return stylePointwise(look, img, 1 - vignetteStrength(look) * radius2 * radius2.sqrt());
}

Tensor toBytes(const Tensor &display)
{
    // Styles leave 0..1, so x * 255 + 0.5 is in 0.5..255.5 and truncation rounds it.
    return (display * 255).add_(0.5).to(torch::kUInt8);
}

Tensor interleavedBytes(const Tensor &display, int height, int width, KernelPath path)
{
    if (path == KernelPath::Auto && display.is_cpu())
        return interleavedBytesLoops(display, height, width);
    return toBytes(display.slice(1, 0, height).slice(2, 0, width)).permute({1, 2, 0}).to(torch::kCPU).contiguous();
}

} // namespace kinora::engine::render
