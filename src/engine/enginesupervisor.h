// EngineSupervisor: starts the kinora-engine worker for a project at low priority, hears its
// progress over a local socket, and restarts it when it dies; the dead worker's job goes back to
// the queue (or fails after three attempts) before the new worker starts.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace kinora::engine {

class EngineSupervisor : public QObject
{
    Q_OBJECT

public:
    EngineSupervisor(QString projectPath, QString workerExecutable, QObject *parent = nullptr);
    ~EngineSupervisor() override;

    /// @brief Recovers jobs left running by an earlier session, then starts a worker. The worker
    /// is ended when the thread that started it ends (Linux parent-death signal), so call this
    /// (and wake()) from a thread that lives as long as the supervisor: the GUI or main thread.
    void start();
    /// @brief Starts a worker if none runs (call after queueing jobs).
    void wake();
    /// @brief Stops the worker (its running job returns to the queue).
    void stop();

    qint64 workerPid() const;
    int restarts() const { return m_restarts; }

    /// @brief The kinora-engine executable for the running program: $KINORA_ENGINE when set,
    /// else beside it (installed layout), else in the build tree's app/kinora-engine/, else in
    /// ../libexec. Empty when none is found.
    static QString locateWorker();

Q_SIGNALS:
    void progress(const QString &jobId, const QString &stage, int done, int total);
    void jobFinished(const QString &jobId, bool ok, const QString &message);
    void workerStarted(qint64 pid);
    /// The worker executable could not be started at all (missing, not executable); no restart.
    void workerFailedToStart(const QString &reason);
    /// The worker died; @p reason says how. Its job was put back (or failed).
    void workerDied(const QString &reason);
    /// The worker found nothing left to do and exited.
    void idle();

private:
    void launch();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onMessage(const QByteArray &line);

    QString m_projectPath;
    QString m_workerExecutable;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_socket = nullptr;
    QProcess *m_worker = nullptr;
    qint64 m_lastPid = 0;
    bool m_stopping = false;
    int m_restarts = 0;
    int m_quickDeaths = 0;
    QElapsedTimer m_sinceLaunch;
    QByteArray m_buffer;
};

} // namespace kinora::engine
