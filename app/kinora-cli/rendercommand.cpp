// The render command: options -> the render's project (the .kinora itself, or the storyboard's
// cache project) -> a batch of jobs (cached takes reused) -> the supervised worker -> the takes
// joined by the media exporter, unmarked, at the render's own size -> subtitles and a summary.
#include "rendercommand.h"

#include "engine/renderbatch.h"
#include "engineargs.h"
#include "export/filmcut.h"
#include "media/exporter.h"
#include "media/subtitles.h"
#include "renderproject.h"
#include "renderworker.h"
#include "stopsignal.h"
#include "story/projectio.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

namespace kinora::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("render", text);
}

/// Generation seconds per stage, summed over the takes rendered now (reused takes cost nothing).
struct StageSeconds
{
    double plan = 0, simulate = 0, render = 0, sound = 0, encode = 0;

    void add(const QByteArray &timingsJson)
    {
        const QJsonObject t = QJsonDocument::fromJson(timingsJson).object();
        plan += t.value(QStringLiteral("planSeconds")).toDouble();
        simulate += t.value(QStringLiteral("simulateSeconds")).toDouble();
        render += t.value(QStringLiteral("renderSeconds")).toDouble();
        sound += t.value(QStringLiteral("soundSeconds")).toDouble();
        encode += t.value(QStringLiteral("encodeSeconds")).toDouble();
    }
};

/// The takes in storyboard order as the exporter's clips, whole, with their subtitle sidecars.
core::Result<QList<media::ExportClip>> clipsOf(const engine::RenderBatch &batch, const QString &mediaFolder)
{
    QList<media::ExportClip> clips;
    for (const engine::BatchShot &shot : batch.shots()) {
        media::ExportClip clip;
        clip.mediaPath = QDir(mediaFolder).filePath(shot.take->media);
        clip.label = tr("Shot %1").arg(shot.number);
        auto duration = media::mediaDurationSeconds(clip.mediaPath);
        if (!duration)
            return core::Error{clip.label + QStringLiteral(": ") + duration.error().message, duration.error().location};
        clip.outSeconds = duration.value();
        auto cues = exporting::readSubtitleSidecar(clip.mediaPath);
        if (!cues)
            return core::Error{clip.label + QStringLiteral(": ") + cues.error().message, cues.error().location};
        clip.cues = cues.value();
        clips << clip;
    }
    return clips;
}

/// What the engine could not do for a take (a line too long, an unknown language, loudness).
QStringList notesOf(const store::Take &take)
{
    QStringList notes;
    for (const QJsonValue &note : QJsonDocument::fromJson(take.plan).object().value(QStringLiteral("notes")).toArray())
        notes << note.toString();
    return notes;
}

core::Status writeSubtitles(const QString &output, const QList<media::SubtitleCue> &cues)
{
    const QString base = output.left(output.size() - 4);
    for (const auto &[path, text] : {std::pair{base + QStringLiteral(".srt"), media::toSrt(cues)},
                                     std::pair{base + QStringLiteral(".vtt"), media::toWebVtt(cues)}})
        if (core::Status st = story::writeFileAtomically(path, text.toUtf8()); !st)
            return st;
    return {};
}

} // namespace

int runRender(const QStringList &args, QTextStream &out, QTextStream &err)
{
    EngineArgs a;
    if (const int code = parseEngineArgs(QStringLiteral("render"), args, err, a); code != 0)
        return code;
    if (!a.output.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive)) {
        err << "error: the output must be an .mp4 file\n";
        return 2;
    }
    // Checked before anything renders: finding out after minutes of work would waste them.
    if (const QFileInfo folder(QFileInfo(a.output).absolutePath()); !folder.isDir() || !folder.isWritable()) {
        err << "error: " << tr("the folder for the film does not exist or cannot be written: %1")
                                .arg(QDir::toNativeSeparators(folder.filePath()))
            << "\n";
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    pruneRenderCache();
    // A storyboard file is read and checked before its cache project is made or touched.
    const bool ownProject = story::fileKindOf(a.input) == story::StoryboardFileKind::Project;
    std::optional<story::Storyboard> fileBoard;
    if (!ownProject) {
        auto board = story::readStoryboardFile(a.input);
        if (!board) {
            err << "error: " << board.error().toString() << "\n";
            return 1;
        }
        if (const int code = checkBoard(board.value(), err, a); code != 0)
            return code;
        fileBoard = board.value();
        deriveMissingSeeds(a.input, *fileBoard);
    }
    auto opened = ownProject ? openProjectForRender(a.input) : openCacheProject(a.input, *fileBoard);
    if (!opened) {
        err << "error: " << opened.error().toString() << "\n";
        return 1;
    }
    RenderProject &project = opened.value();
    for (const QString &note : project.notes)
        err << "note: " << note << "\n";
    if (ownProject)
        if (const int code = checkBoard(project.board, err, a); code != 0)
            return code;
    QList<int> numbers = a.overrides.shots;
    if (numbers.isEmpty())
        for (int n = 1; n <= project.board.shots.size(); ++n)
            numbers << n;
    StopSignalGuard stopGuard;
    const QString mediaFolder = store::ProjectDatabase::mediaFolderFor(project.path);
    store::JobRepository jobs(project.db->db());
    auto queued = engine::RenderBatch::queue(jobs, mediaFolder, project.board, a.overrides, numbers);
    if (!queued) {
        err << "error: " << queued.error().toString() << "\n";
        return 1;
    }
    engine::RenderBatch &batch = queued.value();
    const int shotCount = int(project.board.shots.size());
    ProgressLine line(err);
    for (const engine::BatchShot &shot : batch.shots())
        if (shot.reused)
            line.message(tr("shot %1/%2 reused from the cache (take %3)").arg(shot.number).arg(shotCount).arg(shot.take->id));
    const int rendered = batch.pendingCount();
    if (rendered > 0) {
        if (jobs.isPaused()) {
            batch.cancel(jobs);
            line.message(tr("error: the project's generation queue is paused; resume it in the studio, then render again."));
            return 1;
        }
        if (const int code = renderQueuedShots(project, batch, line); code != 0)
            return code;
    }
    StageSeconds stages;
    for (const engine::BatchShot &shot : batch.shots()) {
        if (!shot.reused)
            stages.add(shot.take->timings);
        for (const QString &note : notesOf(*shot.take))
            line.message(QStringLiteral("note: ") + tr("Shot %1: %2").arg(shot.number).arg(note));
    }

    // The takes joined in storyboard order: re-encoded at the render's size and rate, unmarked
    // (the visible mark is for films shared through export).
    auto clips = clipsOf(batch, mediaFolder);
    if (!clips) {
        line.message(QStringLiteral("error: ") + clips.error().toString());
        return 1;
    }
    media::ExportSettings settings;
    settings.canvasSize = engine::frameSize(a.overrides.resolution.value_or(project.board.resolution), project.board.aspect);
    settings.fps = a.overrides.fps.value_or(project.board.fps);
    settings.quality = media::ExportQuality::Balanced;
    settings.subtitles = media::SubtitleMode::None; // beside the film, as .srt and .vtt
    settings.watermark = false;
    QElapsedTimer joinTimer;
    joinTimer.start();
    auto stats = media::exportFilm(clips.value(), settings, a.output, [&](const media::ExportProgress &p) {
        const qint64 percent = p.framesTotal > 0 ? p.framesDone * 100 / p.framesTotal : 0;
        line.update(QCoreApplication::translate("render", "joining %n take(s) %1%", nullptr, p.clipCount).arg(percent));
        return StopSignalGuard::received() == 0;
    });
    const double joinSeconds = joinTimer.nsecsElapsed() / 1e9;
    line.end();
    if (!stats) {
        if (StopSignalGuard::received() != 0) {
            err << "cancelled: " << stats.error().message << "\n";
            return 130;
        }
        err << "error: " << stats.error().toString() << "\n";
        return 1;
    }
    // The dialogue as subtitles beside the film: OUT.srt and OUT.vtt, on the film's time line.
    if (!stats.value().cues.isEmpty()) {
        if (core::Status st = writeSubtitles(a.output, stats.value().cues); !st) {
            err << "error: " << st.error().toString() << "\n";
            return 1;
        }
    }
    const double wall = timer.nsecsElapsed() / 1e9;
    const double seconds = stats.value().durationSeconds;
    if (project.cache) // this render's takes count now; the cache it used stays
        if (const int evicted = trimRenderCache(project.path); evicted > 0)
            err << "note: "
                << QCoreApplication::translate("render", "removed %n older storyboard cache(s) to keep the render cache "
                                                         "within %1 MB (KINORA_RENDER_CACHE_MB)", nullptr, evicted)
                       .arg(renderCacheLimit() / (1024 * 1024))
                << "\n";
    out << QStringLiteral("wrote %1: %2 frames, %3 s of film in %4 s (real-time factor %5; plan %6 s, simulate %7 s, "
                          "render %8 s, sound %9 s, encode %10 s, join %11 s); shots: %12 rendered, %13 reused from "
                          "the cache%14\n")
               .arg(a.output)
               .arg(stats.value().frames)
               .arg(seconds, 0, 'f', 1)
               .arg(wall, 0, 'f', 1)
               .arg(seconds > 0 ? wall / seconds : 0, 0, 'f', 2)
               .arg(stages.plan, 0, 'f', 2)
               .arg(stages.simulate, 0, 'f', 2)
               .arg(stages.render, 0, 'f', 2)
               .arg(stages.sound, 0, 'f', 2)
               .arg(stages.encode, 0, 'f', 2)
               .arg(joinSeconds, 0, 'f', 2)
               .arg(rendered)
               .arg(batch.reusedCount())
               .arg(stats.value().cues.isEmpty() ? QString() : QStringLiteral("; subtitles in .srt and .vtt beside it"));
    return 0;
}

} // namespace kinora::cli
