// Qt SQL helpers: failures become messages a user can act on.
#include "store/sqlutil.h"

#include <QSqlError>

namespace kinora::store {

QString describeSqlError(const QString &driverText, const QString &doing)
{
    const QString lower = driverText.toLower();
    QString advice;
    if (lower.contains(QLatin1String("full")))
        advice = QStringLiteral("The disk is full. Free some space; your edits are kept and saved "
                                "when there is room.");
    else if (lower.contains(QLatin1String("readonly")) || lower.contains(QLatin1String("read-only")))
        advice = QStringLiteral("The project file is read-only. Use Save As to save a copy elsewhere.");
    else if (lower.contains(QLatin1String("locked")) || lower.contains(QLatin1String("busy")))
        advice = QStringLiteral("Another program is using the project file. Close it and try again.");
    else if (lower.contains(QLatin1String("malformed")) || lower.contains(QLatin1String("not a database")))
        advice = QStringLiteral("The project file is damaged. Restore it from a backup.");
    QString message = QStringLiteral("Could not %1: %2").arg(doing, driverText.trimmed());
    if (!advice.isEmpty())
        message += QStringLiteral(". ") + advice;
    return message;
}

core::Status exec(QSqlDatabase &db, const QString &sql, const QString &doing)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return core::Error{describeSqlError(query.lastError().text(), doing), {}};
    return {};
}

core::Status exec(QSqlQuery &query, const QString &doing)
{
    if (!query.exec())
        return core::Error{describeSqlError(query.lastError().text(), doing), {}};
    return {};
}

QVariant scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql) && query.next())
        return query.value(0);
    return {};
}

} // namespace kinora::store
