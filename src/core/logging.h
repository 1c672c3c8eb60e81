// Logging categories, one per module.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcStory)
Q_DECLARE_LOGGING_CATEGORY(lcApp)
