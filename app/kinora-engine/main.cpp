// kinora-engine: the generation worker. Started by the studio or the CLI for one project; takes
// jobs from the project's queue until it is empty (--exit-when-idle) or forever, at low priority.
#include "engine/jobrunner.h"
#include "engine/render/renderer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QTimer>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    kinora::engine::Renderer::tuneAllocatorForRendering();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kinora-engine"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption project(QStringLiteral("project"), QStringLiteral("project file"), QStringLiteral("PATH"));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("supervisor socket"), QStringLiteral("NAME"));
    const QCommandLineOption idleExit(QStringLiteral("exit-when-idle"), QStringLiteral("exit when the queue is empty"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("cpu or cuda"), QStringLiteral("DEVICE"),
                                    QStringLiteral("cpu"));
    parser.addOptions({project, server, idleExit, device});
    parser.process(app);
    if (!parser.isSet(project)) {
        std::fprintf(stderr, "kinora-engine: --project PATH is required\n");
        return 2;
    }
    // Generation must never compete with the studio's UI thread for a core.
    if (getpriority(PRIO_PROCESS, 0) < 10)
        setpriority(PRIO_PROCESS, 0, 10);

    QLocalSocket socket;
    if (parser.isSet(server)) {
        socket.connectToServer(parser.value(server));
        socket.waitForConnected(2000);
    }
    auto notify = [&socket](const QJsonObject &message) {
        if (socket.state() != QLocalSocket::ConnectedState)
            return;
        socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
        socket.flush();
    };
    kinora::engine::JobRunner runner(parser.value(project), parser.value(device));
    QTimer poll;
    poll.setSingleShot(true);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        const auto ran = runner.runNext(QCoreApplication::applicationPid(), notify);
        if (!ran) {
            std::fprintf(stderr, "kinora-engine: %s\n", qPrintable(ran.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        if (!ran.value() && parser.isSet(idleExit)) {
            QCoreApplication::exit(0);
            return;
        }
        poll.start(ran.value() ? 0 : 500);
    });
    poll.start(0);
    return app.exec();
}
