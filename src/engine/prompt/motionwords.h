// Motion words: path prepositions ("past", "after", "toward", "away from", "around", "across",
// "along"), chasing verbs and adverbs of speed ("slowly", "hard") become PlanAction::path and
// PlanAction::intensity; a path that needs room also asks the layout for a starting point.
#pragma once

#include "engine/prompt/scenelayout.h"
#include "engine/sceneplan.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kinora::engine::prompt {

/// What one clause says about how its actors move.
struct ClauseMotion
{
    QString path;         ///< plan path named by a preposition, or ""
    int mention = -1;     ///< the clause mention the path word names ("past the car"), or -1
    QString pathWord;     ///< the words as written, for notes
    double intensity = 1; ///< the clause's adverbs multiplied together (0.1..3)
    QStringList adverbs;  ///< the adverbs as written
    int cameraWard = 0;   ///< +1 "toward the camera", -1 "away from the camera", else 0
};

/// @brief True for verbs whose actor itself travels: walk, run, drive, and the "follow"/"chase" verbs.
bool travels(const QString &verb);

/// @brief The plan verb for a lexicon verb ("follow" walks, "chase" and "drive" run; others unchanged).
QString planVerb(const QString &lexiconVerb);

/// @brief True for verbs that say who is chased ("chases a cat": the cat is the target, not an object).
bool chases(const QString &lexiconVerb);

/// @brief The heading (degrees) for a vehicle whose clause says "toward/away from the camera";
/// false when it says neither, the move has a target or the actor is not a vehicle (people keep
/// their own direction).
bool cameraHeading(const ClauseMotion &motion, const PlanEntity &actor, bool hasTarget, double *headingDeg);

/// @brief The path an action of @p lexiconVerb gets from its clause: "follow" for chasing verbs
/// with a target, the clause's path where the World applies it to that verb, else "".
QString pathFor(const QString &lexiconVerb, const ClauseMotion &motion, bool hasTarget);

/// @brief Records an adverb's intensity factor on the clause (several multiply, clamped 0.1..3).
void addAdverb(ClauseMotion &motion, const QString &words, double factor);

/// @brief Notes for motion words that found nothing to act on ("slowly" with no verb, "past" with
/// no noun after it); appended to @p notes. @p actionsAdded is how many actions the clause made.
void noteUnusedMotion(const ClauseMotion &motion, int actionsAdded, bool pathUsed, QStringList *notes);

/// @brief Starting points for paths that need room: a new walker (or vehicle) "past" a car starts
/// in the lane beside it, one walking "toward" a thing starts a few metres away (a vehicle further).
/// Appends to @p relations for the actions [@p first, end) of @p plan whose actor is new (index >=
/// @p firstNew).
void addPathStarts(const ScenePlan &plan, int first, int firstNew, QList<SpatialRelation> *relations);

/// @brief True when the actions [@p first, end) chase something that moves in the beat before
/// ("the ball rolls and the girl runs after it"): the chase then happens in that same beat.
/// @p beats holds the beat of every action before @p first.
bool chasesLastBeat(const ScenePlan &plan, int first, const QList<int> &beats);

} // namespace kinora::engine::prompt
