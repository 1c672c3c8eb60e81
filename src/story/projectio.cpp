// Reading and writing storyboard files. Project files go through the same lock, inspection and
// repository as the studio, so the CLI can never damage a project the studio has open.
#include "story/projectio.h"

#include "store/projectdatabase.h"
#include "store/projectlock.h"
#include "story/fountainimporter.h"
#include "story/storyboardjson.h"
#include "story/storyboardrepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace kinora::story {
namespace {

core::Error located(const QString &path, const core::Error &error)
{
    const QString file = QDir::toNativeSeparators(path);
    return {error.message, error.location.isEmpty() ? file : file + QStringLiteral(", ") + error.location};
}

core::Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return core::Error{QStringLiteral("The file does not exist."), QDir::toNativeSeparators(path)};
    if (!file.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("The file cannot be read: %1").arg(file.errorString()),
                           QDir::toNativeSeparators(path)};
    return file.readAll();
}

} // namespace

StoryboardFileKind fileKindOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("fountain") || suffix == QLatin1String("spmd"))
        return StoryboardFileKind::Fountain;
    if (suffix == QLatin1String("json"))
        return StoryboardFileKind::Json;
    if (suffix == QLatin1String("kinora"))
        return StoryboardFileKind::Project;
    return StoryboardFileKind::Invalid;
}

core::Result<Storyboard> readStoryboardFile(const QString &path)
{
    const StoryboardFileKind kind = fileKindOf(path);
    if (kind == StoryboardFileKind::Project) {
        auto lock = store::ProjectLock::acquire(path);
        if (!lock)
            return lock.error();
        auto db = store::ProjectDatabase::open(path);
        if (!db)
            return db.error();
        StoryboardRepository repo(db.value()->db());
        return repo.load();
    }
    if (kind == StoryboardFileKind::Invalid)
        return core::Error{QStringLiteral("Unknown file type: use .fountain, .json or .kinora."),
                           QDir::toNativeSeparators(path)};
    auto data = readAll(path);
    if (!data)
        return data.error();
    auto board = kind == StoryboardFileKind::Fountain ? importFountain(data.value())
                                                      : storyboardFromJsonText(data.value());
    if (!board)
        return located(path, board.error());
    return board;
}

core::Status writeFileAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path); // temp file, fsync, rename; nothing appears on failure
    const QString where = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("Cannot write here: %1").arg(file.errorString()), where};
    if (file.write(data) != data.size() || !file.commit())
        return core::Error{QStringLiteral("Writing failed (is the disk full?): %1").arg(file.errorString()), where};
    return {};
}

core::Status writeStoryboardFile(const Storyboard &board, const QString &path)
{
    const QString where = QDir::toNativeSeparators(path);
    if (const QString problem = validate(board); !problem.isEmpty())
        return core::Error{problem, where};
    switch (fileKindOf(path)) {
    case StoryboardFileKind::Json:
        return writeFileAtomically(path, toJsonText(board));
    case StoryboardFileKind::Project: {
        if (QFileInfo::exists(path))
            return core::Error{QStringLiteral("A project with this name already exists; it was not "
                                              "overwritten. Choose another name or remove it first."), where};
        const QString temp = path + QStringLiteral(".partial.kinora");
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(temp + suffix);
        core::Status st;
        {
            auto db = store::ProjectDatabase::create(temp);
            if (!db)
                return located(path, db.error());
            QSqlDatabase &sql = db.value()->db();
            sql.transaction();
            StoryboardRepository repo(sql);
            st = repo.saveAll(board);
            if (st && !sql.commit())
                st = core::Error{QStringLiteral("Could not write the project (is the disk full?)."), where};
        }
        QDir().rmdir(store::ProjectDatabase::mediaFolderFor(temp));
        if (st && !QFile::rename(temp, path))
            st = core::Error{QStringLiteral("Could not put the project in place."), where};
        if (!st) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(temp + suffix);
            return st;
        }
        QDir().mkpath(store::ProjectDatabase::mediaFolderFor(path));
        return {};
    }
    case StoryboardFileKind::Fountain:
        return core::Error{QStringLiteral("Fountain is an import format; write .json or .kinora instead."), where};
    case StoryboardFileKind::Invalid:
        break;
    }
    return core::Error{QStringLiteral("Unknown file type: use .json or .kinora."), where};
}

} // namespace kinora::story
