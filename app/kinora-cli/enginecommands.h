// `kinora-cli plan`: how the engine understood each shot, from the command line.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace kinora::cli {

/// @brief plan STORYBOARD -o PLANS.json [--resolution R] [--fps N] [--shots LIST] [--seed N]
int runPlan(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kinora::cli
