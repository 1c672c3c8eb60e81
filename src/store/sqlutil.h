// Small helpers over Qt SQL: run a statement and turn a failure into a user-facing Error.
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace kinora::store {

/// @brief Runs @p sql (no bound values); the error names what was being done.
core::Status exec(QSqlDatabase &db, const QString &sql, const QString &doing);

/// @brief Runs a prepared query; the error names what was being done.
core::Status exec(QSqlQuery &query, const QString &doing);

/// @brief First column of the first row of @p sql, or an invalid QVariant.
QVariant scalar(QSqlDatabase &db, const QString &sql);

/// @brief A user-facing message for a SQL failure (disk full, read-only, locked get plain words).
QString describeSqlError(const QString &driverText, const QString &doing);

} // namespace kinora::store
