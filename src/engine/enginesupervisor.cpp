// EngineSupervisor implementation. QProcess reports a dead child at once (SIGCHLD), so a killed
// worker is noticed in milliseconds; a worker that dies right after starting, again and again,
// is restarted with a growing delay instead of in a tight loop.
#include "engine/enginesupervisor.h"

#include "core/logging.h"
#include "store/jobrepository.h"
#include "store/projectdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>
#include <QUuid>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace kinora::engine {
namespace {

/// A dead worker may leave "<take>.mp4.partial" behind; one worker per project, so with no worker
/// running every partial file is garbage.
void removePartialTakes(const QString &projectPath)
{
    QDir takes(store::ProjectDatabase::mediaFolderFor(projectPath) + QStringLiteral("/takes"));
    for (const QString &name : takes.entryList({QStringLiteral("*.partial")}, QDir::Files))
        takes.remove(name);
}

} // namespace

EngineSupervisor::EngineSupervisor(QString projectPath, QString workerExecutable, QObject *parent)
    : QObject(parent), m_projectPath(std::move(projectPath)), m_workerExecutable(std::move(workerExecutable))
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->listen(QStringLiteral("kinora-engine-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            if (m_socket)
                m_socket->deleteLater();
            m_socket = socket;
            m_buffer.clear();
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket != m_socket)
                    return;
                m_buffer += socket->readAll();
                int newline;
                while ((newline = int(m_buffer.indexOf('\n'))) >= 0) {
                    const QByteArray line = m_buffer.left(newline);
                    m_buffer.remove(0, newline + 1);
                    onMessage(line);
                }
            });
        }
    });
}

EngineSupervisor::~EngineSupervisor()
{
    stop();
}

qint64 EngineSupervisor::workerPid() const
{
    return m_worker ? m_worker->processId() : 0;
}

void EngineSupervisor::start()
{
    if (auto db = store::ProjectDatabase::attach(m_projectPath)) {
        store::JobRepository jobs(db.value()->db());
        jobs.recoverRunning(0, tr("Kinora was closed while this shot was generating; it starts again."));
    }
    removePartialTakes(m_projectPath);
    m_stopping = false;
    launch();
}

void EngineSupervisor::wake()
{
    m_stopping = false;
    if (!m_worker)
        launch();
}

void EngineSupervisor::stop()
{
    m_stopping = true;
    if (m_worker) {
        m_worker->disconnect(this);
        m_worker->terminate();
        if (!m_worker->waitForFinished(3000))
            m_worker->kill();
        m_worker->waitForFinished(3000);
        if (auto db = store::ProjectDatabase::attach(m_projectPath))
            store::JobRepository(db.value()->db()).recoverRunning(m_lastPid, tr("The generation was stopped; it starts again later."));
        delete m_worker;
        m_worker = nullptr;
        removePartialTakes(m_projectPath); // the stopped worker's unfinished take
    }
}

QString EngineSupervisor::locateWorker()
{
    const QString explicitPath = qEnvironmentVariable("KINORA_ENGINE");
    if (!explicitPath.isEmpty())
        return QFileInfo(explicitPath).isExecutable() ? QFileInfo(explicitPath).absoluteFilePath() : QString();
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {dir + QStringLiteral("/kinora-engine"), dir + QStringLiteral("/../kinora-engine/kinora-engine"),
                                     dir + QStringLiteral("/../libexec/kinora/kinora-engine"),
                                     dir + QStringLiteral("/../libexec/kinora-engine")}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

void EngineSupervisor::launch()
{
    if (m_worker || m_stopping)
        return;
    m_worker = new QProcess(this);
    m_worker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_worker->setProgram(m_workerExecutable);
    m_worker->setArguments({QStringLiteral("--project"), m_projectPath, QStringLiteral("--server"),
                            m_server->fullServerName(), QStringLiteral("--exit-when-idle")});
    // A process group of its own: Ctrl+C in a terminal reaches the studio or the CLI, which stop
    // the worker and cancel or requeue its job, instead of killing it behind their back. And it
    // ends with its supervisor: an orphan would race the next supervisor's worker for the jobs.
    m_worker->setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(m_worker, &QProcess::finished, this, &EngineSupervisor::onFinished);
    connect(m_worker, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            const QString reason = tr("The generation worker could not be started (%1). Reinstall Kinora.")
                                       .arg(m_workerExecutable);
            Q_EMIT workerFailedToStart(reason);
            Q_EMIT workerDied(reason);
            m_worker->deleteLater();
            m_worker = nullptr;
        }
    });
    m_sinceLaunch.start();
    m_worker->start();
    if (m_worker && m_worker->waitForStarted(5000)) {
        m_lastPid = m_worker->processId();
        Q_EMIT workerStarted(m_lastPid);
    }
}

void EngineSupervisor::onFinished(int exitCode, QProcess::ExitStatus status)
{
    QProcess *worker = m_worker;
    m_worker = nullptr;
    if (worker)
        worker->deleteLater();
    if (status == QProcess::NormalExit && exitCode == 0) {
        Q_EMIT idle();
        return;
    }
    const QString reason = status == QProcess::CrashExit
        ? tr("the generation worker stopped unexpectedly (it was killed or crashed)")
        : tr("the generation worker exited with code %1").arg(exitCode);
    if (auto db = store::ProjectDatabase::attach(m_projectPath))
        store::JobRepository(db.value()->db()).recoverRunning(m_lastPid, reason);
    removePartialTakes(m_projectPath);
    qCWarning(lcApp) << "engine worker died:" << reason;
    Q_EMIT workerDied(reason);
    if (m_stopping)
        return;
    ++m_restarts;
    m_quickDeaths = m_sinceLaunch.elapsed() < 2000 ? m_quickDeaths + 1 : 0;
    const int delayMs = m_quickDeaths < 3 ? 0 : std::min(30000, 500 << std::min(m_quickDeaths, 6));
    QTimer::singleShot(delayMs, this, &EngineSupervisor::launch);
}

void EngineSupervisor::onMessage(const QByteArray &line)
{
    const QJsonObject m = QJsonDocument::fromJson(line).object();
    const QString type = m.value(QStringLiteral("type")).toString();
    const QString job = m.value(QStringLiteral("job")).toString();
    if (type == QLatin1String("progress"))
        Q_EMIT progress(job, m.value(QStringLiteral("stage")).toString(), m.value(QStringLiteral("done")).toInt(),
                        m.value(QStringLiteral("total")).toInt());
    else if (type == QLatin1String("finished"))
        Q_EMIT jobFinished(job, m.value(QStringLiteral("ok")).toBool(), m.value(QStringLiteral("message")).toString());
}

} // namespace kinora::engine
