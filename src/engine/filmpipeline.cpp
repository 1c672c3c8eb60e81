// FilmPipeline: renders what the FilmPlanner simulated, on the calling thread: speech first (its
// visemes move the mouths), then the picture, then the shot's sound mixed from the same world.
#include "engine/filmpipeline.h"

#include "audio/audioengine.h"
#include "audio/speech.h"
#include "audio/voicecast.h"
#include "engine/prompt/promptcompiler.h"
#include "engine/render/renderer.h"
#include "media/mp4writer.h"

#include <QElapsedTimer>
#include <QSet>
#include <cmath>

namespace kinora::engine {
namespace {

/// The speech stage's mouth openings replace the world's generic talking motion for every figure
/// that has lines: closed between lines, shaped by the phonemes during them.
WorldTrack withVisemes(const WorldTrack &track, const ScenePlan &plan, const audio::SpeechTrack &speech)
{
    if (speech.mouthOpen.isEmpty())
        return track;
    WorldTrack out = track;
    for (auto it = speech.mouthOpen.constBegin(); it != speech.mouthOpen.constEnd(); ++it) {
        const int entity = plan.indexOf(it.key());
        if (entity < 0)
            continue;
        for (int f = 0; f < out.frames.size(); ++f) {
            const float open = f < int(it.value().size()) ? it.value()[std::size_t(f)] : 0.0f;
            for (Primitive &p : out.frames[f].primitives)
                if (p.entity == entity && p.part == Primitive::Part::Head)
                    p.mouthOpen = open;
        }
    }
    return out;
}

} // namespace

FilmPipeline::FilmPipeline(QString renderDevice) : m_device(std::move(renderDevice)) {}

audio::VoiceCast FilmPipeline::castFor(const story::Storyboard &board, const FilmOverrides &overrides)
{
    FilmOverrides all = overrides;
    all.shots.clear();
    // Planning is cheap (compile + simulate, no rendering); it tells which figure plays whom.
    const auto plans = FilmPlanner().plan(board, all);
    QList<audio::SpeakerHint> hints;
    QSet<QString> seen;
    for (int i = 0; i < board.shots.size(); ++i) {
        for (const story::DialogueLine &line : board.shots.at(i).dialogue) {
            const QString key = line.speaker.trimmed().toUpper();
            if (key.isEmpty() || seen.contains(key))
                continue;
            seen.insert(key);
            audio::SpeakerHint hint{line.speaker.trimmed(), {}, std::nullopt};
            if (plans && i < plans.value().size())
                for (const PlanEntity &e : plans.value().at(i).entities)
                    if (e.speaker.compare(hint.speaker, Qt::CaseInsensitive) == 0)
                        hint.noun = e.noun;
            hints << hint;
        }
    }
    return audio::castVoices(hints);
}

core::Result<FilmPipeline::ShotSound> FilmPipeline::renderInto(media::Mp4Writer &writer, const ScenePlan &plan,
                                                               const WorldTrack &track, int number, int shotCount,
                                                               const audio::VoiceCast &cast,
                                                               const PipelineProgressFn &progress, FilmStats &s)
{
    QElapsedTimer soundTimer;
    soundTimer.start();
    auto speech = audio::synthesizeSpeech(plan, cast);
    if (!speech)
        return core::Error{speech.error().message, QStringLiteral("shot %1").arg(number)};
    const WorldTrack spoken = withVisemes(track, plan, speech.value());
    s.soundSeconds += soundTimer.nsecsElapsed() / 1e9;

    QElapsedTimer timer;
    timer.start();
    double encodeSeconds = 0;
    QElapsedTimer encodeTimer;
    Renderer renderer(RenderOptions{m_device, 0});
    core::Status st = renderer.render(
        plan, spoken,
        [&](int, const std::uint8_t *rgb, int stride) {
            for (int y = 0; y < plan.height; ++y)
                for (const std::uint8_t *p = rgb + std::ptrdiff_t(y) * stride, *end = p + plan.width * 3; p < end; ++p)
                    s.frameHash = (s.frameHash ^ *p) * 1099511628211ull;
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

    soundTimer.restart();
    if (progress && !progress({number, shotCount, QStringLiteral("sound"), 0, 1}))
        return core::Error{QStringLiteral("Cancelled."), QStringLiteral("shot %1").arg(number)};
    auto sound = audio::AudioEngine().render(plan, spoken, speech.value());
    if (!sound)
        return core::Error{sound.error().message, QStringLiteral("shot %1").arg(number)};
    s.soundSeconds += soundTimer.nsecsElapsed() / 1e9;
    // Each shot's track is exactly as long as its picture, so sound and picture stay aligned at
    // every shot boundary.
    const int samples = int(std::llround(plan.frameCount() * double(audio::kSampleRate) / plan.fps));
    std::vector<float> &stereo = sound.value().stereo;
    stereo.resize(std::size_t(samples) * 2, 0.0f);
    encodeTimer.start();
    if (core::Status a = writer.writeAudio(stereo.data(), samples); !a)
        return a.error();
    s.encodeSeconds += encodeTimer.nsecsElapsed() / 1e9;
    s.frames += plan.frameCount();
    s.outputSeconds += double(plan.frameCount()) / plan.fps;
    ShotSound out;
    out.subtitles = sound.value().speech.subtitles;
    out.notes = sound.value().speech.notes + sound.value().notes;
    return out;
}

core::Status FilmPipeline::render(const story::Storyboard &board, const FilmOverrides &overrides,
                                  const QString &outPath, const PipelineProgressFn &progress, FilmStats *stats,
                                  QList<media::SubtitleCue> *subtitles, QStringList *notes)
{
    if (board.shots.isEmpty())
        return core::Error{QStringLiteral("The storyboard has no shots."), {}};
    const ShotInput first = shotInput(board, 0, overrides);
    auto writer = media::Mp4Writer::open(outPath, {first.width, first.height, first.fps}, {audio::kSampleRate, 2});
    if (!writer)
        return writer.error();
    FilmStats local;
    FilmStats &s = stats ? *stats : local;
    const audio::VoiceCast cast = castFor(board, overrides);
    const int shotCount = int(board.shots.size());
    double filmTime = 0;
    core::Status st = FilmPlanner().walk(board, overrides, progress, s, [&](int number, const ScenePlan &plan, const WorldTrack &track) -> core::Status {
        auto sound = renderInto(*writer.value(), plan, track, number, shotCount, cast, progress, s);
        if (!sound)
            return sound.error();
        const double length = double(plan.frameCount()) / plan.fps;
        if (subtitles)
            *subtitles += media::shiftCues(sound.value().subtitles, filmTime, filmTime, filmTime + length);
        if (notes)
            for (const QString &n : sound.value().notes)
                *notes << QStringLiteral("Shot %1: %2").arg(number).arg(n);
        filmTime += length;
        return {};
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
    auto writer = media::Mp4Writer::open(outPath, {in.width, in.height, in.fps}, {audio::kSampleRate, 2});
    if (!writer)
        return writer.error();
    ShotOutcome outcome;
    const audio::VoiceCast cast = castFor(board, overrides);
    const int shotCount = int(board.shots.size());
    core::Status st = FilmPlanner().walk(board, one, progress, outcome.stats, [&](int n, const ScenePlan &plan, const WorldTrack &track) -> core::Status {
        outcome.plan = plan;
        outcome.endState = track.endState;
        auto sound = renderInto(*writer.value(), plan, track, n, shotCount, cast, progress, outcome.stats);
        if (!sound)
            return sound.error();
        outcome.plan.notes += sound.value().notes;
        outcome.subtitles = sound.value().subtitles;
        return {};
    });
    if (!st)
        return st.error();
    if (core::Status done = writer.value()->finish(); !done)
        return done.error();
    return outcome;
}

} // namespace kinora::engine
