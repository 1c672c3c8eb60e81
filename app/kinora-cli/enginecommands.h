// `kinora-cli plan` and `kinora-cli render`: the generation engine from the command line.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace kinora::cli {

/// @brief plan STORYBOARD -o PLANS.json [--resolution R] [--fps N] [--shots LIST] [--seed N]
int runPlan(const QStringList &args, QTextStream &out, QTextStream &err);
/// @brief render STORYBOARD -o OUT.mp4 [--resolution R] [--fps N] [--shots LIST] [--seed N]
int runRender(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kinora::cli
