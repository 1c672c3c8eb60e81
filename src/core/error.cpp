// Formatting of user-facing errors.
#include "core/result.h"

namespace kinora::core {

QString Error::toString() const
{
    return location.isEmpty() ? message : location + QStringLiteral(": ") + message;
}

} // namespace kinora::core
