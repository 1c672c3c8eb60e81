// FilmPlanner: the storyboard's shots compiled to ScenePlans and simulated in order, each shot
// starting from the previous shot's end state unless it is a new scene. No torch here: the studio
// uses it to show "how Kinora understood this shot"; the FilmPipeline renders on top of it.
#pragma once

#include "core/result.h"
#include "engine/filmspec.h"
#include "engine/sceneplan.h"
#include "engine/worldtrack.h"

#include <QString>
#include <functional>

namespace kinora::engine {

struct ShotInput;

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
    double soundSeconds = 0; ///< speech, effects, ambience, mix and loudness
    int frames = 0;
    /// FNV-1a over every rendered RGB frame, in order, as handed to the encoder: the picture's
    /// identity for determinism checks (the H.264 bytes are the encoder's business).
    quint64 frameHash = 1469598103934665603ull;
};

/// @brief The compiler's input for shot @p index (0-based) of @p board, with the overrides applied.
ShotInput shotInput(const story::Storyboard &board, int index, const FilmOverrides &overrides);

class FilmPlanner
{
public:
    using SelectedShotFn = std::function<core::Status(int number, const ScenePlan &, const WorldTrack &)>;

    /// @brief Compiles and simulates shots 1..(last selected) in order and calls @p onSelected for
    /// each selected one.
    core::Status walk(const story::Storyboard &board, const FilmOverrides &overrides,
                      const PipelineProgressFn &progress, FilmStats &stats, const SelectedShotFn &onSelected);

    /// @brief The plan of every selected shot.
    core::Result<QList<ScenePlan>> plan(const story::Storyboard &board, const FilmOverrides &overrides,
                                        const PipelineProgressFn &progress = {});
};

} // namespace kinora::engine
