// Motion blur as a post pass over one frame's own G-buffer: every pixel's screen motion over a
// 180-degree shutter (this frame to half-way to the next) from the primitives' and the camera's
// movement, then a gather along each neighbourhood's fastest motion that weighs every sample by
// whether its surface sweeps over the pixel (a moving ball smears over a still floor; a still
// post in front of it is not smeared). Needs nothing from the previous frame, so frames still
// render side by side and bit-identically.
#include "engine/render/renderkernels.h"

#include <cmath>

namespace kinora::engine::render {
namespace {

constexpr int kTaps = 8;
/// Below this half-extent (pixels) a neighbourhood is left sharp: the smear would not show.
constexpr double kMinHalfExtent = 0.75;
/// Longest half-extent honoured (pixels): a whip pan smears, it does not dissolve.
constexpr double kMaxHalfExtent = 24;


// Pixel position [K,2] (x right, y down, centres at .5) of world points [K,3] seen from @p pose:
// CameraPath::project() as a tensor expression.
Tensor project(const CameraPose &pose, const Tensor &world, int width, int height)
{
    const auto o = world.options();
    const CameraBasis b = CameraPath::basis(pose);
    const Tensor v = world - vec3(pose.eye, o);
    const Tensor z = dot3(v, vec3(b.forward, o)).clamp_min(1e-3);
    const double tanHalf = std::tan(pose.fovYDeg * M_PI / 360);
    const double aspect = double(width) / height;
    const Tensor sx = dot3(v, vec3(b.right, o)) / (z * (tanHalf * aspect));
    const Tensor sy = dot3(v, vec3(b.up, o)) / (z * tanHalf);
    return torch::stack({(sx + 1) * (0.5 * width), (1 - sy) * (0.5 * height)}, 1);
}

Tensor cone(const Tensor &distance, const Tensor &extent) { return (1 - distance / extent).clamp(0, 1); }
Tensor cylinder(const Tensor &distance, const Tensor &extent)
{
    return 1 - ((distance - 0.95 * extent) / (0.1 * extent)).clamp(0, 1);
}
/// 1 where @p a lies in front of @p b, fading over a few percent of the depth.
Tensor closer(const Tensor &a, const Tensor &b) { return (1 - (a - b) / (0.03 * b + 0.05)).clamp(0, 1); }

} // namespace

Tensor screenMotion(const GBuffer &g, const Tensor &pixels, const PrimitiveTable &later, const CameraPose &now,
                    const CameraPose &laterPose, KernelPath path)
{
    if (path == KernelPath::Auto && pixels.is_cpu())
        return screenMotionLoops(g, pixels, later, now, laterPose);
    const Tensor position = g.position.index_select(0, pixels);
    const Tensor id = g.id.index_select(0, pixels);
    // A primitive's point moves with it: its local coordinates placed by the later transform;
    // everything else (ground, walls, sky) stays where it is in the world.
    const Tensor row = torch::where(id >= 0, id, torch::full_like(id, later.count));
    const Tensor local = g.local.index_select(0, pixels);
    const Tensor moved = later.center.index_select(0, row) + toWorld(local, later.axes.index_select(0, row));
    const Tensor world = torch::where((id >= 0).unsqueeze(1), moved, position);
    return project(laterPose, world, g.imageWidth, g.imageHeight) - project(now, position, g.imageWidth, g.imageHeight);
}

Tensor blurPixels(const GBuffer &g, const Tensor &linear, const Tensor &motion, Tensor *pixels, KernelPath path)
{
    if (path == KernelPath::Auto && linear.is_cpu())
        return blurPixelsLoops(g, linear, motion, pixels, kTaps, float(kMinHalfExtent), float(kMaxHalfExtent));
    const auto o = linear.options();
    const auto io = g.kind.options();
    const int th = g.height / kTile, tw = g.width / kTile;
    // Half the motion over the shutter: the smear reaches that far either side of a point.
    const Tensor half = (motion * 0.5).reshape({g.height, g.width, 2});
    const Tensor length = (half.select(2, 0).square() + half.select(2, 1).square()).sqrt().clamp_max(kMaxHalfExtent);
    // The fastest motion of each tile, then of each tile's 3x3 neighbourhood.
    const Tensor tileLength = toTiles(length.unsqueeze(2)).squeeze(2);     // [T,256]
    const auto [tileMax, tileArg] = tileLength.max(1);                        // [T]
    const Tensor tileVector = toTiles(half).gather(1, tileArg.reshape({-1, 1, 1}).expand({-1, 1, 2})).squeeze(1); // [T,2]
    const auto [nbMax, nbArg] = torch::max_pool2d_with_indices(tileMax.reshape({1, 1, th, tw}), {3, 3}, {1, 1}, {1, 1});
    const Tensor nbVector = tileVector.index_select(0, nbArg.reshape(-1)); // [T,2]
    const Tensor activeTiles = (nbMax.reshape(-1) >= kMinHalfExtent).nonzero().squeeze(1);
    if (activeTiles.numel() == 0) {
        *pixels = torch::zeros({0}, io);
        return torch::zeros({0, 3}, o);
    }
    // Pixel indices of the active tiles, and each one's own position, motion and depth.
    const Tensor inTile = torch::arange(kTile * kTile, io);
    const Tensor ty = activeTiles.div(tw, "floor"), tx = activeTiles.remainder(tw);
    const Tensor py = (ty * kTile).unsqueeze(1) + inTile.div(kTile, "floor").unsqueeze(0);
    const Tensor px = (tx * kTile).unsqueeze(1) + inTile.remainder(kTile).unsqueeze(0);
    const auto [sel, order] = (py * g.width + px).reshape(-1).sort(); // sorted, as the style pass wants
    const Tensor dir = nbVector.index_select(0, activeTiles).repeat_interleave(kTile * kTile, 0).index_select(0, order);
    const Tensor x = px.reshape(-1).index_select(0, order).to(torch::kFloat32);
    const Tensor y = py.reshape(-1).index_select(0, order).to(torch::kFloat32);
    const Tensor flatLength = length.reshape(-1);
    const Tensor ownLength = flatLength.index_select(0, sel).clamp_min(0.5);
    const Tensor ownDepth = g.depth.index_select(0, sel);
    const Tensor dirLength = (dir.select(1, 0).square() + dir.select(1, 1).square()).sqrt();

    // Each tap pulls the pixel toward its colour by its weight; the pixel's own colour weighs
    // 1/length (a fast pixel spreads thin). Written as a correction so that a pixel no tap sweeps
    // over keeps its exact value.
    const Tensor own = linear.index_select(0, sel);
    Tensor pull = torch::zeros_like(own);
    Tensor weight = torch::zeros_like(ownLength);
    for (int k = 0; k < kTaps; ++k) {
        const double t = -1 + (2.0 * k + 1) / kTaps; // evenly across [-1, 1], never 0
        const Tensor sx = (x + t * dir.select(1, 0)).round().clamp(0, g.imageWidth - 1);
        const Tensor sy = (y + t * dir.select(1, 1)).round().clamp(0, g.imageHeight - 1);
        const Tensor tap = (sy * g.width + sx).to(torch::kInt64);
        const Tensor distance = dirLength * std::abs(t);
        const Tensor tapLength = flatLength.index_select(0, tap).clamp_min(0.5);
        const Tensor tapDepth = g.depth.index_select(0, tap);
        // In front: the tap's surface smears over this pixel if it moves far enough. Behind: this
        // pixel's own smear uncovers it. Both moving: blend through each other.
        const Tensor alpha = closer(tapDepth, ownDepth) * cone(distance, tapLength)
                             + closer(ownDepth, tapDepth) * cone(distance, ownLength)
                             + cylinder(distance, tapLength) * cylinder(distance, ownLength) * 2;
        pull = pull + (linear.index_select(0, tap) - own) * alpha.unsqueeze(1);
        weight = weight + alpha;
    }
    const Tensor swept = (weight > 0).nonzero().squeeze(1);
    *pixels = sel.index_select(0, swept);
    const Tensor w = weight.index_select(0, swept);
    return own.index_select(0, swept) + pull.index_select(0, swept) / (1 / ownLength.index_select(0, swept) + w).unsqueeze(1);
}

} // namespace kinora::engine::render
