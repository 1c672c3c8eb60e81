// Fountain screenplay import: scene headings start shots, action lines become the prompt,
// dialogue blocks become dialogue lines with their speaker; parentheticals and transitions kept.
#pragma once

#include "core/result.h"
#include "story/storyboard.h"

#include <QByteArray>

namespace kinora::story {

/// @brief Parses Fountain text (UTF-8) into a storyboard. Errors name the line.
core::Result<Storyboard> importFountain(const QByteArray &text);

} // namespace kinora::story
