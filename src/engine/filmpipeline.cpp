// FilmPipeline: runs the stages in order on the calling thread. Continuity: every shot before the
// last selected one is compiled and simulated (not rendered) so the world state carries over.
#include "engine/filmpipeline.h"

#include "engine/prompt/promptcompiler.h"
#include "engine/render/renderer.h"
#include "engine/world/world.h"
#include "media/mp4writer.h"

#include <QElapsedTimer>
#include <vector>

namespace kinora::engine {
namespace {

const core::Error kCancelled{QStringLiteral("cancelled"), {}};

ShotInput inputFor(const story::Storyboard &board, int index, const FilmOverrides &o)
{
    const story::Shot &shot = board.shots.at(index);
    ShotInput in;
    in.shotId = shot.id;
    in.prompt = shot.prompt;
    in.camera = story::toString(shot.camera);
    in.framing = story::toString(shot.framing);
    in.style = story::toString(shot.style);
    in.durationSeconds = shot.durationDs / 10.0;
    in.fps = o.fps.value_or(board.fps);
    const QSize size = frameSize(o.resolution.value_or(board.resolution), board.aspect);
    in.width = size.width();
    in.height = size.height();
    in.seed = o.seed ? *o.seed + std::uint32_t(index) : shot.seed;
    in.newScene = index == 0 || shot.continuity == story::Continuity::NewScene;
    for (const story::DialogueLine &line : shot.dialogue)
        in.dialogue << PlanDialogue{line.speaker, {}, line.language, line.text,
                                    line.startMs ? *line.startMs / 1000.0 : -1.0};
    for (const story::CameoSlot &cameo : shot.cameos)
        in.cameos << cameo.cameo;
    return in;
}

int lastSelected(const story::Storyboard &board, const FilmOverrides &o)
{
    if (o.shots.isEmpty())
        return int(board.shots.size());
    return *std::max_element(o.shots.begin(), o.shots.end());
}

bool selected(const FilmOverrides &o, int number)
{
    return o.shots.isEmpty() || o.shots.contains(number);
}

} // namespace

FilmPipeline::FilmPipeline(QString renderDevice) : m_device(std::move(renderDevice)) {}

core::Result<QList<ScenePlan>> FilmPipeline::plan(const story::Storyboard &board, const FilmOverrides &overrides,
                                                  const PipelineProgressFn &progress)
{
    QList<ScenePlan> plans;
    PromptCompiler compiler;
    World world;
    QList<PlanEntity> state;
    QString environment, timeOfDay, weather;
    const int last = lastSelected(board, overrides);
    for (int i = 0; i < last; ++i) {
        ShotInput in = inputFor(board, i, overrides);
        in.previousTimeOfDay = timeOfDay;
        in.previousWeather = weather;
        if (progress && !progress({i + 1, int(board.shots.size()), QStringLiteral("plan"), 0, 1}))
            return kCancelled;
        ScenePlan plan = compiler.compile(in, in.newScene ? QList<PlanEntity>{} : state,
                                          in.newScene ? QString() : environment);
        if (selected(overrides, i + 1))
            plans << plan;
        if (i + 1 == last)
            break;
        auto track = world.simulate(plan);
        if (!track)
            return core::Error{track.error().message, QStringLiteral("shot %1").arg(i + 1)};
        state = track.value().endState;
        environment = plan.environment;
        timeOfDay = plan.timeOfDay;
        weather = plan.weather;
    }
    return plans;
}

core::Status FilmPipeline::walk(const story::Storyboard &board, const FilmOverrides &overrides,
                                const PipelineProgressFn &progress, FilmStats &s, const SelectedShotFn &onSelected)
{
    PromptCompiler compiler;
    World world;
    QList<PlanEntity> state;
    QString environment, timeOfDay, weather;
    const int shotCount = int(board.shots.size());
    const int last = lastSelected(board, overrides);
    QElapsedTimer timer;
    for (int i = 0; i < last; ++i) {
        const int number = i + 1;
        ShotInput in = inputFor(board, i, overrides);
        in.previousTimeOfDay = timeOfDay;
        in.previousWeather = weather;
        timer.start();
        const ScenePlan plan = compiler.compile(in, in.newScene ? QList<PlanEntity>{} : state,
                                                in.newScene ? QString() : environment);
        s.planSeconds += timer.nsecsElapsed() / 1e9;
        timer.start();
        auto track = world.simulate(plan, [&](int done, int total) {
            return !progress || progress({number, shotCount, QStringLiteral("simulate"), done, total});
        });
        s.simulateSeconds += timer.nsecsElapsed() / 1e9;
        if (!track)
            return core::Error{track.error().message, QStringLiteral("shot %1").arg(number)};
        state = track.value().endState;
        environment = plan.environment;
        timeOfDay = plan.timeOfDay;
        weather = plan.weather;
        if (!selected(overrides, number))
            continue;
        if (core::Status st = onSelected(number, plan, track.value()); !st)
            return st;
    }
    return {};
}

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
    const ShotInput first = inputFor(board, 0, overrides);
    auto writer = media::Mp4Writer::open(outPath, {first.width, first.height, first.fps}, {48000, 2});
    if (!writer)
        return writer.error();
    FilmStats local;
    FilmStats &s = stats ? *stats : local;
    const int shotCount = int(board.shots.size());
    core::Status st = walk(board, overrides, progress, s, [&](int number, const ScenePlan &plan, const WorldTrack &track) {
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
    const ShotInput in = inputFor(board, number - 1, one);
    auto writer = media::Mp4Writer::open(outPath, {in.width, in.height, in.fps}, {48000, 2});
    if (!writer)
        return writer.error();
    ShotOutcome outcome;
    const int shotCount = int(board.shots.size());
    core::Status st = walk(board, one, progress, outcome.stats, [&](int n, const ScenePlan &plan, const WorldTrack &track) {
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
