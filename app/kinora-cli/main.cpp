// kinora-cli: the headless front door for scripts and tests.
#include "convertcommand.h"
#ifdef KINORA_WITH_ENGINE
#include "enginecommands.h"
#endif

#include <QCoreApplication>
#include <QTextStream>

namespace {

int usage(QTextStream &err)
{
    err << QCoreApplication::translate("cli",
                                       "usage: kinora-cli COMMAND [ARGS]\n"
                                       "commands:\n"
                                       "  convert INPUT OUTPUT   convert between .fountain (input), .json and .kinora\n"
                                       "  plan STORYBOARD -o PLANS.json [options]   how Kinora understood each shot\n"
                                       "  render STORYBOARD -o OUT.mp4 [options]    render the film (H.264 + AAC)\n"
                                       "options: --resolution 480p|720p|1080p  --fps N  --shots 1,3-4  --seed N\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kinora-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))
        return usage(err);
    const QString command = args.takeFirst();
    if (command == QLatin1String("convert"))
        return kinora::cli::runConvert(args, out, err);
#ifdef KINORA_WITH_ENGINE
    if (command == QLatin1String("plan"))
        return kinora::cli::runPlan(args, out, err);
    if (command == QLatin1String("render"))
        return kinora::cli::runRender(args, out, err);
#endif
    err << QCoreApplication::translate("cli", "error: unknown command '%1'\n").arg(command);
    return usage(err);
}
