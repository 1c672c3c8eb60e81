// Parsing of the engine commands' shared options. Messages name the option and the valid values.
#include "engineargs.h"

#include <QCommandLineParser>

namespace kinora::cli {

int parseEngineArgs(const QString &command, const QStringList &args, QTextStream &err, EngineArgs &parsed)
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
    parsed.input = parser.positionalArguments().first();
    parsed.output = parser.value(output);
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
    if (parser.isSet(shots))
        parsed.shotsText = parser.value(shots);
    return 0;
}

int checkBoard(const story::Storyboard &board, QTextStream &err, EngineArgs &parsed)
{
    if (board.shots.isEmpty()) {
        err << "error: the storyboard has no shots\n";
        return 1;
    }
    if (parsed.shotsText) {
        auto list = engine::parseShotList(*parsed.shotsText, int(board.shots.size()));
        if (!list) {
            err << "error: " << list.error().toString() << "\n";
            return 2;
        }
        parsed.overrides.shots = list.value();
    }
    return 0;
}

} // namespace kinora::cli
