// ScenePlan helpers. The JSON reader/writer is implemented with the PromptCompiler's work.
#include "engine/sceneplan.h"

namespace kinora::engine {

int ScenePlan::indexOf(const QString &entityId) const
{
    for (int i = 0; i < entities.size(); ++i)
        if (entities.at(i).id == entityId)
            return i;
    return -1;
}

} // namespace kinora::engine
