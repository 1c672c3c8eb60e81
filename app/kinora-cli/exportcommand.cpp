// The export command: options -> CutRequest + ExportSettings, the project's cut, then exportFilm
// with a progress line; Ctrl+C / SIGTERM (StopSignalGuard) turn into a clean cancel.
#include "exportcommand.h"

#include "engine/filmspec.h"
#include "export/filmcut.h"
#include "media/exporter.h"
#include "stopsignal.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

namespace kinora::cli {
namespace {

const char *kUsage =
    "usage: kinora-cli export PROJECT.kinora -o OUT.mp4 [--preset landscape-1080|landscape-720|vertical-1080|"
    "square-1080] [--quality high|balanced|fast] [--range START-END | --shots 1,3-4] [--subtitles soft|burn|none] "
    "[--handle @name] [--poster POSTER.png] [--skip-missing]\n";

struct ExportArgs
{
    QString project;
    QString output;
    exporting::CutRequest cut;
    media::ExportSettings settings;
    QString shotsText; ///< checked against the storyboard's shot count once it is read
    bool presetGiven = false;
};

int fail(QTextStream &err, const QString &message, int code)
{
    err << "error: " << message << "\n";
    if (code == 2)
        err << kUsage;
    return code;
}

int parse(const QStringList &args, QTextStream &err, ExportArgs &a)
{
    QCommandLineParser parser;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("output .mp4"), QStringLiteral("FILE"));
    const QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("output size"), QStringLiteral("NAME"));
    const QCommandLineOption quality(QStringLiteral("quality"), QStringLiteral("high, balanced or fast"), QStringLiteral("Q"));
    const QCommandLineOption range(QStringLiteral("range"), QStringLiteral("START-END seconds"), QStringLiteral("RANGE"));
    const QCommandLineOption shots(QStringLiteral("shots"), QStringLiteral("shots, e.g. 1,3-4"), QStringLiteral("LIST"));
    const QCommandLineOption subtitles(QStringLiteral("subtitles"), QStringLiteral("soft, burn or none"), QStringLiteral("MODE"));
    const QCommandLineOption handle(QStringLiteral("handle"), QStringLiteral("creator handle"), QStringLiteral("@NAME"));
    const QCommandLineOption poster(QStringLiteral("poster"), QStringLiteral("poster PNG"), QStringLiteral("FILE"));
    const QCommandLineOption skip(QStringLiteral("skip-missing"), QStringLiteral("leave out shots with no take"));
    parser.addOptions({output, preset, quality, range, shots, subtitles, handle, poster, skip});
    if (!parser.parse(QStringList{QStringLiteral("kinora-cli")} + args))
        return fail(err, parser.errorText(), 2);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output))
        return fail(err, QStringLiteral("give one project file and -o OUT.mp4"), 2);
    a.project = parser.positionalArguments().first();
    a.output = parser.value(output);
    if (!a.output.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive))
        return fail(err, QStringLiteral("the output must be an .mp4 file, not '%1'").arg(a.output), 2);
    if (parser.isSet(preset)) {
        a.settings.preset = media::exportPresetFromString(parser.value(preset));
        if (a.settings.preset == media::ExportPreset::Invalid)
            return fail(err, QStringLiteral("--preset: use landscape-1080, landscape-720, vertical-1080 or square-1080, "
                                            "not '%1'").arg(parser.value(preset)), 2);
        a.presetGiven = true;
    }
    if (parser.isSet(quality)) {
        a.settings.quality = media::exportQualityFromString(parser.value(quality));
        if (a.settings.quality == media::ExportQuality::Invalid)
            return fail(err, QStringLiteral("--quality: use high, balanced or fast, not '%1'").arg(parser.value(quality)), 2);
    }
    if (parser.isSet(subtitles)) {
        a.settings.subtitles = media::subtitleModeFromString(parser.value(subtitles));
        if (a.settings.subtitles == media::SubtitleMode::Invalid)
            return fail(err, QStringLiteral("--subtitles: use soft, burn or none, not '%1'").arg(parser.value(subtitles)), 2);
    }
    if (parser.isSet(range) && parser.isSet(shots))
        return fail(err, QStringLiteral("use either --range or --shots, not both"), 2);
    if (parser.isSet(range)) {
        auto parsed = exporting::parseTimeRange(parser.value(range));
        if (!parsed)
            return fail(err, QStringLiteral("--range: ") + parsed.error().message, 2);
        a.cut.range = parsed.value();
    }
    if (parser.isSet(shots))
        a.shotsText = parser.value(shots);
    if (parser.isSet(handle)) {
        static const QRegularExpression valid(QStringLiteral(R"(^@?[A-Za-z0-9._-]{1,30}$)"));
        QString h = parser.value(handle).trimmed();
        if (!valid.match(h).hasMatch())
            return fail(err, QStringLiteral("--handle: use @ and up to 30 letters, digits, '.', '_' or '-', not '%1'")
                                 .arg(h), 2);
        a.settings.handle = h.startsWith(QLatin1Char('@')) ? h : QLatin1Char('@') + h;
    }
    if (parser.isSet(poster)) {
        a.settings.posterPath = parser.value(poster);
        if (!a.settings.posterPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
            return fail(err, QStringLiteral("--poster: the poster must be a .png file"), 2);
    }
    a.cut.skipMissing = parser.isSet(skip);
    return 0;
}

} // namespace

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    ExportArgs a;
    if (const int code = parse(args, err, a); code != 0)
        return code;
    if (!a.shotsText.isEmpty()) {
        auto board = exporting::readStoryboardReadOnly(a.project);
        if (!board)
            return fail(err, board.error().toString(), 1);
        auto list = engine::parseShotList(a.shotsText, int(board.value().shots.size()));
        if (!list)
            return fail(err, list.error().toString(), 2);
        a.cut.shots = list.value();
    }
    auto cut = exporting::buildFilmCut(a.project, a.cut);
    if (!cut) {
        QString message = cut.error().toString();
        if (message.contains(QLatin1String("no generated take")))
            message += QStringLiteral(" (or pass --skip-missing to leave them out)");
        return fail(err, message, 1);
    }
    if (!cut.value().skippedShots.isEmpty())
        err << "note: left out " << exporting::shotNumberList(cut.value().skippedShots) << " (no take yet)\n";
    if (!a.presetGiven)
        a.settings.preset = cut.value().suggestedPreset;
    a.settings.fps = cut.value().fps;

    StopSignalGuard guard;
    QElapsedTimer timer;
    timer.start();
    int lastPercent = -1;
    auto progress = [&](const media::ExportProgress &p) {
        const int percent = p.framesTotal > 0 ? int(p.framesDone * 100 / p.framesTotal) : 0;
        if (percent != lastPercent) {
            err << "\rexporting clip " << p.clip << "/" << p.clipCount << " " << percent << "%   ";
            err.flush();
            lastPercent = percent;
        }
        return StopSignalGuard::received() == 0;
    };
    auto stats = media::exportFilm(cut.value().clips, a.settings, a.output, progress);
    err << "\n";
    if (!stats) {
        if (StopSignalGuard::received() != 0) {
            err << "cancelled: " << stats.error().message << "\n";
            return 130;
        }
        return fail(err, stats.error().toString(), 1);
    }
    const double wall = timer.nsecsElapsed() / 1e9;
    out << QStringLiteral("wrote %1: %2 (%3x%4), %5 frames, %6 s, %7 MB in %8 s\n")
               .arg(a.output, media::toString(a.settings.preset))
               .arg(media::presetSize(a.settings.preset).width())
               .arg(media::presetSize(a.settings.preset).height())
               .arg(stats.value().frames)
               .arg(stats.value().durationSeconds, 0, 'f', 2)
               .arg(stats.value().bytes / 1e6, 0, 'f', 2)
               .arg(wall, 0, 'f', 1);
    if (!a.settings.posterPath.isEmpty())
        out << "wrote " << a.settings.posterPath << "\n";
    return 0;
}

} // namespace kinora::cli
