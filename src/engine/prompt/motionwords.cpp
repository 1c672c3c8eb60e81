// Motion words: which verbs take which paths, adverb intensity, starting points for paths, and
// the timing rule for chases. The parser (promptcompiler.cpp) finds the words; this decides.
#include "engine/prompt/motionwords.h"

#include <algorithm>

namespace kinora::engine::prompt {
namespace {

bool isChase(const QString &lexiconVerb)
{
    return lexiconVerb == QLatin1String("follow") || lexiconVerb == QLatin1String("chase");
}

// The World steers walkers and runners along every path; a rolled or kicked thing only takes a
// direction (across/along the frame, toward or away from something). Other verbs keep the old
// meaning of the word: its noun is the target ("throws the ball toward the hoop").
bool appliesTo(const QString &verb, const QString &path)
{
    if (verb == QLatin1String("walk") || verb == QLatin1String("run"))
        return true;
    if (verb == QLatin1String("roll") || verb == QLatin1String("kick"))
        return path == QLatin1String("across") || path == QLatin1String("along") || path == QLatin1String("away")
            || path == QLatin1String("toward");
    return false;
}

} // namespace

bool travels(const QString &verb)
{
    return verb == QLatin1String("walk") || verb == QLatin1String("run") || verb == QLatin1String("drive")
        || isChase(verb);
}

QString planVerb(const QString &lexiconVerb)
{
    if (lexiconVerb == QLatin1String("follow"))
        return QStringLiteral("walk");
    // A vehicle's move is a plan "run": the World drives a vehicle that runs at its own speed.
    if (lexiconVerb == QLatin1String("chase") || lexiconVerb == QLatin1String("drive"))
        return QStringLiteral("run");
    return lexiconVerb;
}

bool chases(const QString &lexiconVerb)
{
    return isChase(lexiconVerb);
}

bool cameraHeading(const ClauseMotion &motion, const PlanEntity &actor, bool hasTarget, double *headingDeg)
{
    // The World drives a vehicle with no target along its heading, so facing the camera (+z) is
    // driving toward it. A walker with no target crosses the stage instead, so people keep theirs.
    if (motion.cameraWard == 0 || hasTarget || actor.category != QLatin1String("vehicle"))
        return false;
    *headingDeg = motion.cameraWard > 0 ? 0.0 : 180.0;
    return true;
}

QString pathFor(const QString &lexiconVerb, const ClauseMotion &motion, bool hasTarget)
{
    if (isChase(lexiconVerb))
        return hasTarget ? QStringLiteral("follow") : QString();
    if (motion.path.isEmpty() || !appliesTo(planVerb(lexiconVerb), motion.path))
        return {};
    if (pathNeedsTarget(motion.path) && !hasTarget)
        return {};
    return motion.path;
}

void addAdverb(ClauseMotion &motion, const QString &words, double factor)
{
    motion.intensity = std::clamp(motion.intensity * factor, 0.1, 3.0);
    motion.adverbs << words;
}

void noteUnusedMotion(const ClauseMotion &motion, int actionsAdded, bool pathUsed, QStringList *notes)
{
    if (!motion.adverbs.isEmpty() && actionsAdded == 0)
        *notes << QStringLiteral("'%1': no action to apply it to").arg(motion.adverbs.join(QStringLiteral(", ")));
    // "turns around" needs no noun; "walks past" with nothing after it cannot pass anything.
    if (actionsAdded > 0 && !pathUsed && motion.mention < 0 && pathNeedsTarget(motion.path)
        && motion.path != QLatin1String("around"))
        *notes << QStringLiteral("'%1': nothing is named after it; the move keeps its own direction").arg(motion.pathWord);
}

void addPathStarts(const ScenePlan &plan, int first, int firstNew, QList<SpatialRelation> *relations)
{
    QList<int> placed;
    for (int k = first; k < plan.actions.size(); ++k) {
        const PlanAction &a = plan.actions.at(k);
        const int actor = plan.indexOf(a.actor), target = plan.indexOf(a.target);
        if (actor < firstNew || target < 0 || placed.contains(actor))
            continue;
        const QString &category = plan.entities.at(actor).category;
        if (category != QLatin1String("person") && category != QLatin1String("animal")
            && category != QLatin1String("vehicle"))
            continue;
        // Across or along a thing is a pass beside it, so it starts where a pass starts.
        const bool pass = a.path == QLatin1String("past") || a.path == QLatin1String("across")
            || a.path == QLatin1String("along");
        if (!pass && a.path != QLatin1String("toward"))
            continue;
        *relations << SpatialRelation{actor, pass ? QStringLiteral("past") : QStringLiteral("toward"), target};
        placed << actor;
    }
}

bool chasesLastBeat(const ScenePlan &plan, int first, const QList<int> &beats)
{
    if (beats.isEmpty() || first > beats.size())
        return false;
    const int last = beats.last();
    for (int k = first; k < plan.actions.size(); ++k) {
        const PlanAction &a = plan.actions.at(k);
        if (a.path != QLatin1String("follow"))
            continue;
        for (int j = 0; j < first; ++j) {
            const PlanAction &b = plan.actions.at(j);
            if (beats.at(j) == last && (b.actor == a.target || b.object == a.target) && b.actor != a.actor)
                return true;
        }
    }
    return false;
}

} // namespace kinora::engine::prompt
