// Ctrl+C and SIGTERM as a request to stop: while a StopSignalGuard lives, the signals only set a
// flag that long-running commands poll, so they can cancel cleanly and leave no partial output.
#pragma once

#include <csignal>

namespace kinora::cli {

class StopSignalGuard
{
public:
    StopSignalGuard();  ///< installs the handlers and clears the flag
    ~StopSignalGuard(); ///< restores the handlers that were there before

    StopSignalGuard(const StopSignalGuard &) = delete;
    StopSignalGuard &operator=(const StopSignalGuard &) = delete;

    /// @brief The signal received since the guard was made (SIGINT, SIGTERM), or 0.
    static int received();

private:
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
};

} // namespace kinora::cli
