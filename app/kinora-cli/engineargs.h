// The options `kinora-cli plan` and `kinora-cli render` share: STORYBOARD -o FILE
// [--resolution R] [--fps N] [--shots LIST] [--seed N].
#pragma once

#include "engine/filmspec.h"
#include "story/storyboard.h"

#include <QString>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace kinora::cli {

struct EngineArgs
{
    QString input;  ///< the storyboard: .json, .fountain or .kinora
    QString output;
    engine::FilmOverrides overrides; ///< shots filled in by checkBoard()
    std::optional<QString> shotsText; ///< --shots as given
};

/// @brief Parses the options (the storyboard is not read yet); on failure writes the message
/// and returns the exit code (2), else 0.
int parseEngineArgs(const QString &command, const QStringList &args, QTextStream &err, EngineArgs &parsed);

/// @brief Checks @p board against the options: it has shots, and --shots names shots it has.
/// Returns 0, or writes the message and returns the exit code.
int checkBoard(const story::Storyboard &board, QTextStream &err, EngineArgs &parsed);

} // namespace kinora::cli
