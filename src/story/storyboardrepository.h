// StoryboardRepository: SQL access for the storyboard tables of a project file. Writes touch only
// the rows an edit changed: a prompt edit is one UPDATE, a reorder moves as few rows as it can.
#pragma once

#include "core/result.h"
#include "story/storyboard.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

namespace kinora::story {

struct StoryboardSettings;

class StoryboardRepository
{
public:
    explicit StoryboardRepository(QSqlDatabase db);

    /// @brief Reads the whole storyboard (and remembers row positions for later reorders).
    core::Result<Storyboard> load();
    /// @brief Writes a whole storyboard into an empty project (new project, import, convert).
    core::Status saveAll(const Storyboard &board);

    core::Status saveSettings(const StoryboardSettings &settings);
    /// @brief Inserts or updates one shot row. A new row takes the position setOrder() gave it.
    core::Status upsertShot(const Shot &shot);
    core::Status deleteShot(const QString &id);
    /// @brief Makes the stored order equal @p ids, rewriting the fewest position values.
    core::Status setOrder(const QStringList &ids);

private:
    QSqlDatabase m_db;
    QHash<QString, qint64> m_positions; ///< id -> position, mirrors the shots table
};

} // namespace kinora::story
