// bench_film [--storyboard FILE] [--resolution R] [--fps N] [--shots LIST]: renders a storyboard
// (default: the bundled sample) and prints the real-time factor (seconds of generation per second
// of film) with its split by stage, beside libtorch's matmul GFLOP/s so machines can be compared.
#include "engine/filmpipeline.h"
#include "engine/render/renderer.h"
#include "story/projectio.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>
#include <sys/resource.h>

using namespace kinora;

int main(int argc, char **argv)
{
    kinora::engine::Renderer::tuneAllocatorForRendering();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const QString file = option(QStringLiteral("--storyboard"), QStringLiteral(KINORA_SOURCE_DIR "/resources/samples/rebound.json"));
    auto board = story::readStoryboardFile(file);
    if (!board) {
        std::fprintf(stderr, "error: %s\n", qPrintable(board.error().toString()));
        return 1;
    }
    engine::FilmOverrides overrides;
    overrides.resolution = story::resolutionFromString(option(QStringLiteral("--resolution"), QStringLiteral("480p")));
    overrides.fps = option(QStringLiteral("--fps"), QStringLiteral("24")).toInt();
    if (args.contains(QStringLiteral("--shots"))) {
        auto shots = engine::parseShotList(option(QStringLiteral("--shots"), {}), int(board.value().shots.size()));
        if (!shots) {
            std::fprintf(stderr, "error: %s\n", qPrintable(shots.error().toString()));
            return 2;
        }
        overrides.shots = shots.value();
    }
    // Measured first, at the process's default thread count, so the figure compares machines.
    const int matmulThreads = engine::Renderer::threadCount();
    const double matmul = engine::Renderer::matmulGflops(1024);
    QTemporaryDir dir;
    engine::FilmPipeline pipeline;
    engine::FilmStats stats;
    QElapsedTimer timer;
    timer.start();
    const core::Status st = pipeline.render(board.value(), overrides, dir.filePath(QStringLiteral("film.mp4")), {}, &stats);
    const double wall = timer.nsecsElapsed() / 1e9;
    if (!st) {
        std::fprintf(stderr, "error: %s\n", qPrintable(st.error().toString()));
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double out = std::max(1e-9, stats.outputSeconds);
    std::printf("bench_film: %s, %d frames, %.1f s of film at %s %d fps\n", qPrintable(file), stats.frames,
                stats.outputSeconds, qPrintable(story::toString(*overrides.resolution)), *overrides.fps);
    std::printf("  real-time factor        %6.2f  (generation seconds per film second; 1.0 = real time)\n", wall / out);
    std::printf("    plan %.3f  simulate %.3f  render %.3f  sound %.3f  encode %.3f  (per film second)\n",
                stats.planSeconds / out, stats.simulateSeconds / out, stats.renderSeconds / out,
                stats.soundSeconds / out, stats.encodeSeconds / out);
    std::printf("  libtorch matmul         %6.1f GFLOP/s (1024x1024 float, %d threads)\n", matmul, matmulThreads);
    std::printf("  peak memory (max RSS)   %6.1f MiB\n", usage.ru_maxrss / 1024.0);
    // The rendered frames' hash (before encoding): equal across builds means the same picture.
    std::printf("  frames hash             %016llx\n", static_cast<unsigned long long>(stats.frameHash));
    return 0;
}
