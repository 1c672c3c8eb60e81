// The project a `kinora-cli render` keeps its jobs and takes in, locked for the render's length:
// a .kinora input is that project itself (refused while the studio has it open); a .json or
// .fountain storyboard gets a cache project under $XDG_CACHE_HOME/kinora/render/, keyed by the
// storyboard's absolute path, so rendering it again reuses the takes.
#pragma once

#include "core/result.h"
#include "store/projectdatabase.h"
#include "store/projectlock.h"
#include "story/storyboard.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace kinora::cli {

struct RenderProject
{
    QString path;        ///< the .kinora file the jobs live in
    bool cache = false;  ///< a render cache project (not the user's own project)
    story::Storyboard board;
    std::unique_ptr<store::ProjectLock> lock;   ///< held until the render ends
    std::unique_ptr<store::ProjectDatabase> db; ///< this thread's connection
    QStringList notes;   ///< what the user should know (a damaged cache was replaced)
};

/// @brief $XDG_CACHE_HOME/kinora/render (or the platform's cache folder).
QString renderCacheFolder();

/// @brief The cache project for the storyboard file @p storyboardPath (which must exist).
QString cacheProjectFor(const QString &storyboardPath);

/// @brief Locks the project @p input (refused while the studio has it open), opens it and reads
/// its storyboard.
core::Result<RenderProject> openProjectForRender(const QString &input);

/// @brief Locks and opens (or creates) the cache project of the storyboard file @p input, whose
/// storyboard @p board was read from it.
core::Result<RenderProject> openCacheProject(const QString &input, const story::Storyboard &board);

/// @brief Gives every shot whose seed the file @p storyboardPath leaves out (a Fountain file
/// leaves them all out) a seed derived from its place and prompt, instead of the random one
/// reading drew: the same file then renders the same film, and its takes can be reused.
void deriveMissingSeeds(const QString &storyboardPath, story::Storyboard &board);

/// @brief The most the render cache may hold, in bytes: KINORA_RENDER_CACHE_MB megabytes (a
/// fraction is fine), 20 GiB when unset.
qint64 renderCacheLimit();

/// @brief Removes cache projects whose storyboard file no longer exists (and that no render
/// holds); returns how many.
int pruneRenderCache();

/// @brief Removes the least recently rendered cache projects until the cache is within
/// renderCacheLimit(); never @p keep or a project a render holds. Returns how many.
int trimRenderCache(const QString &keep);

} // namespace kinora::cli
