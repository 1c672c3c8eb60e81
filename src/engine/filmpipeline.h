// FilmPipeline: storyboard -> ScenePlans -> World simulation -> rendered frames -> MP4, shot after
// shot, each shot starting from the previous shot's end state unless it is a new scene.
#pragma once

#include "core/result.h"
#include "engine/filmspec.h"
#include "engine/sceneplan.h"
#include "engine/worldtrack.h"

#include <QString>
#include <functional>

namespace kinora::media {
class Mp4Writer;
}

namespace kinora::engine {

struct PipelineProgress
{
    int shot = 0;      ///< 1-based shot number
    int shotCount = 0; ///< shots in the storyboard
    QString stage;     ///< plan | simulate | render
    int done = 0;
    int total = 0;
};

/// Return false to cancel.
using PipelineProgressFn = std::function<bool(const PipelineProgress &)>;

struct FilmStats
{
    double outputSeconds = 0;
    double planSeconds = 0;
    double simulateSeconds = 0;
    double renderSeconds = 0;
    double encodeSeconds = 0;
    int frames = 0;
};

class FilmPipeline
{
public:
    explicit FilmPipeline(QString renderDevice = QStringLiteral("cpu"));

    /// @brief The plan of every selected shot (earlier shots are simulated for continuity).
    core::Result<QList<ScenePlan>> plan(const story::Storyboard &board, const FilmOverrides &overrides,
                                        const PipelineProgressFn &progress = {});

    /// @brief Renders the selected shots into one MP4 at @p outPath (written atomically).
    core::Status render(const story::Storyboard &board, const FilmOverrides &overrides, const QString &outPath,
                        const PipelineProgressFn &progress = {}, FilmStats *stats = nullptr);

    struct ShotOutcome
    {
        ScenePlan plan;
        QList<PlanEntity> endState;
        FilmStats stats;
    };
    /// @brief Renders shot @p number (1-based) alone into its own MP4 (a take), simulating the
    /// shots before it for continuity.
    core::Result<ShotOutcome> renderShot(const story::Storyboard &board, const FilmOverrides &overrides, int number,
                                         const QString &outPath, const PipelineProgressFn &progress = {});

private:
    using SelectedShotFn = std::function<core::Status(int number, const ScenePlan &, const WorldTrack &)>;
    /// Compiles and simulates shots 1..last selected in order; calls @p onSelected for the selected ones.
    core::Status walk(const story::Storyboard &board, const FilmOverrides &overrides, const PipelineProgressFn &progress,
                      FilmStats &stats, const SelectedShotFn &onSelected);
    core::Status renderInto(media::Mp4Writer &writer, const ScenePlan &plan, const WorldTrack &track, int number,
                            int shotCount, const PipelineProgressFn &progress, FilmStats &stats);

    QString m_device;
};

} // namespace kinora::engine
