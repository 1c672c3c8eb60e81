// The exchange format kinora.storyboard.v1 (JSON): the one format the CLI, files and every later
// API share. Schema: resources/schemas/kinora.storyboard.v1.schema.json.
#pragma once

#include "core/result.h"
#include "story/storyboard.h"

#include <QByteArray>
#include <QJsonObject>

namespace kinora::story {

inline constexpr char kStoryboardFormat[] = "kinora.storyboard.v1";

/// @brief Storyboard -> JSON object (stable key order when serialized, all fields present).
QJsonObject toJson(const Storyboard &board);
/// @brief Indented UTF-8 JSON text ending with a newline; the same board gives the same bytes.
QByteArray toJsonText(const Storyboard &board);

/// @brief Parses and validates JSON text. Errors name the line and the field, e.g.
/// "line 14: shots[1].durationSeconds: must be between 1 and 20 seconds, not 42".
/// Missing optional fields get defaults; missing ids and seeds are generated.
core::Result<Storyboard> storyboardFromJsonText(const QByteArray &text);

/// @brief Same, from an already parsed object (no line numbers in errors).
core::Result<Storyboard> storyboardFromJson(const QJsonObject &object);

} // namespace kinora::story
