// The engine commands share one option set; progress goes to stderr, results to stdout.
#include "enginecommands.h"

#include "engine/filmpipeline.h"
#include "media/subtitles.h"
#include "story/projectio.h"
#include "story/storyboardjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace kinora::cli {
namespace {

struct EngineArgs
{
    story::Storyboard board;
    engine::FilmOverrides overrides;
    QString output;
};

/// Parses the shared options; on failure writes the message and returns the exit code.
int parse(const QString &command, const QStringList &args, QTextStream &err, EngineArgs &parsed)
{
    QCommandLineParser parser;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("output file"), QStringLiteral("FILE"));
    const QCommandLineOption resolution(QStringLiteral("resolution"), QStringLiteral("480p, 720p or 1080p"), QStringLiteral("R"));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("frames per second"), QStringLiteral("N"));
    const QCommandLineOption shots(QStringLiteral("shots"), QStringLiteral("shots to use, e.g. 1,3-4"), QStringLiteral("LIST"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("seed for every shot"), QStringLiteral("N"));
    parser.addOptions({output, resolution, fps, shots, seed});
    parser.addPositionalArgument(QStringLiteral("storyboard"), QStringLiteral(".json, .fountain or .kinora"));
    const QString usage = QStringLiteral("usage: kinora-cli %1 STORYBOARD -o %2 [--resolution 480p|720p|1080p] "
                                         "[--fps N] [--shots 1,3] [--seed N]\n")
                              .arg(command, command == QLatin1String("plan") ? QStringLiteral("PLANS.json") : QStringLiteral("OUT.mp4"));
    if (!parser.parse(QStringList{QStringLiteral("kinora-cli")} + args)) {
        err << "error: " << parser.errorText() << "\n" << usage;
        return 2;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output)) {
        err << usage;
        return 2;
    }
    parsed.output = parser.value(output);
    auto board = story::readStoryboardFile(parser.positionalArguments().first());
    if (!board) {
        err << "error: " << board.error().toString() << "\n";
        return 1;
    }
    parsed.board = board.value();
    if (parsed.board.shots.isEmpty()) {
        err << "error: the storyboard has no shots\n";
        return 1;
    }
    if (parser.isSet(resolution)) {
        const auto r = story::resolutionFromString(parser.value(resolution));
        if (r == story::Resolution::Invalid) {
            err << "error: --resolution: use 480p, 720p or 1080p, not '" << parser.value(resolution) << "'\n";
            return 2;
        }
        parsed.overrides.resolution = r;
    }
    if (parser.isSet(fps)) {
        bool ok = false;
        const int n = parser.value(fps).toInt(&ok);
        if (!ok || n < 1 || n > 120) {
            err << "error: --fps: use a whole number between 1 and 120, not '" << parser.value(fps) << "'\n";
            return 2;
        }
        parsed.overrides.fps = n;
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        const qlonglong n = parser.value(seed).toLongLong(&ok);
        if (!ok || n < 0 || n > 0x7fffffff) {
            err << "error: --seed: use a whole number between 0 and 2147483647\n";
            return 2;
        }
        parsed.overrides.seed = std::uint32_t(n);
    }
    if (parser.isSet(shots)) {
        auto list = engine::parseShotList(parser.value(shots), int(parsed.board.shots.size()));
        if (!list) {
            err << "error: " << list.error().toString() << "\n";
            return 2;
        }
        parsed.overrides.shots = list.value();
    }
    return 0;
}

engine::PipelineProgressFn progressTo(QTextStream &err)
{
    auto lastLine = std::make_shared<QString>();
    return [&err, lastLine](const engine::PipelineProgress &p) {
        const int percent = p.total > 0 ? p.done * 100 / p.total : 0;
        const QString line = QStringLiteral("shot %1/%2 %3 %4%").arg(p.shot).arg(p.shotCount).arg(p.stage).arg(percent);
        if (line != *lastLine) {
            err << "\r" << line << "   ";
            err.flush();
            *lastLine = line;
        }
        return true;
    };
}

} // namespace

int runPlan(const QStringList &args, QTextStream &out, QTextStream &err)
{
    EngineArgs a;
    if (const int code = parse(QStringLiteral("plan"), args, err, a); code != 0)
        return code;
    engine::FilmPlanner planner;
    auto plans = planner.plan(a.board, a.overrides, progressTo(err));
    err << "\n";
    if (!plans) {
        err << "error: " << plans.error().toString() << "\n";
        return 1;
    }
    QJsonArray shots;
    int unknown = 0;
    for (const engine::ScenePlan &plan : plans.value()) {
        shots.append(engine::toJson(plan));
        unknown += int(plan.unknownWords.size());
    }
    const QJsonObject doc{{QStringLiteral("format"), QStringLiteral("kinora.plans.v1")}, {QStringLiteral("shots"), shots}};
    if (core::Status st = story::writeFileAtomically(a.output, QJsonDocument(doc).toJson(QJsonDocument::Indented)); !st) {
        err << "error: " << st.error().toString() << "\n";
        return 1;
    }
    out << "wrote " << a.output << " (plans: " << plans.value().size() << ", words not understood: " << unknown << ")\n";
    return 0;
}

int runRender(const QStringList &args, QTextStream &out, QTextStream &err)
{
    EngineArgs a;
    if (const int code = parse(QStringLiteral("render"), args, err, a); code != 0)
        return code;
    if (!a.output.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive)) {
        err << "error: the output must be an .mp4 file\n";
        return 2;
    }
    engine::FilmPipeline pipeline;
    engine::FilmStats stats;
    QList<media::SubtitleCue> subtitles;
    QStringList notes;
    QElapsedTimer timer;
    timer.start();
    core::Status st = pipeline.render(a.board, a.overrides, a.output, progressTo(err), &stats, &subtitles, &notes);
    err << "\n";
    if (!st) {
        err << "error: " << st.error().toString() << "\n";
        return 1;
    }
    for (const QString &note : notes)
        err << "note: " << note << "\n";
    // The dialogue as subtitles beside the film: OUT.srt and OUT.vtt.
    if (!subtitles.isEmpty()) {
        const QString base = a.output.left(a.output.size() - 4);
        for (const auto &[path, text] : {std::pair{base + QStringLiteral(".srt"), media::toSrt(subtitles)},
                                         std::pair{base + QStringLiteral(".vtt"), media::toWebVtt(subtitles)}}) {
            if (core::Status w = story::writeFileAtomically(path, text.toUtf8()); !w) {
                err << "error: " << w.error().toString() << "\n";
                return 1;
            }
        }
    }
    const double wall = timer.nsecsElapsed() / 1e9;
    out << QStringLiteral("wrote %1: %2 frames, %3 s of film in %4 s (real-time factor %5; plan %6 s, simulate %7 s, "
                          "render %8 s, sound %9 s, encode %10 s)%11\n")
               .arg(a.output)
               .arg(stats.frames)
               .arg(stats.outputSeconds, 0, 'f', 1)
               .arg(wall, 0, 'f', 1)
               .arg(stats.outputSeconds > 0 ? wall / stats.outputSeconds : 0, 0, 'f', 2)
               .arg(stats.planSeconds, 0, 'f', 2)
               .arg(stats.simulateSeconds, 0, 'f', 2)
               .arg(stats.renderSeconds, 0, 'f', 2)
               .arg(stats.soundSeconds, 0, 'f', 2)
               .arg(stats.encodeSeconds, 0, 'f', 2)
               .arg(subtitles.isEmpty() ? QString() : QStringLiteral("; subtitles in .srt and .vtt beside it"));
    return 0;
}

} // namespace kinora::cli
