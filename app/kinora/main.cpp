// kinora: the studio. `kinora [PROJECT.kinora]` opens the project; `--check` reports what the
// window shows and quits (smoke tests), `--screenshot FILE` saves it, `--measure-frames S` benchmarks.
#include "framemeter.h"
#include "quitonsignal.h"
#include "startupcheck.h"

#include <QCommandLineParser>
#include <algorithm>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTranslator>

Q_IMPORT_QML_PLUGIN(Kinora_AppPlugin)
Q_IMPORT_QML_PLUGIN(Kinora_StoryboardPlugin)
Q_IMPORT_QML_PLUGIN(Kinora_ControlsPlugin)

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Kinora"));
    QGuiApplication::setApplicationName(QStringLiteral("Kinora Studio"));
    QGuiApplication::setApplicationVersion(QStringLiteral(KINORA_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("kinora"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Kinora Studio: storyboards to film"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QCoreApplication::translate("main", "Project to open (.kinora)"));
    const QCommandLineOption check(QStringLiteral("check"),
                                   QCoreApplication::translate("main", "Report what the window shows once the project is open, then quit."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("main", "With --check: save the window to FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption measureFrames(QStringLiteral("measure-frames"),
                                           QCoreApplication::translate("main", "Benchmark: print frame times for SECONDS idle, then for SECONDS while every shot generates, and quit."),
                                           QStringLiteral("SECONDS"));
    parser.addOption(check);
    parser.addOption(screenshot);
    parser.addOption(measureFrames);
    parser.process(app);

    kinora::app::quitOnTerminationSignals(&app);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        engine.setInitialProperties({{QStringLiteral("initialProject"), QDir().absoluteFilePath(positional.first())}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kinora/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    kinora::app::StartupCheck *checker = nullptr;
    if (parser.isSet(check))
        checker = new kinora::app::StartupCheck(&engine, parser.value(screenshot), &app);
    Q_UNUSED(checker)
    if (parser.isSet(measureFrames))
        new kinora::app::FrameMeter(&engine, std::max(1.0, parser.value(measureFrames).toDouble()), &app);
    return app.exec();
}
