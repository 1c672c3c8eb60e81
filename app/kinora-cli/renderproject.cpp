// Render projects. A cache project is only a cache: if it cannot be opened (damaged, from a newer
// Kinora) it is replaced, never repaired. Its storyboard's path sits beside it in "<name>.source",
// which is how a cache whose storyboard was deleted is found and removed.
#include "renderproject.h"

#include "story/projectio.h"
#include "story/storyboardrepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <QRegularExpression>
#include <QStandardPaths>

namespace kinora::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("render", text);
}

QString sourceFileFor(const QString &cacheProject)
{
    QString path = cacheProject;
    path.chop(int(qstrlen(".kinora")));
    return path + QStringLiteral(".source");
}

void removeProjectFiles(const QString &project)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(project + suffix);
    QDir(store::ProjectDatabase::mediaFolderFor(project)).removeRecursively();
}

// Bytes a cache project takes on disk: its database files and its takes.
qint64 projectBytes(const QString &project)
{
    qint64 bytes = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        bytes += QFileInfo(project + suffix).size();
    QDirIterator media(store::ProjectDatabase::mediaFolderFor(project), QDir::Files, QDirIterator::Subdirectories);
    while (media.hasNext())
        bytes += QFileInfo(media.next()).size();
    return bytes;
}

// Removes the projects least recently rendered (their .source file's time) until the folder
// holds at most @p limit bytes; @p keep and any project a render holds stay.
int evictOldest(QDir &folder, qint64 limit, const QString &keep)
{
    struct Entry { QString project, source; QDateTime used; qint64 bytes; };
    QList<Entry> entries;
    qint64 total = 0;
    for (const QFileInfo &source : folder.entryInfoList({QStringLiteral("*.source")}, QDir::Files)) {
        QString project = source.absoluteFilePath();
        project.chop(int(qstrlen(".source")));
        project += QStringLiteral(".kinora");
        const qint64 bytes = projectBytes(project);
        total += bytes;
        entries.append({project, source.absoluteFilePath(), source.lastModified(), bytes});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.used < b.used; });
    int removed = 0;
    for (const Entry &e : entries) {
        if (total <= limit)
            break;
        if (QFileInfo(e.project).absoluteFilePath() == QFileInfo(keep).absoluteFilePath())
            continue;
        auto lock = store::ProjectLock::acquire(e.project);
        if (!lock)
            continue;
        removeProjectFiles(e.project);
        QFile::remove(e.source);
        total -= e.bytes;
        ++removed;
    }
    return removed;
}

} // namespace

core::Result<RenderProject> openProjectForRender(const QString &input)
{
    RenderProject project;
    project.path = QFileInfo(input).absoluteFilePath();
    if (!QFileInfo(project.path).isFile())
        return core::Error{tr("The file does not exist."), QDir::toNativeSeparators(input)};
    // The studio holds this lock while the project is open: its queue and takes are its own then.
    auto lock = store::ProjectLock::acquire(project.path);
    if (!lock)
        return core::Error{lock.error().message + QLatin1Char(' ')
                               + tr("kinora-cli render adds jobs and takes to the project, so it cannot run while "
                                    "the project is open."),
                           lock.error().location};
    project.lock = std::move(lock).value();
    auto db = store::ProjectDatabase::open(project.path);
    if (!db)
        return db.error();
    project.db = std::move(db).value();
    auto board = story::StoryboardRepository(project.db->db()).load();
    if (!board)
        return core::Error{board.error().message, QDir::toNativeSeparators(project.path)};
    project.board = board.value();
    return project;
}

core::Result<RenderProject> openCacheProject(const QString &input, const story::Storyboard &board)
{
    RenderProject project;
    project.cache = true;
    project.board = board;
    project.path = cacheProjectFor(input);
    if (!QDir().mkpath(QFileInfo(project.path).absolutePath()))
        return core::Error{tr("The render cache folder cannot be created."),
                           QDir::toNativeSeparators(QFileInfo(project.path).absolutePath())};
    auto lock = store::ProjectLock::acquire(project.path);
    if (!lock) {
        // Two renders of one storyboard would share one queue; the second waits for its turn.
        const bool busy = lock.error().message.contains(QLatin1String("already open"));
        return core::Error{busy ? tr("Another kinora-cli is rendering this storyboard right now; wait for it to "
                                     "finish, then render again (its takes will be reused).")
                                : lock.error().message,
                           QDir::toNativeSeparators(busy ? input : project.path)};
    }
    project.lock = std::move(lock).value();
    if (QFileInfo::exists(project.path)) {
        auto db = store::ProjectDatabase::open(project.path);
        if (db) {
            project.db = std::move(db).value();
        } else {
            project.notes << tr("The render cache could not be used (%1); it was started afresh.").arg(db.error().toString());
            removeProjectFiles(project.path);
        }
    }
    if (!project.db) {
        auto db = store::ProjectDatabase::create(project.path);
        if (!db)
            return db.error();
        project.db = std::move(db).value();
    }
    const QByteArray source = QFileInfo(input).canonicalFilePath().toUtf8();
    QFile existing(sourceFileFor(project.path));
    if (!existing.open(QIODevice::ReadOnly) || existing.readAll() != source) {
        if (core::Status st = story::writeFileAtomically(sourceFileFor(project.path), source); !st)
            return st.error();
    } else { // its time says when it was last used
        existing.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
    }
    return project;
}

QString renderCacheFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        base = QDir::tempPath();
    return base + QStringLiteral("/kinora/render");
}

QString cacheProjectFor(const QString &storyboardPath)
{
    const QFileInfo info(storyboardPath);
    const QString key = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    // The storyboard's name in front, so a person looking at the folder sees what is what.
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_-]+"));
    const QString name = info.completeBaseName().replace(unsafe, QStringLiteral("_")).left(40);
    return renderCacheFolder() + QLatin1Char('/') + name + QLatin1Char('-') + QString::fromLatin1(hash)
        + QStringLiteral(".kinora");
}

void deriveMissingSeeds(const QString &storyboardPath, story::Storyboard &board)
{
    QList<bool> given(board.shots.size(), false);
    if (story::fileKindOf(storyboardPath) == story::StoryboardFileKind::Json) {
        QFile file(storyboardPath);
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonArray shots = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("shots")).toArray();
            for (int i = 0; i < shots.size() && i < given.size(); ++i)
                given[i] = shots.at(i).toObject().contains(QStringLiteral("seed"));
        }
    }
    for (int i = 0; i < board.shots.size(); ++i) {
        if (given.at(i))
            continue;
        story::Shot &shot = board.shots[i];
        const QByteArray key = QByteArray::number(i + 1) + '\n' + shot.prompt.toUtf8();
        const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
        const quint32 bits = qFromBigEndian<quint32>(hash.constData());
        shot.seed = 1 + bits % 0x7ffffffeu; // 1 .. 2^31 - 1, like a drawn seed (0 means unset)
    }
}

qint64 renderCacheLimit()
{
    bool ok = false;
    const double megabytes = qEnvironmentVariable("KINORA_RENDER_CACHE_MB").toDouble(&ok);
    return qint64((ok && megabytes >= 0 ? megabytes : 20 * 1024.0) * 1024 * 1024);
}

int pruneRenderCache()
{
    QDir folder(renderCacheFolder());
    int removed = 0;
    for (const QString &name : folder.entryList({QStringLiteral("*.source")}, QDir::Files)) {
        QFile source(folder.filePath(name));
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const QString storyboard = QString::fromUtf8(source.readAll()).trimmed();
        source.close();
        if (storyboard.isEmpty() || QFileInfo::exists(storyboard))
            continue;
        QString project = folder.filePath(name);
        project.chop(int(qstrlen(".source")));
        project += QStringLiteral(".kinora");
        auto lock = store::ProjectLock::acquire(project); // a render in progress keeps its cache
        if (!lock)
            continue;
        removeProjectFiles(project);
        QFile::remove(source.fileName());
        ++removed;
    }
    return removed;
}

int trimRenderCache(const QString &keep)
{
    QDir folder(renderCacheFolder());
    return evictOldest(folder, renderCacheLimit(), keep);
}

} // namespace kinora::cli
