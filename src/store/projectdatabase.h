// ProjectDatabase: one thread's connection to a project file (*.kinora, SQLite in WAL mode).
// Opening inspects the file read-only first, so a corrupt or foreign file is never modified.
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace kinora::store {

class ProjectDatabase
{
public:
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase &) = delete;
    ProjectDatabase &operator=(const ProjectDatabase &) = delete;

    /// @brief Creates a new, empty project file at @p path (fails if the file exists).
    static core::Result<std::unique_ptr<ProjectDatabase>> create(const QString &path);
    /// @brief Opens an existing project, upgrading its schema when it is older.
    static core::Result<std::unique_ptr<ProjectDatabase>> open(const QString &path);
    /// @brief Another connection to a project this process (or its studio) already opened and
    /// checked: no inspection, no upgrade. For the worker and background readers.
    static core::Result<std::unique_ptr<ProjectDatabase>> attach(const QString &path);
    /// @brief Read-only checks: is @p path a healthy Kinora project this build can open?
    static core::Status inspect(const QString &path);

    QSqlDatabase &db() { return m_db; }
    QString path() const { return m_path; }
    /// @brief The media folder beside the project file ("film.kinora" -> "film.media").
    static QString mediaFolderFor(const QString &projectPath);

private:
    ProjectDatabase(QString path, QString connectionName);
    core::Status configure();

    QString m_path;
    QString m_connectionName;
    QString m_key; ///< canonical path, for the process-wide count of open projects
    QSqlDatabase m_db;
};

} // namespace kinora::store
