// FilmPlanner: compile and simulate shot after shot; every shot before the last selected one is
// simulated (not rendered) so the world state carries over.
#include "engine/filmplanner.h"

#include "engine/prompt/promptcompiler.h"
#include "engine/world/world.h"

#include <QElapsedTimer>

namespace kinora::engine {

ShotInput shotInput(const story::Storyboard &board, int index, const FilmOverrides &o)
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

namespace {

/// The shot's plan: the user's edited plan when there is one, else compiled from the prompt. The
/// storyboard keeps the say over timing, size and seed, so editing the duration after the plan
/// still works; what is in the scene and what happens comes from the edited plan.
core::Result<ScenePlan> planFor(const story::Shot &shot, const ShotInput &in, PromptCompiler &compiler,
                                const QList<PlanEntity> &previous, const QString &previousEnvironment)
{
    if (shot.plan.isEmpty())
        return compiler.compile(in, previous, previousEnvironment);
    auto edited = scenePlanFromJson(shot.plan);
    if (!edited)
        return core::Error{QStringLiteral("The edited plan is not valid: %1. Fix it in the plan editor or reset it to "
                                          "the prompt's plan.").arg(edited.error().toString()), {}};
    ScenePlan plan = edited.value();
    applyShotInput(plan, in);
    return plan;
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

core::Status FilmPlanner::walk(const story::Storyboard &board, const FilmOverrides &overrides,
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
        ShotInput in = shotInput(board, i, overrides);
        in.previousTimeOfDay = timeOfDay;
        in.previousWeather = weather;
        timer.start();
        auto planned = planFor(board.shots.at(i), in, compiler, in.newScene ? QList<PlanEntity>{} : state,
                               in.newScene ? QString() : environment);
        s.planSeconds += timer.nsecsElapsed() / 1e9;
        if (!planned)
            return core::Error{planned.error().message, QStringLiteral("shot %1").arg(number)};
        const ScenePlan &plan = planned.value();
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

core::Result<QList<ScenePlan>> FilmPlanner::plan(const story::Storyboard &board, const FilmOverrides &overrides,
                                                 const PipelineProgressFn &progress)
{
    QList<ScenePlan> plans;
    FilmStats stats;
    const core::Status st = walk(board, overrides, progress, stats, [&](int, const ScenePlan &plan, const WorldTrack &) {
        plans << plan;
        return core::Status();
    });
    if (!st)
        return st.error();
    return plans;
}

} // namespace kinora::engine
