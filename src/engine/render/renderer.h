// Renderer: draws a WorldTrack as RGB frames (environment, time of day, weather, camera, style).
// A libtorch tensor program behind a pimpl, so including this header never pulls in torch.
#pragma once

#include "core/result.h"
#include "engine/worldtrack.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <memory>

namespace kinora::engine {

struct RenderOptions
{
    QString device = QStringLiteral("cpu"); ///< "cpu" or "cuda" (falls back to cpu when absent)
    int threads = 0; ///< frames rendered at once, one CPU thread each; 0 = one per logical core
    int motionBlurSamples = 1; ///< 1 = one render per frame; 2-3 = sub-frame renders over a 180-degree shutter
    /// Motion blur as a post pass from each pixel's motion over a 180-degree shutter (with one
    /// sample per frame); the sub-frame renders above replace it.
    bool motionBlur = true;
};

class Renderer
{
public:
    using FrameSink = std::function<core::Status(int frame, const std::uint8_t *rgb24, int stride)>;
    using ProgressFn = std::function<bool(int done, int total)>;

    explicit Renderer(RenderOptions options = {});
    ~Renderer();
    Renderer(const Renderer &) = delete;
    Renderer &operator=(const Renderer &) = delete;

    /// @brief Renders every frame of @p track at plan.width x plan.height, in order, handing each
    /// to @p sink (rows of 3-byte RGB, @p stride bytes apart). A sink error or a progress callback
    /// returning false stops the render and is returned.
    core::Status render(const ScenePlan &plan, const WorldTrack &track, const FrameSink &sink,
                        const ProgressFn &progress = {});

    /// @brief The device this renderer actually uses ("cpu" after a cuda fallback).
    QString device() const;
    /// @brief Why the requested device was not used, or "" when it was.
    QString deviceNote() const;
    /// @brief Human-readable description of the default compute device and thread count.
    static QString deviceDescription();
    /// @brief libtorch's intra-op thread count on the calling thread (render() leaves it as it found it;
    /// its frame threads use one each, so frames never depend on it).
    static int threadCount();
    /// @brief Times a few float matmuls of @p size squared on the CPU: a BLAS health check.
    static double matmulGflops(int size = 1024);
    /// @brief Tunes the C allocator for a process whose main work is rendering (the worker, the
    /// CLI, benchmarks): a frame's tensors are megabytes each and live for microseconds, and by
    /// default every one is a fresh mmap whose pages the kernel zeroes and faults in. Keeps freed
    /// memory for reuse instead (peak memory grows by tens of MB). Call once, early in main().
    static void tuneAllocatorForRendering();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kinora::engine
