// Result<T>: the value-or-error type used across module boundaries.
// Errors carry a message a user can act on (what went wrong, what to do).
#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace kinora::core {

/// @brief A user-facing error: what went wrong, and where if known (file, line, field).
struct Error
{
    QString message;
    QString location; ///< e.g. "story.fountain:12" or "shots[3].durationSeconds"; may be empty

    /// @brief "location: message", or just the message when there is no location.
    QString toString() const;
};

/// @brief Either a value or an Error; never both.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    /// By value on a temporary, so `for (x : f().value())` never iterates a destroyed Result.
    T value() && { return std::move(*m_value); }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// @brief Result for operations with no value.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_failed(true), m_error(std::move(error)) {}
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace kinora::core
