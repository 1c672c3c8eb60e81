// Project file open/create/inspect. Connections are per thread: each ProjectDatabase gets a
// unique Qt SQL connection name and must be used on the thread that created it.
#include "store/projectdatabase.h"

#include "store/schema.h"
#include "store/sqlutil.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace kinora::store {
namespace {

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("kinora-project-%1").arg(counter.fetchAndAddRelaxed(1));
}

core::Error fileError(const QString &path, const QString &what)
{
    return core::Error{what, QDir::toNativeSeparators(path)};
}

bool isBusy(const QString &error)
{
    const QString lower = error.toLower();
    return lower.contains(QLatin1String("locked")) || lower.contains(QLatin1String("busy"))
        || lower.contains(QLatin1String("recovery"));
}

// Projects this process has SQLite connections to. POSIX drops *all* of a process's locks on a
// file when *any* descriptor of it closes, so reading a project's header with a plain file handle
// while SQLite holds it open would silently release SQLite's locks: another process (the worker)
// would then think it is the last user, checkpoint and delete -wal and -shm under our live
// connections ("disk I/O error" from then on, and a risk to the data).
QMutex &openMutex()
{
    static QMutex mutex;
    return mutex;
}
QHash<QString, int> &openProjects()
{
    static QHash<QString, int> counts;
    return counts;
}
QString projectKey(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}
bool isOpenHere(const QString &path)
{
    const QMutexLocker lock(&openMutex());
    return openProjects().value(projectKey(path)) > 0;
}

bool hasSqliteHeader(const QString &path)
{
    if (isOpenHere(path))
        return true; // SQLite reads it already; a file handle here would drop SQLite's locks
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

ProjectDatabase::ProjectDatabase(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_key = projectKey(m_path);
    const QMutexLocker lock(&openMutex());
    ++openProjects()[m_key];
}

ProjectDatabase::~ProjectDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    const QMutexLocker lock(&openMutex());
    if (--openProjects()[m_key] <= 0)
        openProjects().remove(m_key);
}

QString ProjectDatabase::mediaFolderFor(const QString &projectPath)
{
    const QFileInfo info(projectPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".media"));
}

core::Status ProjectDatabase::configure()
{
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return fileError(m_path, describeSqlError(m_db.lastError().text(), QStringLiteral("open the project")));
    // WAL keeps readers and the writer apart; FULL makes every acknowledged commit durable.
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                               "PRAGMA foreign_keys = ON"}) {
        if (core::Status st = exec(m_db, QString::fromLatin1(pragma), QStringLiteral("configure the project")); !st)
            return fileError(m_path, st.error().message);
    }
    return {};
}

core::Result<std::unique_ptr<ProjectDatabase>> ProjectDatabase::create(const QString &path)
{
    if (QFileInfo::exists(path))
        return fileError(path, QStringLiteral("A file with this name already exists; choose another name."));
    std::unique_ptr<ProjectDatabase> project(new ProjectDatabase(path, nextConnectionName()));
    if (core::Status st = project->configure(); !st)
        return st.error();
    if (core::Status st = exec(project->m_db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId),
                               QStringLiteral("create the project"));
        !st)
        return fileError(path, st.error().message);
    if (core::Status st = migrate(project->m_db); !st)
        return fileError(path, st.error().message);
    QDir().mkpath(mediaFolderFor(path));
    return project;
}

core::Status ProjectDatabase::inspect(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(path, QStringLiteral("There is no project at this path."));
    if (!info.isFile() || !info.isReadable())
        return fileError(path, QStringLiteral("The project file cannot be read; check its permissions."));
    if (!hasSqliteHeader(path))
        return fileError(path, QStringLiteral("This is not a Kinora project (it is not a SQLite "
                                              "database). The file was left untouched."));
    // Even a read-only look at a WAL file makes SQLite create -wal/-shm beside it; remove what
    // this look created so a refused file's folder is left exactly as it was.
    const QStringList sidecars{path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
    QStringList existedBefore;
    for (const QString &sidecar : sidecars)
        if (QFileInfo::exists(sidecar))
            existedBefore << sidecar;
    const QString name = nextConnectionName();
    core::Status result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        const QString damaged = QStringLiteral("The project file is damaged (%1). It was left untouched; "
                                               "restore it from a backup.");
        if (!db.open()) {
            result = fileError(path, damaged.arg(db.lastError().text()));
        } else {
            // A project in use by another connection can be briefly unreadable to a read-only
            // one (WAL recovery, a checkpoint): that is "busy", not "damaged", so ask again.
            QVariant appId;
            for (int attempt = 0; attempt < 100 && !appId.isValid(); ++attempt) {
                QSqlQuery probe(db);
                if (probe.exec(QStringLiteral("PRAGMA application_id")) && probe.next())
                    appId = probe.value(0);
                else if (!isBusy(probe.lastError().text()))
                    break;
                else
                    QThread::msleep(50);
            }
            const int version = scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
            if (!appId.isValid())
                result = fileError(path, damaged.arg(QStringLiteral("unreadable header")));
            else if (appId.toInt() != kApplicationId)
                result = fileError(path, QStringLiteral("This is not a Kinora project (it is a database of "
                                                        "another program). The file was left untouched."));
            else if (version > kSchemaVersion)
                result = fileError(path, QStringLiteral("This project was saved by a newer Kinora (schema %1; "
                                                        "this build reads up to %2). Update Kinora to open it.")
                                             .arg(version)
                                             .arg(kSchemaVersion));
            else {
                const QString check = scalar(db, QStringLiteral("PRAGMA quick_check")).toString();
                if (check != QLatin1String("ok"))
                    result = fileError(path, damaged.arg(check.isEmpty() ? QStringLiteral("integrity check failed") : check));
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!result)
        for (const QString &sidecar : sidecars)
            if (!existedBefore.contains(sidecar))
                QFile::remove(sidecar);
    return result;
}

core::Result<std::unique_ptr<ProjectDatabase>> ProjectDatabase::attach(const QString &path)
{
    if (!QFileInfo::exists(path))
        return fileError(path, QStringLiteral("There is no project at this path."));
    std::unique_ptr<ProjectDatabase> project(new ProjectDatabase(path, nextConnectionName()));
    if (core::Status st = project->configure(); !st)
        return st.error();
    const int version = scalar(project->m_db, QStringLiteral("PRAGMA user_version")).toInt();
    if (version != kSchemaVersion)
        return fileError(path, QStringLiteral("The project is at schema %1, this build needs %2; open it in "
                                              "the studio first.").arg(version).arg(kSchemaVersion));
    return project;
}

core::Result<std::unique_ptr<ProjectDatabase>> ProjectDatabase::open(const QString &path)
{
    if (core::Status st = inspect(path); !st)
        return st.error();
    std::unique_ptr<ProjectDatabase> project(new ProjectDatabase(path, nextConnectionName()));
    if (core::Status st = project->configure(); !st)
        return st.error();
    if (core::Status st = migrate(project->m_db); !st)
        return fileError(path, st.error().message);
    QDir().mkpath(mediaFolderFor(path));
    return project;
}

} // namespace kinora::store
