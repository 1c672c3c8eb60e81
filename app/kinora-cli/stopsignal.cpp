// The handler only stores the signal number: anything more is not async-signal-safe.
#include "stopsignal.h"

#include <atomic>

namespace kinora::cli {
namespace {

std::atomic<int> g_stopSignal{0};

extern "C" void onStopSignal(int signal)
{
    g_stopSignal.store(signal);
}

} // namespace

StopSignalGuard::StopSignalGuard()
{
    g_stopSignal.store(0);
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &m_oldInt);
    sigaction(SIGTERM, &action, &m_oldTerm);
}

StopSignalGuard::~StopSignalGuard()
{
    sigaction(SIGINT, &m_oldInt, nullptr);
    sigaction(SIGTERM, &m_oldTerm, nullptr);
}

int StopSignalGuard::received()
{
    return g_stopSignal.load();
}

} // namespace kinora::cli
