// The render command's wait for its jobs: a supervised kinora-engine worker (restarted when it
// dies) renders the queued shots; progress per shot goes to stderr, Ctrl+C or SIGTERM cancels.
#pragma once

#include "engine/renderbatch.h"
#include "renderproject.h"

#include <QString>
#include <QTextStream>

namespace kinora::cli {

/// @brief One status line on stderr, rewritten in place ("\r"); other messages go on lines of
/// their own above it.
class ProgressLine
{
public:
    explicit ProgressLine(QTextStream &err) : m_err(err) {}
    ~ProgressLine() { end(); }
    void update(const QString &text);
    void message(const QString &text);
    void end();

private:
    QTextStream &m_err;
    QString m_last;
    bool m_open = false;
};

/// @brief Runs the batch's queued jobs in @p project through a kinora-engine worker until every
/// shot has a take. Returns 0, or the exit code once the message is written: 1 when a shot
/// failed (named, with the reason) or no worker could run, 130 when cancelled by a signal; then
/// this render's jobs are cancelled and the worker stopped.
int renderQueuedShots(RenderProject &project, engine::RenderBatch &batch, ProgressLine &line);

} // namespace kinora::cli
