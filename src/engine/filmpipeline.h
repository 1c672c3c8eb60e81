// FilmPipeline: the FilmPlanner's simulated shots rendered to frames and encoded to MP4, as one
// film or as one take per shot.
#pragma once

#include "audio/audiotypes.h"
#include "core/result.h"
#include "engine/filmplanner.h"
#include "media/subtitles.h"

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

    /// @brief Renders the selected shots into one MP4 at @p outPath (written atomically), picture
    /// and sound. @p subtitles (optional) receives the dialogue cues on the film's time line and
    /// @p notes what the sound stage could not do (unknown language, a line too long).
    core::Status render(const story::Storyboard &board, const FilmOverrides &overrides, const QString &outPath,
                        const PipelineProgressFn &progress = {}, FilmStats *stats = nullptr,
                        QList<media::SubtitleCue> *subtitles = nullptr, QStringList *notes = nullptr);

    struct ShotOutcome
    {
        ScenePlan plan; ///< as rendered; the sound stage's notes are added to plan.notes
        QList<PlanEntity> endState;
        FilmStats stats;
        QList<media::SubtitleCue> subtitles; ///< times within the shot
    };
    /// @brief Renders shot @p number (1-based) alone into its own MP4 (a take), simulating the
    /// shots before it for continuity.
    core::Result<ShotOutcome> renderShot(const story::Storyboard &board, const FilmOverrides &overrides, int number,
                                         const QString &outPath, const PipelineProgressFn &progress = {});

    /// @brief One voice per speaker for the whole storyboard, so a character sounds the same in
    /// every shot and every take (each figure's noun decides man, woman or child).
    static audio::VoiceCast castFor(const story::Storyboard &board, const FilmOverrides &overrides);

private:
    struct ShotSound
    {
        QList<media::SubtitleCue> subtitles;
        QStringList notes;
    };
    core::Result<ShotSound> renderInto(media::Mp4Writer &writer, const ScenePlan &plan, const WorldTrack &track,
                                       int number, int shotCount, const audio::VoiceCast &cast,
                                       const PipelineProgressFn &progress, FilmStats &stats);

    QString m_device;
};

} // namespace kinora::engine
