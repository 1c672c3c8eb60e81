// kinora-cli: the headless front door for scripts and tests.
#include "convertcommand.h"
#ifdef KINORA_WITH_ENGINE
#include "enginecommands.h"
#endif
#ifdef KINORA_WITH_RENDER
#include "rendercommand.h"
#endif
#ifdef KINORA_WITH_EXPORT
#include "exportcommand.h"
#include <QGuiApplication>
#endif

#include <QCoreApplication>
#include <QTextStream>
#include <memory>

namespace {

int usage(QTextStream &err)
{
    err << QCoreApplication::translate("cli",
                                       "usage: kinora-cli COMMAND [ARGS]\n"
                                       "commands:\n"
                                       "  convert INPUT OUTPUT   convert between .fountain (input), .json and .kinora\n"
                                       "  plan STORYBOARD -o PLANS.json [options]   how Kinora understood each shot\n"
                                       "  render STORYBOARD -o OUT.mp4 [options]    render the film (H.264 + AAC)\n"
                                       "  export PROJECT.kinora -o OUT.mp4 [export options]   the watermarked film of the hero takes\n"
                                       "options: --resolution 480p|720p|1080p  --fps N  --shots 1,3-4  --seed N\n"
                                       "export options: --preset landscape-1080|landscape-720|vertical-1080|square-1080\n"
                                       "  --quality high|balanced|fast  --range START-END | --shots 1,3-4\n"
                                       "  --subtitles soft|burn|none  --handle @name  --poster POSTER.png  --skip-missing\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
#ifdef KINORA_WITH_EXPORT
    // The export draws text (watermark, burned subtitles), which needs a GUI application; it
    // stays headless on the offscreen platform.
    if (argc > 1 && qstrcmp(argv[1], "export") == 0) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    if (!app)
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kinora-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app->arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))
        return usage(err);
    const QString command = args.takeFirst();
    if (command == QLatin1String("convert"))
        return kinora::cli::runConvert(args, out, err);
#ifdef KINORA_WITH_ENGINE
    if (command == QLatin1String("plan"))
        return kinora::cli::runPlan(args, out, err);
#endif
#ifdef KINORA_WITH_RENDER
    // Jobs for the supervised kinora-engine worker; the wait runs a local event loop.
    if (command == QLatin1String("render"))
        return kinora::cli::runRender(args, out, err);
#endif
#ifdef KINORA_WITH_EXPORT
    if (command == QLatin1String("export"))
        return kinora::cli::runExport(args, out, err);
#endif
    err << QCoreApplication::translate("cli", "error: unknown command '%1'\n").arg(command);
    return usage(err);
}
