// FilmPipeline: renders what the FilmPlanner simulated, on the calling thread.
#include "engine/filmpipeline.h"

#include "engine/prompt/promptcompiler.h"
#include "engine/render/renderer.h"
#include "media/mp4writer.h"

#include <QElapsedTimer>
#include <vector>

namespace kinora::engine {

FilmPipeline::FilmPipeline(QString renderDevice) : m_device(std::move(renderDevice)) {}

core::Status FilmPipeline::renderInto(media::Mp4Writer &writer, const ScenePlan &plan, const WorldTrack &track,
                                      int number, int shotCount, const PipelineProgressFn &progress, FilmStats &s)
{
    QElapsedTimer timer;
    timer.start();
    double encodeSeconds = 0;
    QElapsedTimer encodeTimer;
    Renderer renderer(RenderOptions{m_device, 0});
    core::Status st = renderer.render(
        plan, track,
        [&](int, const std::uint8_t *rgb, int stride) {
            encodeTimer.start();
            core::Status w = writer.writeVideoFrame(rgb, stride);
            encodeSeconds += encodeTimer.nsecsElapsed() / 1e9;
            return w;
        },
        [&](int done, int total) {
            return !progress || progress({number, shotCount, QStringLiteral("render"), done, total});
        });
    s.renderSeconds += timer.nsecsElapsed() / 1e9 - encodeSeconds;
    s.encodeSeconds += encodeSeconds;
    if (!st)
        return core::Error{st.error().message, QStringLiteral("shot %1").arg(number)};
    // The sound stage fills this track; until then each shot carries its own silence so the
    // audio stays aligned with the picture at every shot boundary.
    const int samples = int(std::llround(plan.frameCount() * 48000.0 / plan.fps));
    std::vector<float> silence(std::size_t(samples) * 2, 0.0f);
    if (core::Status a = writer.writeAudio(silence.data(), samples); !a)
        return a;
    s.frames += plan.frameCount();
    s.outputSeconds += double(plan.frameCount()) / plan.fps;
    return {};
}

core::Status FilmPipeline::render(const story::Storyboard &board, const FilmOverrides &overrides,
                                  const QString &outPath, const PipelineProgressFn &progress, FilmStats *stats)
{
    if (board.shots.isEmpty())
        return core::Error{QStringLiteral("The storyboard has no shots."), {}};
    const ShotInput first = shotInput(board, 0, overrides);
    auto writer = media::Mp4Writer::open(outPath, {first.width, first.height, first.fps}, {48000, 2});
    if (!writer)
        return writer.error();
    FilmStats local;
    FilmStats &s = stats ? *stats : local;
    const int shotCount = int(board.shots.size());
    core::Status st = FilmPlanner().walk(board, overrides, progress, s, [&](int number, const ScenePlan &plan, const WorldTrack &track) {
        return renderInto(*writer.value(), plan, track, number, shotCount, progress, s);
    });
    if (!st)
        return st;
    QElapsedTimer timer;
    timer.start();
    core::Status done = writer.value()->finish();
    s.encodeSeconds += timer.nsecsElapsed() / 1e9;
    return done;
}

core::Result<FilmPipeline::ShotOutcome> FilmPipeline::renderShot(const story::Storyboard &board,
                                                                 const FilmOverrides &overrides, int number,
                                                                 const QString &outPath,
                                                                 const PipelineProgressFn &progress)
{
    if (number < 1 || number > board.shots.size())
        return core::Error{QStringLiteral("There is no shot %1.").arg(number), {}};
    FilmOverrides one = overrides;
    one.shots = {number};
    const ShotInput in = shotInput(board, number - 1, one);
    auto writer = media::Mp4Writer::open(outPath, {in.width, in.height, in.fps}, {48000, 2});
    if (!writer)
        return writer.error();
    ShotOutcome outcome;
    const int shotCount = int(board.shots.size());
    core::Status st = FilmPlanner().walk(board, one, progress, outcome.stats, [&](int n, const ScenePlan &plan, const WorldTrack &track) {
        outcome.plan = plan;
        outcome.endState = track.endState;
        return renderInto(*writer.value(), plan, track, n, shotCount, progress, outcome.stats);
    });
    if (!st)
        return st.error();
    if (core::Status done = writer.value()->finish(); !done)
        return done.error();
    return outcome;
}

} // namespace kinora::engine
