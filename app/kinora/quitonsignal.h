// Quit the studio cleanly on SIGTERM/SIGINT/SIGHUP: the event loop ends, the project session
// saves what is pending and releases the project lock, as on a normal quit.
#pragma once

class QObject;

namespace kinora::app {

/// @brief Installs the handlers; the quit happens on the GUI thread via the event loop.
void quitOnTerminationSignals(QObject *parent);

} // namespace kinora::app
