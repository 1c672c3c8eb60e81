// Random ids and seeds from the system's strong generator.
#include "core/ids.h"

#include <QRandomGenerator>
#include <QUuid>

namespace kinora::core {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::uint32_t newSeed()
{
    return QRandomGenerator::system()->bounded(1u, 0x7fffffffu);
}

} // namespace kinora::core
