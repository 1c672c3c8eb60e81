// Logging category definitions.
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcStore, "kinora.store")
Q_LOGGING_CATEGORY(lcStory, "kinora.story")
Q_LOGGING_CATEGORY(lcApp, "kinora.app")
