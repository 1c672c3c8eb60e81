// `kinora-cli export PROJECT.kinora -o OUT.mp4 [options]`: the watermarked film of the hero takes.
// Progress on stderr; Ctrl+C or SIGTERM cancels and leaves no file behind.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace kinora::cli {

/// @brief Runs the command; returns the exit code (0 ok, 1 failed, 2 usage, 130 cancelled).
/// Needs a QGuiApplication (the watermark draws text).
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kinora::cli
