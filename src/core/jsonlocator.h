// JsonLocator: maps a JSON parse offset or a field path ("shots[3].durationSeconds") to a line
// number in the source text, so import errors can name the line and the field.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QString>

namespace kinora::core {

/// @brief Line/column (1-based) of a byte offset in @p text.
struct TextPosition
{
    int line = 0;
    int column = 0;
};
TextPosition positionOfOffset(const QByteArray &text, int offset);

/// @brief Scans JSON text once and remembers the line where each value path starts.
/// Paths look like "title", "shots[2].dialogue[0].text". Tolerates invalid JSON (stops early).
class JsonLocator
{
public:
    explicit JsonLocator(const QByteArray &text);
    /// @brief 1-based line of the value at @p path, or of its nearest known parent; 0 if none.
    int lineOf(const QString &path) const;

private:
    QHash<QString, int> m_lines;
};

/// @brief What a JSON value is, in words for an error message ("a number", "an array").
QString jsonTypeName(const QJsonValue &value);
/// @brief Field paths for error messages: jsonChild("shots[2]", "prompt") = "shots[2].prompt".
QString jsonChild(const QString &path, const QString &key);
QString jsonIndexed(const QString &path, int index);

} // namespace kinora::core
