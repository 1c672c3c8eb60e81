// `kinora-cli render`: the storyboard's shots as jobs for a supervised kinora-engine worker (or
// takes reused from the cache), joined in storyboard order into one MP4.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace kinora::cli {

/// @brief render STORYBOARD -o OUT.mp4 [--resolution R] [--fps N] [--shots LIST] [--seed N]
int runRender(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kinora::cli
