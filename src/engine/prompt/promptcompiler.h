// PromptCompiler: turns one shot's English prompt (plus its storyboard settings and the previous
// shot's end state) into a ScenePlan. Deterministic: the same input gives the same plan.
#pragma once

#include "engine/sceneplan.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace kinora::engine {

/// What the storyboard says about one shot.
struct ShotInput
{
    QString shotId;
    QString prompt;
    QString camera;  ///< story camera name ("static", "pan-left", ...); "" = static
    QString framing; ///< wide | medium | close-up; "" = wide
    QString style;   ///< story style name; "" = cinematic
    double durationSeconds = 5;
    int fps = 24;
    int width = 854;
    int height = 480;
    std::uint32_t seed = 1;
    bool newScene = true;
    QList<PlanDialogue> dialogue; ///< speaker, language, text, startSeconds (entity is filled in)
    QStringList cameos;           ///< cameo handles ("@maya") that appear in the shot
    QString previousTimeOfDay;    ///< a continuing shot keeps the light unless its prompt names one
    QString previousWeather;      ///< ... and the weather
};

/// @brief Copies what the storyboard decides (shot id, prompt, duration, frame rate, size, seed,
/// new scene) onto @p plan: for a compiled plan and for a user's edited one alike.
void applyShotInput(ScenePlan &plan, const ShotInput &shot);

/// @brief Compiles prompts. Stateless; safe to use from several threads.
///
/// Understood: environments, time of day, weather, ~240 nouns with synonyms and plurals, counts,
/// colours, materials, sizes, names, @cameo handles, pronouns, 19 action verbs with inflections,
/// sequence ("then", ",") and simultaneity ("while", "as"), spatial relations and camera words,
/// paths ("past", "after", "toward", "away from", "around", "across", "along": PlanAction::path)
/// and adverbs of speed and force ("slowly", "quickly", "gently", "hard": PlanAction::intensity).
/// Everything else is listed in ScenePlan::unknownWords. Harmless adjectives that change nothing
/// are listed by prompt::harmlessModifiers().
class PromptCompiler
{
public:
    /// @brief @p previousEntities is the previous shot's end state (ignored when shot.newScene);
    /// entities mentioned again keep id, look and position; the rest stay in the world unchanged.
    /// @p previousEnvironment is kept when the prompt names none and the shot continues.
    ScenePlan compile(const ShotInput &shot, const QList<PlanEntity> &previousEntities,
                      const QString &previousEnvironment) const;
};

} // namespace kinora::engine
