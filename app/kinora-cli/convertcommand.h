// `kinora-cli convert INPUT OUTPUT`: between Fountain (input only), JSON and project files.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace kinora::cli {

/// @brief Runs the command; returns the process exit code (0 ok, 1 bad input, 2 usage).
int runConvert(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kinora::cli
