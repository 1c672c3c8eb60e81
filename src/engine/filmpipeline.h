// FilmPipeline: the FilmPlanner's simulated shots rendered to frames and encoded to MP4, as one
// film or as one take per shot.
#pragma once

#include "core/result.h"
#include "engine/filmplanner.h"

#include <QString>
#include <functional>

namespace kinora::media {
class Mp4Writer;
}

namespace kinora::engine {

class FilmPipeline
{
public:
    explicit FilmPipeline(QString renderDevice = QStringLiteral("cpu"));

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
    core::Status renderInto(media::Mp4Writer &writer, const ScenePlan &plan, const WorldTrack &track, int number,
                            int shotCount, const PipelineProgressFn &progress, FilmStats &stats);

    QString m_device;
};

} // namespace kinora::engine
