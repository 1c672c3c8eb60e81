// Identifiers: stable, random, text ids for shots, dialogue lines and other rows.
#pragma once

#include <QString>
#include <cstdint>

namespace kinora::core {

/// @brief A new random id (UUID without braces), stable across saves and exports.
QString newId();

/// @brief A new random 31-bit seed for generation (never 0, so 0 can mean "unset").
std::uint32_t newSeed();

} // namespace kinora::core
