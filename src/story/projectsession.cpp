// ProjectSession and its writer thread. Changes are queued under a mutex and drained in batches,
// one transaction per batch; a batch that fails (disk full) stays queued and is retried.
#include "story/projectsession.h"

#include "core/logging.h"
#include "store/projectdatabase.h"
#include "store/projectlock.h"
#include "store/sqlutil.h"
#include "story/storyboarddocument.h"
#include "story/storyboardrepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <unistd.h>

namespace kinora::story {

struct WriteOp
{
    enum class Kind { Invalid = 0, Settings, Upsert, Delete, Order };
    Kind kind = Kind::Invalid;
    quint64 sequence = 0;
    Shot shot;
    QString id;
    QStringList order;
    StoryboardSettings settings;
};

class ProjectWriter : public QObject
{
    Q_OBJECT

public:
    std::atomic<quint64> committed{0};

    void enqueue(WriteOp op)
    {
        QMutexLocker locker(&m_mutex);
        m_queue.append(std::move(op));
        if (!m_scheduled) {
            m_scheduled = true;
            QMetaObject::invokeMethod(this, &ProjectWriter::drain, Qt::QueuedConnection);
        }
    }

    void open(const QString &path)
    {
        release();
        auto lock = store::ProjectLock::acquire(path);
        if (!lock)
            return Q_EMIT failed(QStringLiteral("open"), lock.error());
        auto db = store::ProjectDatabase::open(path);
        if (!db)
            return Q_EMIT failed(QStringLiteral("open"), db.error());
        auto repo = std::make_unique<StoryboardRepository>(db.value()->db());
        auto board = repo->load();
        if (!board)
            return Q_EMIT failed(QStringLiteral("open"), board.error());
        m_lock = std::move(lock.value());
        m_db = std::move(db.value());
        m_repo = std::move(repo);
        Q_EMIT opened(path, board.value());
    }

    void create(const QString &path, const Storyboard &board)
    {
        release();
        auto lock = store::ProjectLock::acquire(path);
        if (!lock)
            return Q_EMIT failed(QStringLiteral("create"), lock.error());
        auto db = store::ProjectDatabase::create(path);
        if (!db)
            return Q_EMIT failed(QStringLiteral("create"), db.error());
        auto repo = std::make_unique<StoryboardRepository>(db.value()->db());
        QSqlDatabase &sql = db.value()->db();
        sql.transaction();
        core::Status st = repo->saveAll(board);
        if (st && !sql.commit())
            st = core::Error{QStringLiteral("Could not write the new project."), path};
        if (!st) {
            sql.rollback();
            db.value().reset();
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(path + suffix);
            return Q_EMIT failed(QStringLiteral("create"), st.error());
        }
        m_lock = std::move(lock.value());
        m_db = std::move(db.value());
        m_repo = std::move(repo);
        m_repo->load(); // positions cache
        Q_EMIT opened(path, board);
    }

    void saveAs(const QString &path)
    {
        drain();
        if (!m_db)
            return Q_EMIT failed(QStringLiteral("saveAs"), {QStringLiteral("No project is open."), path});
        if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_db->path()).absoluteFilePath())
            return Q_EMIT savedAs(path);
        auto lock = store::ProjectLock::acquire(path);
        if (!lock)
            return Q_EMIT failed(QStringLiteral("saveAs"), lock.error());
        const QString temp = path + QStringLiteral(".saving");
        QFile::remove(temp);
        QString quoted = temp;
        quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
        core::Status st = store::exec(m_db->db(), QStringLiteral("VACUUM INTO '%1'").arg(quoted),
                                      QStringLiteral("write the copy"));
        if (st) {
            QFile file(temp);
            if (!file.open(QIODevice::ReadWrite) || ::fsync(file.handle()) != 0)
                st = core::Error{QStringLiteral("Could not write the copy to disk."), path};
        }
        if (st && std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0)
            st = core::Error{QStringLiteral("Could not put the copy in place (check the folder's permissions)."), path};
        if (!st) {
            QFile::remove(temp);
            return Q_EMIT failed(QStringLiteral("saveAs"), st.error());
        }
        copyMedia(store::ProjectDatabase::mediaFolderFor(m_db->path()), store::ProjectDatabase::mediaFolderFor(path));
        auto db = store::ProjectDatabase::open(path);
        if (!db)
            return Q_EMIT failed(QStringLiteral("saveAs"), db.error());
        auto repo = std::make_unique<StoryboardRepository>(db.value()->db());
        repo->load();
        m_repo = std::move(repo);
        m_db = std::move(db.value());
        m_lock = std::move(lock.value());
        Q_EMIT savedAs(path);
    }

    void close()
    {
        drain();
        release();
        Q_EMIT closed();
    }

    void drain()
    {
        QList<WriteOp> batch;
        {
            QMutexLocker locker(&m_mutex);
            batch.swap(m_queue);
            m_scheduled = false;
        }
        if (batch.isEmpty() || !m_db)
            return;
        QSqlDatabase &db = m_db->db();
        core::Status st;
        if (!db.transaction())
            st = core::Error{store::describeSqlError(QStringLiteral("could not begin"), QStringLiteral("save")), {}};
        for (const WriteOp &op : std::as_const(batch)) {
            if (!st)
                break;
            switch (op.kind) {
            case WriteOp::Kind::Settings: st = m_repo->saveSettings(op.settings); break;
            case WriteOp::Kind::Upsert: st = m_repo->upsertShot(op.shot); break;
            case WriteOp::Kind::Delete: st = m_repo->deleteShot(op.id); break;
            case WriteOp::Kind::Order: st = m_repo->setOrder(op.order); break;
            case WriteOp::Kind::Invalid: break;
            }
        }
        if (st && !db.commit())
            st = core::Error{store::describeSqlError(db.lastError().text(), QStringLiteral("save your edits")), {}};
        if (!st) {
            db.rollback();
            m_repo->load(); // the position cache must match what is really stored
            {
                QMutexLocker locker(&m_mutex);
                m_queue = batch + m_queue;
            }
            qCWarning(lcStore) << "save failed:" << st.error().message;
            Q_EMIT saveFailed(st.error().message);
            QTimer::singleShot(2000, this, [this] { drain(); });
            return;
        }
        committed = batch.last().sequence;
        Q_EMIT saved(batch.last().sequence);
    }

Q_SIGNALS:
    void opened(const QString &path, const kinora::story::Storyboard &board);
    void savedAs(const QString &path);
    void failed(const QString &operation, const kinora::core::Error &error);
    void saved(quint64 sequence);
    void saveFailed(const QString &message);
    void closed();

private:
    void release()
    {
        m_repo.reset();
        m_db.reset();
        m_lock.reset();
    }

    static void copyMedia(const QString &from, const QString &to)
    {
        QDir().mkpath(to);
        QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString source = it.next();
            const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
            QDir().mkpath(QFileInfo(target).path());
            QFile::copy(source, target);
        }
    }

    QMutex m_mutex;
    QList<WriteOp> m_queue;
    bool m_scheduled = false;
    std::unique_ptr<store::ProjectLock> m_lock;
    std::unique_ptr<store::ProjectDatabase> m_db;
    std::unique_ptr<StoryboardRepository> m_repo;
};

ProjectSession::ProjectSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Storyboard>();
    qRegisterMetaType<core::Error>();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("kinora-project-writer"));
    m_writer = new ProjectWriter;
    m_writer->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &ProjectWriter::opened, this, &ProjectSession::onWriterOpened);
    connect(m_writer, &ProjectWriter::savedAs, this, [this](const QString &path) {
        m_path = path;
        Q_EMIT savedAs(path);
    });
    connect(m_writer, &ProjectWriter::failed, this, &ProjectSession::failed);
    connect(m_writer, &ProjectWriter::saved, this, [this](quint64 sequence) {
        m_lastSaved = sequence;
        Q_EMIT saved(sequence);
    });
    connect(m_writer, &ProjectWriter::saveFailed, this, &ProjectSession::saveFailed);
    connect(m_writer, &ProjectWriter::closed, this, [this] {
        m_path.clear();
        Q_EMIT closed();
    });
    m_thread->start();
}

ProjectSession::~ProjectSession()
{
    flush();
    QMetaObject::invokeMethod(m_writer, [w = m_writer] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void ProjectSession::onWriterOpened(const QString &path, const Storyboard &board)
{
    m_path = path;
    Q_EMIT opened(path, board);
}

void ProjectSession::openProject(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QMetaObject::invokeMethod(m_writer, [w = m_writer, absolute] { w->open(absolute); }, Qt::QueuedConnection);
}

void ProjectSession::createProject(const QString &path, const Storyboard &board)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QMetaObject::invokeMethod(m_writer, [w = m_writer, absolute, board] { w->create(absolute, board); },
                              Qt::QueuedConnection);
}

void ProjectSession::saveAs(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QMetaObject::invokeMethod(m_writer, [w = m_writer, absolute] { w->saveAs(absolute); }, Qt::QueuedConnection);
}

void ProjectSession::closeProject()
{
    QMetaObject::invokeMethod(m_writer, [w = m_writer] { w->close(); }, Qt::QueuedConnection);
}

bool ProjectSession::flush(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_writer->committed.load() < m_lastQueued && timer.elapsed() < timeoutMs)
        QThread::msleep(2);
    return m_writer->committed.load() >= m_lastQueued;
}

void ProjectSession::attach(StoryboardDocument *document)
{
    m_document = document;
    connect(document, &StoryboardDocument::shotInserted, this, [this](int row) {
        enqueueOrder();
        enqueueShot(row);
    });
    connect(document, &StoryboardDocument::shotRemoved, this, [this](int, const QString &id) {
        WriteOp op;
        op.kind = WriteOp::Kind::Delete;
        op.id = id;
        op.sequence = ++m_lastQueued;
        m_writer->enqueue(std::move(op));
    });
    connect(document, &StoryboardDocument::shotMoved, this, [this] { enqueueOrder(); });
    connect(document, &StoryboardDocument::shotChanged, this, [this](int row) { enqueueShot(row); });
    connect(document, &StoryboardDocument::settingsChanged, this, [this] {
        WriteOp op;
        op.kind = WriteOp::Kind::Settings;
        op.settings = m_document->settings();
        op.sequence = ++m_lastQueued;
        m_writer->enqueue(std::move(op));
    });
}

void ProjectSession::enqueueOrder()
{
    WriteOp op;
    op.kind = WriteOp::Kind::Order;
    for (const Shot &shot : m_document->storyboard().shots)
        op.order << shot.id;
    op.sequence = ++m_lastQueued;
    m_writer->enqueue(std::move(op));
}

void ProjectSession::enqueueShot(int row)
{
    WriteOp op;
    op.kind = WriteOp::Kind::Upsert;
    op.shot = m_document->storyboard().shots.at(row);
    op.sequence = ++m_lastQueued;
    m_writer->enqueue(std::move(op));
}

} // namespace kinora::story

#include "projectsession.moc"
