// The project-file schema and its migrations. A project file carries PRAGMA application_id =
// kApplicationId and PRAGMA user_version = the schema version it was migrated to.
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace kinora::store {

inline constexpr int kApplicationId = 0x4B4E5241; // "KNRA"
inline constexpr int kSchemaVersion = 5;

/// @brief The statements that take a schema from version - 1 to @p version (1-based).
QStringList migrationStatements(int version);

/// @brief Brings @p db from its user_version up to @p target in one transaction per step.
/// A failed step rolls back and leaves the file at the last good version.
core::Status migrate(QSqlDatabase &db, int target = kSchemaVersion);

} // namespace kinora::store
