// Private to the renderer: the tensor kernels shared by its translation units (ray casting,
// shading, styles). Includes torch, so it must never be included from a public header.
#pragma once

#include "engine/render/camerapath.h"
#include "engine/render/look.h"
#include "engine/worldtrack.h"

#include <torch/torch.h>

/// The CPU loops (cpugeometry.cpp, cpushading.cpp) are also built for wider vector units where
/// the CPU has them, chosen once at load. Only plain IEEE arithmetic runs in them (no fused
/// multiply-add), so every path gives the same bits (bench_film's frames hash is the same with and
/// without the wide paths).
#define KINORA_WIDE_LOOPS __attribute__((target_clones("avx2", "default")))

namespace kinora::engine::render {

using engine::Look;

using torch::Tensor;

/// Tile edge in pixels: rays are culled per 16x16 tile against each primitive's bounding sphere.
constexpr int kTile = 16;

/// @brief Dot product over the last dimension (of size 3), broadcasting: three multiply-adds. On the
/// CPU, torch's reduction over a last dimension of 3 is five times slower than this.
inline Tensor dot3(const Tensor &a, const Tensor &b)
{
    Tensor d = a.select(-1, 0) * b.select(-1, 0);
    d.addcmul_(a.select(-1, 1), b.select(-1, 1));
    d.addcmul_(a.select(-1, 2), b.select(-1, 2));
    return d;
}
/// @brief Length over the last dimension (of size 3); Tensor::norm is as slow as the sum.
inline Tensor length3(const Tensor &v) { return dot3(v, v).sqrt(); }
/// @brief Unit vectors over the last dimension (of size 3); zero stays zero.
inline Tensor normalized3(const Tensor &v) { return v * dot3(v, v).clamp_min(1e-18).rsqrt().unsqueeze(-1); }
/// @brief x to a whole power >= 1 by squaring: Tensor::pow with an exponent other than 2 takes the
/// slow general path.
inline Tensor powi(const Tensor &x, int n)
{
    Tensor result, base = x;
    for (; n > 0; n >>= 1) {
        if (n & 1)
            result = result.defined() ? result * base : base;
        if (n > 1)
            base = base * base;
    }
    return result;
}

/// @brief v [M,3] from the frames R [M,3,3] (columns are the local axes) to the world.
Tensor toWorld(const Tensor &v, const Tensor &R);

/// @brief The frame's primitives as device tensors, with one trailing dummy row so that a gather
/// by "no hit" (-1 mapped to count) stays in range.
struct PrimitiveTable
{
    Tensor center; ///< [P+1,3]
    Tensor axes;   ///< [P+1,3,3] world = axes * local (columns are the local axes)
    Tensor size;   ///< [P+1,3]
    Tensor color;  ///< [P+1,3]
    Tensor shape;  ///< [P+1] int64, Primitive::Shape values (0 for the dummy)
    Tensor part;   ///< [P+1] int64, Primitive::Part values
    Tensor mouth;  ///< [P+1] mouth opening 0..1
    Tensor shine;  ///< [P+1] specular strength from the material
    Tensor bound;  ///< [P] bounding-sphere radius
    int count = 0;
};

PrimitiveTable makePrimitiveTable(const QList<Primitive> &primitives, const torch::Device &device);
/// @brief Whether makePrimitiveTable() keeps @p p (a table's rows are the renderable primitives, in order).
bool isRenderable(const Primitive &p);
/// @brief The rows @p rows ([K] int64, sorted) of @p table as a table of their own (with its dummy row).
PrimitiveTable subsetTable(const PrimitiveTable &table, const Tensor &rows);
/// @brief Primitives part way (u in 0..1) from @p a to @p b; @p a when the lists do not match.
QList<Primitive> blendPrimitives(const QList<Primitive> &a, const QList<Primitive> &b, double u);

/// @brief Image [H,W,C] (H, W multiples of kTile) to tiles [T, kTile*kTile, C], and back.
Tensor toTiles(const Tensor &image);
Tensor fromTiles(const Tensor &tiles, int height, int width);

struct Hits
{
    Tensor t;  ///< [H*W] distance along the ray, +inf for no hit
    Tensor id; ///< [H*W] int64 primitive index, -1 for no hit
};

/// How a kernel runs: as loops over the memory of CPU tensors (Auto, on the CPU: several times
/// faster), or as tensor ops on any device (Tensors: the path for other devices, and the
/// reference the tests hold the loops to).
enum class KernelPath { Auto, Tensors };

/// @brief Nearest primitive along each camera ray; @p dirs is [H,W,3] of unit directions.
Hits castPrimary(const PrimitiveTable &table, const Tensor &eye, const Tensor &dirs, KernelPath path = KernelPath::Auto);
/// @brief Whether anything lies between each origin and the light along @p toLight ([3], unit).
/// @p origins [H,W,3], @p valid [H,W] bool (false: no ray). Returns [H*W] bool.
Tensor castShadow(const PrimitiveTable &table, const Tensor &origins, const Tensor &valid,
                  const Vec3 &toLight, KernelPath path = KernelPath::Auto);
/// @brief castPrimary() as CPU loops (cpugeometry.cpp).
Hits castPrimaryLoops(const PrimitiveTable &table, const Tensor &eye, const Tensor &dirs);
/// @brief Nearest hits of parallel rays along @p direction from @p origins [H,W,3] where @p valid,
/// as CPU loops; @p e1, @p e2 span the plane across the beam.
Hits castParallelLoops(const PrimitiveTable &table, const Tensor &origins, const Tensor &valid, const Vec3 &direction,
                       const Vec3 &e1, const Vec3 &e2);

/// @brief Where the shot's unchanging primitives block the sun, as seen from it: for each texel
/// across the beam, the height along the light of the first surface. Made once per shot; then a
/// moving camera's pixels look their shadow up instead of casting rays at those primitives.
struct ShadowMap
{
    Tensor height;      ///< [size*size] coordinate along toLight of the first surface, -inf for none
    Vec3 toLight, e1, e2;
    double u0 = 0, v0 = 0, texel = 1, bias = 0;
    int size = 0;
};
/// Texel edge the map aims for (metres) and its largest side (texels).
constexpr double kShadowTexel = 0.02;
constexpr int kShadowMapMax = 1536;
ShadowMap makeShadowMap(const PrimitiveTable &casters, const Vec3 &toLight);
/// @brief [M] bool: origins [M,3] (lifted off their surface) that a map's casters keep from the sun
/// (raycaster.cpp; on the CPU a loop in cpugeometry.cpp).
Tensor shadowMapBlocked(const ShadowMap &map, const Tensor &origins, const Tensor &valid, KernelPath path = KernelPath::Auto);
Tensor shadowMapBlockedLoops(const ShadowMap &map, const Tensor &origins, const Tensor &valid);
inline Tensor vec3(const Vec3 &v, const torch::TensorOptions &o)
{
    return torch::tensor({float(v.x), float(v.y), float(v.z)}, o);
}

struct Surface
{
    Tensor normal; ///< [M,3] world-space unit normal
    Tensor local;  ///< [M,3] hit point in the primitive's local frame
};
/// @brief Normals and local coordinates at @p positions [M,3] on primitives @p ids [M] (-1 ok).
Surface surfaceAt(const PrimitiveTable &table, const Tensor &positions, const Tensor &ids);

/// @brief Per-pixel scene description the shading and style passes read. Flattened [M = H*W].
struct GBuffer
{
    int height = 0, width = 0;           ///< padded to tile multiples
    int imageHeight = 0, imageWidth = 0; ///< the visible part (top-left) of the padded image
    Vec3 eye;        ///< camera position
    Tensor dir;      ///< [M,3]
    Tensor depth;    ///< [M] ray distance; a large constant for the background
    Tensor kind;     ///< [M] int64: 0 background, 1 ground, 2 primitive
    Tensor id;       ///< [M] primitive index or -1
    Tensor position; ///< [M,3]
    Tensor normal;   ///< [M,3]
    Tensor local;    ///< [M,3]
    Tensor lit;      ///< [M] 1 sunlit, 0 in shadow
    /// [M] bool, optional: the pixels whose surface differs from the camera's cached set (the moving
    /// primitives); undefined means every primitive pixel.
    Tensor changed;
};

/// An indoor set's walls and ceiling: x within +-halfWidth, z from back to front, y up to ceiling.
struct RoomBox
{
    double halfWidth, back, front, ceiling;
};
RoomBox roomFor(const Look &look);

/// A camera pose's rays and what they see of the bare set (ground, or the room's walls and
/// ceiling; no primitives). Flattened [M = H*W] like the G-buffer.
struct SetView
{
    Tensor dirs;     ///< [H,W,3] unit ray directions
    Tensor nearest;  ///< [M] distance to the ground or a wall, +inf for none
    Tensor kind;     ///< [M] int64: 1 ground, 0 walls or sky
    Tensor depth;    ///< [M] the ground's or wall's distance, 1e4 for the sky
    Tensor position; ///< [M,3]
    Tensor normal;   ///< [M,3] up on the ground, facing the camera elsewhere
    Tensor origins;  ///< [M,3] shadow-ray origins, lifted off the surface
    Tensor shadowed; ///< [M] bool: ground facing the light, so it needs a shadow ray
};
/// @brief The bare set seen by a camera at @p eye with axes @p basis and vertical field
/// tan(fovY/2) = @p tanHalf, over pixel offsets @p sx [1,W,1] and @p sy [H,1,1] (renderer.cpp;
/// on the CPU a loop in cpugeometry.cpp).
SetView viewSet(const Look &look, const Vec3 &eye, const CameraBasis &basis, double tanHalf, const Tensor &sx,
                const Tensor &sy, KernelPath path = KernelPath::Auto);
SetView viewSetLoops(const Look &look, const Vec3 &eye, const CameraBasis &basis, double tanHalf, const Tensor &sx,
                     const Tensor &sy);

/// @brief Where @p mask [M] is set, the primitive hits @p hits (against @p table) become @p g's
/// surface (kind, depth, id, position, normal, local), and their shadow-ray origins and "facing
/// the light" flags replace those in @p origins and @p valid. @p rows maps @p table's rows to the
/// frame table's (undefined: they are the frame table's). The inputs' tensors are not written
/// to (a cached set may share them): changed ones are replaced (renderer.cpp; on the CPU a loop).
void writeHits(GBuffer &g, Tensor &origins, Tensor &valid, const Look &look, const PrimitiveTable &table,
               const Hits &hits, const Tensor &mask, const Tensor &rows, KernelPath path = KernelPath::Auto);
void writeHitsLoops(GBuffer &g, Tensor &origins, Tensor &valid, const Look &look, const PrimitiveTable &table,
                    const Hits &hits, const Tensor &mask, const Tensor &rows);

/// @brief Distance along each ray [M,3] from @p eye to the walls of an indoor set (+inf outdoors).
Tensor backdropDistance(const Look &look, const Vec3 &eye, const Tensor &dirs);
/// @brief Ground albedo [M,3] at world points [M,3]; @p shine receives [M] specular strength and
/// @p water [M] 1 where the ground is water (whose normal shade() then ripples).
Tensor groundAlbedo(const Look &look, const Tensor &pos, int frame, Tensor *shine, Tensor *water);
/// @brief Ground points [M,3] whose albedo changes from frame to frame (the beach's sea and
/// shore): [M] bool.
Tensor movingGround(const Look &look, const Tensor &pos);
/// @brief Sky, indoor walls, stars or open water seen along @p dirs [M,3] (linear RGB [M,3]).
Tensor background(const Look &look, const Tensor &dirs, const Tensor &depth, const Vec3 &eye, int frame);
/// @brief A frame with no primitives, shaded once per camera pose: every pixel fully lit and
/// fully in shadow (fog included, weather not), so a frame only shades its primitives.
struct EnvironmentLayer
{
    Tensor lit, shadowed; ///< [M,3]; undefined when the environment changes every frame
    Tensor difference;    ///< lit - shadowed, so a frame blends by its lit fraction
    Tensor dynamic;       ///< [M] bool: pixels still shaded per frame (moving water); may be undefined
};
/// @brief Whether any of the environment stays the same from frame to frame (underwater: no).
bool environmentIsStatic(const Look &look);
/// @brief The environment layer of @p empty, a G-buffer rendered without primitives.
EnvironmentLayer shadeEnvironment(const Look &look, const GBuffer &empty, const PrimitiveTable &table);
/// What lighting a surface reads, per pixel: [K,3] or [K].
struct SurfaceLight
{
    Tensor albedo, normal, dir; ///< [K,3]; normal unit, dir the unit camera ray
    Tensor lit, shine;          ///< [K]: 1 sunlit, 0 in shadow; specular strength
    Tensor position;            ///< [K,3]
    Tensor isGround;            ///< [K] bool
};
/// @brief Lit linear RGB [K,3]: key light with shadows, ambient, specular, the style's light (cel
/// bands, wrapped clay, dim noir), a stage's spotlight and the sea's sheen (shading.cpp; on the
/// CPU a loop in cpushading.cpp, except under water, whose caustics stay tensor ops).
Tensor lightSurfaces(const Look &look, const SurfaceLight &in, int frame, KernelPath path = KernelPath::Auto);
Tensor lightSurfacesLoops(const Look &look, const SurfaceLight &in);
/// @brief Linear RGB [K,3] @p color seen through the look's fog (and water) at @p depth [K]; the
/// sky's pixels (@p isBackground [K] bool) get the far veil.
Tensor applyFog(const Look &look, const Tensor &color, const Tensor &depth, const Tensor &isBackground,
                KernelPath path = KernelPath::Auto);
Tensor applyFogLoops(const Look &look, const Tensor &color, const Tensor &depth, const Tensor &isBackground);
/// @brief Linear RGB [K,3] of the pixels @p sel (sorted indices into the frame), fog included.
Tensor shadePixels(const Look &look, const GBuffer &g, const Tensor &sel, const PrimitiveTable &table, int frame);
/// @brief Pixels [K] (sorted) a frame must shade itself on top of @p environment: primitives and
/// dynamic pixels.
Tensor directPixels(const GBuffer &g, const EnvironmentLayer &environment);
/// @brief Whether rain or snow is drawn over the frame (a screen-space pass after shading).
bool hasWeather(const Look &look);
/// @brief Rain streaks and snow flakes over a whole frame's linear RGB [M,3] (shading.cpp; on
/// the CPU a loop in cpushading.cpp, over rows @p width pixels long).
Tensor applyWeather(const Look &look, const Tensor &color, const GBuffer &g, int frame, KernelPath path = KernelPath::Auto);
Tensor weatherLoops(const Look &look, const Tensor &color, int width, int frame);
/// @brief Linear RGB [M,3] of a frame: materials, lighting, faces, sky, fog and weather. With
/// @p environment (made for this frame's camera pose), only primitives and dynamic pixels are shaded.
Tensor shade(const Look &look, const GBuffer &g, const PrimitiveTable &table, int frame,
             const EnvironmentLayer *environment = nullptr);
/// @brief The style pass: display RGB in 0..1, planar [3,H,W] (still padded), from linear RGB [M,3].
Tensor stylize(const Look &look, const GBuffer &g, const Tensor &linear, int frame);
/// @brief Whether the look's style is a function of a pixel's colour and place alone (no
/// outlines, grain or film weave), so unchanged pixels can keep their styled value.
bool styleIsPointwise(const Look &look);
/// @brief A pointwise style at some pixels: display RGB [3,1,K] of linear RGB [K,3] at @p pixels
/// (indices into the padded frame): stylize()'s formulas, though not always to the last bit, so a
/// shot should style a pixel one way throughout.
Tensor stylizePixels(const Look &look, const GBuffer &g, const Tensor &linear, const Tensor &pixels);
/// @brief Screen motion [K,2] in pixels of the pixels @p pixels of @p g from the camera at @p now to
/// the camera at @p laterPose, with the primitives placed as in @p later (same rows as g's table).
Tensor screenMotion(const GBuffer &g, const Tensor &pixels, const PrimitiveTable &later, const CameraPose &now,
                    const CameraPose &laterPose, KernelPath path = KernelPath::Auto);
/// @brief Motion blur of linear RGB [M,3] given each pixel's screen motion over the shutter [M,2]:
/// the blurred colours [K,3] of the pixels it changed, whose sorted indices go to @p pixels.
Tensor blurPixels(const GBuffer &g, const Tensor &linear, const Tensor &motion, Tensor *pixels,
                  KernelPath path = KernelPath::Auto);

/// @brief screenMotion() and blurPixels() as CPU loops (cpushading.cpp).
Tensor screenMotionLoops(const GBuffer &g, const Tensor &pixels, const PrimitiveTable &later, const CameraPose &now,
                         const CameraPose &laterPose);
Tensor blurPixelsLoops(const GBuffer &g, const Tensor &linear, const Tensor &motion, Tensor *pixels, int taps,
                       float minHalfExtent, float maxHalfExtent);

/// @brief 8-bit values of display RGB in 0..1 (any shape), rounded to nearest.
Tensor toBytes(const Tensor &display);
/// @brief 8-bit interleaved RGB [h,w,3] of the top-left h x w of planar display RGB [3,H,W]:
/// toBytes() and the transpose in one pass (a CPU loop on the CPU).
Tensor interleavedBytes(const Tensor &display, int height, int width, KernelPath path = KernelPath::Auto);
Tensor interleavedBytesLoops(const Tensor &display, int height, int width);

/// @brief Deterministic hash noise in [0,1) of integer lattice coordinates (any device; on the
/// CPU a loop, the same bits as the tensor ops of @p path Tensors).
Tensor hashNoise(const Tensor &ix, const Tensor &iy, std::int64_t salt, KernelPath path = KernelPath::Auto);
/// @brief Smooth value noise in [0,1) of float coordinates (on the CPU a loop, as hashNoise).
Tensor valueNoise(const Tensor &x, const Tensor &y, std::int64_t salt, KernelPath path = KernelPath::Auto);
/// @brief hashNoise() and valueNoise() as CPU loops (cpushading.cpp).
Tensor hashNoiseLoops(const Tensor &ix, const Tensor &iy, std::int64_t salt);
Tensor valueNoiseLoops(const Tensor &x, const Tensor &y, std::int64_t salt);

} // namespace kinora::engine::render
