// Small helpers shared by the Qt Test units.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace kinora::test {

/// @brief The whole file, or empty when it cannot be read.
inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace kinora::test
