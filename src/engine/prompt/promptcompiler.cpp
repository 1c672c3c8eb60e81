// Clause-level reading of a prompt: split into clauses at "then", commas, "while"; in each clause
// find subjects, verbs, objects, targets and relations; turn them into timed PlanActions.
#include "engine/prompt/promptcompiler.h"

#include "engine/prompt/lexicon.h"
#include "engine/prompt/motionwords.h"
#include "engine/prompt/promptclause.h"
#include "engine/prompt/promptlexer.h"
#include "engine/prompt/scenebuilder.h"
#include "engine/prompt/scenelayout.h"

#include <QSet>

namespace kinora::engine {
namespace {

using namespace prompt;

constexpr int kMaxCount = 12; // more entities than this would crowd the stage and the frame

const QStringList kEnvironments{"gym", "basketball-court", "beach", "street", "forest", "room",
                                "office", "kitchen", "park", "stage", "space", "underwater"};
const QStringList kMoves{"static", "pan-left", "pan-right", "tilt-up", "tilt-down", "dolly-in",
                         "dolly-out", "orbit", "crane", "handheld", "tracking"};
const QStringList kFramings{"wide", "medium", "close-up"};
const QStringList kStyles{"cinematic", "anime", "documentary", "noir", "claymation", "sketch", "vintage-film"};
bool isPerson(const PlanEntity &e)
{
    return e.category == QLatin1String("person");
}

bool isAgent(const PlanEntity &e)
{
    return isPerson(e) || e.category == QLatin1String("animal");
}

bool isVehicle(const PlanEntity &e)
{
    return e.category == QLatin1String("vehicle");
}

class Compiler
{
public:
    Compiler(const ShotInput &shot, const QList<PlanEntity> &previous, const QString &previousEnvironment)
        : m_shot(shot), m_builder(&m_plan.entities, shot.seed)
    {
        applyShotInput(m_plan, shot);
        if (!shot.newScene) {
            m_builder.carry(previous);
            if (kEnvironments.contains(previousEnvironment)) {
                m_plan.environment = previousEnvironment;
                m_environmentCarried = true;
            }
            // The same scene keeps its light and weather; words in the prompt still override.
            if (!shot.previousTimeOfDay.isEmpty())
                m_plan.timeOfDay = shot.previousTimeOfDay;
            if (!shot.previousWeather.isEmpty())
                m_plan.weather = shot.previousWeather;
        }
        m_firstNew = int(m_plan.entities.size());
        storyCamera();
    }

    ScenePlan run()
    {
        QStringList names;
        for (const PlanDialogue &d : m_shot.dialogue)
            names << d.speaker.toLower();
        for (const PlanEntity &e : m_plan.entities)
            if (isPerson(e) && !e.label.contains(QLatin1Char(' ')) && !e.label.isEmpty())
                names << e.label.toLower();
        m_items = lexPrompt(m_shot.prompt, names);
        for (const ClauseRange &r : splitClauses())
            interpret(r);
        finishTiming();
        for (const QString &handle : m_shot.cameos)
            if (!handle.trimmed().isEmpty())
                m_builder.resolveCameo(handle.trimmed());
        attachDialogue();
        chooseEnvironment();
        layoutScene(m_plan.entities, m_firstNew, m_relations, &m_plan.notes);
        placeInWater(m_plan.entities, m_firstNew, m_inWater, m_plan.environment, &m_plan.notes);
        chooseSubject();
        return m_plan;
    }

private:
    void storyCamera()
    {
        const auto pick = [this](const QString &value, const QStringList &allowed, QString *out, const char *what) {
            if (value.isEmpty())
                return;
            if (allowed.contains(value))
                *out = value;
            else
                m_plan.notes << QStringLiteral("storyboard %1 '%2' is unknown; using '%3'").arg(QLatin1String(what), value, *out);
        };
        pick(m_shot.camera, kMoves, &m_plan.camera.move, "camera");
        pick(m_shot.framing, kFramings, &m_plan.camera.framing, "framing");
        pick(m_shot.style, kStyles, &m_plan.style, "style");
    }

    void dress(int entity, const QString &colour)
    {
        PlanEntity &e = m_plan.entities[entity];
        e.colorName = colour;
        colourRgb(colour, &e.color);
    }

    void unknown(const QString &word)
    {
        if (!m_plan.unknownWords.contains(word))
            m_plan.unknownWords << word;
    }

    // Clause boundaries: sentence ends, "then"/"after that", "while"/"as", and commas or "and"
    // once the clause has a verb (before that they join a list: "a dog, a cat and a bird").
    QList<ClauseRange> splitClauses()
    {
        QList<ClauseRange> out;
        ClauseRange cur;
        Link pending = Link::First;
        bool hasVerb = false, simNext = false, hasWords = false, relativeNext = false;
        const auto close = [&](int at, Link next) {
            if (hasWords) {
                cur.end = at;
                cur.link = pending;
                out << cur;
                pending = simNext ? Link::Simultaneous : next;
                simNext = false;
                cur.relative = relativeNext;
                relativeNext = false;
            } else if (!out.isEmpty()) {
                pending = (pending == Link::Simultaneous || next == Link::Simultaneous) ? Link::Simultaneous : next;
            }
            cur.begin = at + 1;
            hasVerb = hasWords = false;
        };
        for (int i = 0; i < m_items.size(); ++i) {
            const Item &it = m_items.at(i);
            if (it.punct == QLatin1Char('.')) {
                close(i, Link::Sequence);
            } else if (it.punct == QLatin1Char(',') || it.is(Meaning::And)) {
                if (hasVerb)
                    close(i, Link::Loose);
            } else if (it.is(Meaning::Sequence)) {
                close(i, Link::Sequence);
            } else if (it.is(Meaning::Relative)) {
                // "a woman waves to a boy who kicks a ball": the boy kicks, while she waves.
                if (hasVerb) {
                    relativeNext = true;
                    close(i, Link::Simultaneous);
                }
            } else if (it.is(Meaning::Simultaneous)) {
                if (!hasWords) { // "As the ball rolls, ..." joins the clause after this one
                    cur.begin = i + 1;
                    simNext = true;
                } else {
                    close(i, Link::Simultaneous);
                }
            } else {
                hasWords = true;
                hasVerb = hasVerb || it.is(Meaning::Verb) || it.is(Meaning::Miss) || it.is(Meaning::Score);
            }
        }
        close(int(m_items.size()), Link::Sequence);
        return out;
    }

    QString dialogueSpeaker(const QString &name) const
    {
        for (const PlanDialogue &d : m_shot.dialogue)
            if (d.speaker.compare(name, Qt::CaseInsensitive) == 0)
                return d.speaker;
        return {};
    }

    void interpret(const ClauseRange &range)
    {
        Clause c;
        if (range.end <= range.begin)
            return;
        const int from = m_items.at(range.begin).start;
        c.words = m_shot.prompt.mid(from, m_items.at(range.end - 1).end - from).trimmed();
        parse(range, c);
        if (range.relative && c.subjects.isEmpty() && !m_lastNamed.isEmpty()) {
            c.mentions.prepend(Mention{m_lastNamed});
            const auto shift = [](QList<int> &list) { for (int &m : list) ++m; };
            shift(c.objects);
            shift(c.targets);
            for (PendingRelation &r : c.relations) {
                r.anchor += r.anchor >= 0;
                r.reference += r.reference >= 0;
            }
            c.subjects.prepend(0);
        }
        if (!c.mentions.isEmpty())
            m_lastNamed = c.mentions.last().entities;
        resolveRelations(c);
        act(c, range.link);
        if (c.intoWater)
            for (const int e : entitiesOf(c, c.subjects + c.objects))
                if (!isAgent(m_plan.entities.at(e)) && !m_inWater.contains(e))
                    m_inWater << e;
    }

    // Noun-phrase state: determiners and adjectives wait for their noun.
    struct Phrase
    {
        bool determiner = false;
        bool definite = false;
        int count = 0;
        NounModifiers mods;
        int start = -1;
        QList<int> adjectives; // item indices, reported unknown if no noun follows
    };

    void parse(const ClauseRange &range, Clause &c)
    {
        Phrase np;
        bool afterVerb = false;
        enum class Prep { None, Target, Path, Relation } prep = Prep::None;
        int lastMention = -1;
        const auto place = [&](const QList<int> &entities, bool possessive, int start = -1) {
            if (possessive) { // "Maya's ball": Maya owns, the ball is the phrase
                np.definite = np.determiner = true;
                np.start = start;
                return;
            }
            c.mentions << Mention{entities};
            const int m = int(c.mentions.size()) - 1;
            if (prep == Prep::Target)
                c.targets << m;
            else if (prep == Prep::Path) // "runs after it": the path's noun is the first target
                c.targets.prepend(c.motion.mention = m);
            else if (prep == Prep::Relation)
                c.relations.last().reference = m;
            else
                (afterVerb ? c.objects : c.subjects) << m;
            for (PendingRelation &r : c.relations)
                if (r.anchor < 0 && r.reference >= 0 && r.reference != m)
                    r.anchor = m;
            if (entities.size() > 1)
                m_lastGroup = entities;
            lastMention = m;
            prep = Prep::None;
            np = Phrase{};
        };
        const auto startPhrase = [&](const Item &it) {
            if (np.start < 0)
                np.start = it.start;
        };
        for (int i = range.begin; i < range.end; ++i) {
            const Item &it = m_items.at(i);
            if (!it.known) {
                // "a red dress": the adjectives describe the unknown noun, not the next known one.
                for (const int a : np.adjectives)
                    unknown(m_items.at(a).lower);
                if (!np.adjectives.isEmpty())
                    np = Phrase{};
                unknown(it.lower);
                continue;
            }
            if (!it.punct.isNull())
                continue;
            const QString &v = it.meaning.value;
            switch (it.meaning.kind) {
            case Meaning::Article:
                startPhrase(it);
                np.determiner = true;
                np.definite = v == QLatin1String("def");
                break;
            case Meaning::Possessive:
                startPhrase(it);
                np.determiner = np.definite = true;
                break;
            case Meaning::Count:
                startPhrase(it);
                np.count = int(it.meaning.number);
                np.definite = np.definite || it.lower == QLatin1String("both");
                if (np.count > kMaxCount) {
                    m_plan.notes << QStringLiteral("'%1': at most %2 of one thing; using %2").arg(it.text).arg(kMaxCount);
                    np.count = kMaxCount;
                }
                break;
            case Meaning::Colour:
                startPhrase(it);
                np.mods.colour = v;
                np.adjectives << i;
                break;
            case Meaning::Material:
                startPhrase(it);
                np.mods.material = v;
                np.adjectives << i;
                break;
            case Meaning::Scale:
                startPhrase(it);
                np.mods.scale = it.meaning.number;
                np.adjectives << i;
                break;
            case Meaning::Modifier:
                startPhrase(it);
                break;
            case Meaning::Noun: {
                startPhrase(it);
                if (i + 1 < range.end && m_items.at(i + 1).is(Meaning::Noun))
                    break; // "basketball player", "kitchen table": the first noun only qualifies
                const bool plural = it.meaning.plural;
                const bool definite = np.definite || (!np.determiner && np.count == 0 && !plural);
                const QString label = m_shot.prompt.mid(np.start, it.end - np.start);
                np.adjectives.clear();
                place(m_builder.resolveNoun(int(it.meaning.number), definite, np.count, plural, np.mods, label), false);
                break;
            }
            case Meaning::Name: {
                QString name = it.meaning.value;
                bool possessive = it.possessive;
                while (i + 1 < range.end && m_items.at(i + 1).is(Meaning::Name) && !it.possessive) {
                    ++i; // "Maya Lee"
                    name += QLatin1Char(' ') + m_items.at(i).meaning.value;
                    possessive = m_items.at(i).possessive;
                }
                place({m_builder.resolveName(name, dialogueSpeaker(name))}, possessive, it.start);
                break;
            }
            case Meaning::Cameo:
                place({m_builder.resolveCameo(it.meaning.value)}, it.possessive, it.start);
                break;
            case Meaning::Pronoun: {
                // "the dog runs after it": after the verb, "it" is not the one doing it.
                const bool reflexive = it.lower.endsWith(QStringLiteral("self")) || it.lower.endsWith(QStringLiteral("selves"));
                const QList<int> exclude = afterVerb && !reflexive ? entitiesOf(c, c.subjects) : QList<int>{};
                const QList<int> found = m_builder.resolvePronoun(v, m_lastGroup, exclude);
                if (found.isEmpty())
                    m_plan.notes << QStringLiteral("'%1' refers to nothing before it").arg(it.text);
                else
                    place(found, false);
                break;
            }
            case Meaning::Verb:
                c.verbs << v;
                if (it.meaning.number > 0) // "speeds": drives quickly
                    addAdverb(c.motion, it.text, it.meaning.number);
                afterVerb = true;
                prep = Prep::None;
                break;
            case Meaning::Miss:
            case Meaning::Score:
                c.outcome = it.meaning.kind == Meaning::Miss ? -1 : 1;
                afterVerb = true;
                prep = Prep::None;
                break;
            case Meaning::Environment:
                m_environment = v;
                prep = Prep::None;
                break;
            case Meaning::Time: // "at dawn": the "at" was the time's, not a target's
                m_plan.timeOfDay = v;
                prep = Prep::None;
                break;
            case Meaning::Weather:
                m_plan.weather = v;
                prep = Prep::None;
                break;
            case Meaning::Move:
                m_plan.camera.move = v;
                np = Phrase{}; // "a close-up of a girl": the article belonged to the shot
                break;
            case Meaning::Framing:
                m_plan.camera.framing = v;
                np = Phrase{};
                break;
            case Meaning::Style:
                m_plan.style = v;
                np = Phrase{};
                break;
            case Meaning::StyleFiller: {
                const bool beside = (i > range.begin && m_items.at(i - 1).is(Meaning::Style))
                    || (i + 1 < range.end && m_items.at(i + 1).is(Meaning::Style));
                if (!beside)
                    unknown(it.lower);
                break;
            }
            case Meaning::Camera:
                if (!afterVerb)
                    c.camera = true;
                else if (prep == Prep::Path) // "drives toward the camera": a direction, not a target
                    c.motion.cameraWard = c.motion.path == QLatin1String("toward") ? 1
                        : c.motion.path == QLatin1String("away")                   ? -1
                                                                                   : 0;
                prep = Prep::None;
                break;
            case Meaning::Relation:
                prep = Prep::Relation;
                c.relations << PendingRelation{lastMention, -1, v, afterVerb};
                break;
            case Meaning::TargetPrep:
                prep = Prep::Target;
                break;
            case Meaning::Path:
                if (v == QLatin1String("follow") && !afterVerb) { // "After the game, ...": not a chase
                    unknown(it.lower);
                    break;
                }
                c.motion.path = v;
                c.motion.pathWord = it.text;
                prep = Prep::Path;
                break;
            case Meaning::Adverb:
                addAdverb(c.motion, it.text, it.meaning.number);
                break;
            case Meaning::Clothing:
                // "a girl in a red shirt": the garment's colour dresses the person named before it.
                if (!np.mods.colour.isEmpty() && lastMention >= 0)
                    for (const int e : c.mentions.at(lastMention).entities)
                        if (isPerson(m_plan.entities.at(e)))
                            dress(e, np.mods.colour);
                np = Phrase{};
                break;
            case Meaning::Scenery:
                if (it.lower == QLatin1String("water") && i > range.begin) {
                    const int before = m_items.at(i - 1).is(Meaning::Article) && i - 1 > range.begin ? i - 2 : i - 1;
                    const QString &w = m_items.at(before).lower;
                    c.intoWater = c.intoWater || w == QLatin1String("into") || w == QLatin1String("in")
                        || w == QLatin1String("under");
                }
                prep = Prep::None;
                break;
            default:
                break;
            }
        }
        for (const int a : np.adjectives) // "a red" with no noun: the colour applied to nothing
            unknown(m_items.at(a).lower);
    }

    // Relations after a motion verb are where the action goes ("rolls under the table");
    // the others are where things are ("a cup on the table", "sits on the bench").
    void resolveRelations(Clause &c)
    {
        bool motion = false;
        for (const QString &v : c.verbs)
            motion = motion || kMotion.contains(v);
        bool placedSubject = false;
        for (const PendingRelation &r : c.relations) {
            if (r.reference < 0 || c.mentions.at(r.reference).entities.isEmpty())
                continue;
            const QList<int> &refs = c.mentions.at(r.reference).entities;
            const bool from = r.kind == QLatin1String("from");
            // With a path ("runs along the beach next to a ball") the relation says where things are.
            const bool path = !c.motion.path.isEmpty();
            if (motion && r.afterVerb && r.kind != QLatin1String("with") && !from && !path) {
                c.targets.prepend(r.reference);
                continue;
            }
            if (r.anchor < 0 && (placedSubject || !r.afterVerb || c.subjects.isEmpty()))
                continue;
            // "falls from the table": it starts on top of furniture or a prop, beside anything else.
            const PlanEntity &ref = m_plan.entities.at(refs.first());
            const QString kind = !from ? r.kind
                : (ref.category == QLatin1String("furniture") || ref.category == QLatin1String("prop")) ? QStringLiteral("on")
                                                                                                        : QStringLiteral("beside");
            // "A man and a woman sit on a bench": the first relation after the verb places the
            // whole subject; a later one ("... next to two cups") continues from the last thing named.
            const bool wholeSubject = r.afterVerb && !placedSubject && r.kind != QLatin1String("with")
                && !c.subjects.isEmpty() && (!path || r.anchor < 0);
            placedSubject = placedSubject || wholeSubject;
            const QList<int> anchors = wholeSubject ? entitiesOf(c, c.subjects) : c.mentions.at(r.anchor).entities;
            for (const int a : anchors)
                if (a != refs.first())
                    m_relations << SpatialRelation{a, kind, refs.first()};
            if (r.afterVerb && c.verbs.contains(QStringLiteral("sit")))
                c.targets << r.reference;
        }
    }

    QList<int> entitiesOf(const Clause &c, const QList<int> &mentions) const
    {
        QList<int> out;
        for (const int m : mentions)
            for (const int e : c.mentions.at(m).entities)
                if (!out.contains(e))
                    out << e;
        return out;
    }

    int someone(const QString &verb)
    {
        const int p = m_builder.mostRecent(isPerson);
        if (p >= 0)
            return p;
        m_plan.notes << QStringLiteral("no one was named to %1; added a person").arg(verb);
        return m_builder.create(QStringLiteral("person"), QString());
    }

    void act(Clause &c, Link link)
    {
        if (c.camera) {
            for (const QString &v : c.verbs)
                if (v == QLatin1String("follow")) {
                    m_plan.camera.move = QStringLiteral("tracking");
                    const QList<int> objects = entitiesOf(c, c.objects + c.targets);
                    if (!objects.isEmpty())
                        m_cameraSubject = m_plan.entities.at(objects.first()).id;
                }
            return;
        }
        QList<int> actors = entitiesOf(c, c.subjects);
        m_turnedToCamera = false;
        if (actors.isEmpty() && (!c.verbs.isEmpty() || c.outcome != 0)) {
            // "is thrown at the hoop and bounces": what moves on its own is the thing just thrown.
            const bool thingVerb = !c.verbs.isEmpty() && kThingVerbs.contains(c.verbs.first());
            const QString lastObject = m_plan.actions.isEmpty() ? QString() : m_plan.actions.last().object;
            actors = thingVerb && !lastObject.isEmpty() ? QList<int>{m_plan.indexOf(lastObject)} : m_lastActors;
        }
        const int before = int(m_plan.actions.size());
        for (const QString &verb : c.verbs)
            addActions(verb, actors, entitiesOf(c, c.objects), entitiesOf(c, c.targets), c);
        if (c.outcome != 0 && !applyOutcome(c, actors)) { // "she missed the shot": the shot itself
            addActions(QStringLiteral("shoot"), actors, entitiesOf(c, c.objects), entitiesOf(c, c.targets), c);
            for (int k = before; k < m_plan.actions.size(); ++k)
                m_plan.actions[k].succeeds = c.outcome > 0;
        }
        const int added = int(m_plan.actions.size()) - before;
        bool pathUsed = m_turnedToCamera;
        for (int k = before; k < m_plan.actions.size(); ++k)
            pathUsed = pathUsed || !m_plan.actions.at(k).path.isEmpty();
        noteUnusedMotion(c.motion, added, pathUsed, &m_plan.notes);
        if (added == 0)
            return;
        addPathStarts(m_plan, before, m_firstNew, &m_relations);
        // "The ball rolls and the girl runs after it": she chases it while it rolls.
        if (link == Link::Loose && chasesLastBeat(m_plan, before, m_beats))
            link = Link::Simultaneous;
        const int beat = m_beats.isEmpty() ? 0 : (link == Link::Simultaneous ? m_beats.last() : m_beats.last() + 1);
        for (int k = 0; k < added; ++k)
            m_beats << beat;
        m_lastActors.clear();
        for (int k = before; k < m_plan.actions.size(); ++k) {
            const int idx = m_plan.indexOf(m_plan.actions.at(k).actor);
            if (!m_lastActors.contains(idx))
                m_lastActors << idx;
        }
    }

    // "misses"/"scores": the outcome of the last throw, shot or kick; false when there is none.
    bool applyOutcome(const Clause &c, const QList<int> &actors)
    {
        for (int k = int(m_plan.actions.size()) - 1; k >= 0; --k) {
            PlanAction &a = m_plan.actions[k];
            if (a.verb != QLatin1String("shoot") && a.verb != QLatin1String("throw") && a.verb != QLatin1String("kick"))
                continue;
            if (!actors.isEmpty() && !actors.contains(m_plan.indexOf(a.actor)))
                continue;
            a.succeeds = c.outcome > 0;
            const QList<int> targets = entitiesOf(c, c.targets + c.objects);
            for (const int t : targets)
                if (a.target.isEmpty() && m_plan.entities.at(t).isStatic)
                    a.target = m_plan.entities.at(t).id;
            return true;
        }
        return false;
    }

    void addActions(const QString &verbIn, QList<int> actors, QList<int> objects, QList<int> targets, const Clause &c)
    {
        const QString &words = c.words;
        const QString verb = planVerb(verbIn);
        if (chases(verbIn) && !objects.isEmpty()) { // "chases a cat (around the table)": the cat is followed
            targets = {objects.first()};
            objects.clear();
        }
        if (verbIn == QLatin1String("drive"))
            chooseDriven(actors, objects, words);
        const bool propels = verb == QLatin1String("throw") || verb == QLatin1String("shoot") || verb == QLatin1String("kick");
        // "the ball is thrown": a thing cannot throw, so it is what is thrown.
        if ((propels || verb == QLatin1String("push")) && !actors.isEmpty()) {
            bool anyAgent = false;
            for (const int a : actors)
                anyAgent = anyAgent || isAgent(m_plan.entities.at(a));
            if (!anyAgent) {
                objects = actors + objects;
                actors.clear();
            }
        }
        if (actors.isEmpty()) {
            if (kNeedsPerson.contains(verbIn)) {
                actors << someone(verb);
            } else if (!objects.isEmpty()) {
                actors << objects.takeFirst();
            } else {
                const int thing = m_builder.mostRecent([](const PlanEntity &e) { return !e.isStatic && !isAgent(e); });
                if (thing < 0) {
                    m_plan.notes << QStringLiteral("'%1': nothing to %2").arg(words, verb);
                    return;
                }
                actors << thing;
            }
        }
        int object = -1, target = targets.isEmpty() ? -1 : targets.first();
        if (propels) {
            for (const int o : objects) {
                const PlanEntity &e = m_plan.entities.at(o);
                if (isAgent(e) || e.isStatic) {
                    if (target < 0)
                        target = o; // "throws her the ball", "shoots a basket"
                } else if (object < 0) {
                    object = o;
                }
            }
            if (object < 0)
                object = ballFor(verb, actors.first());
            if (verb == QLatin1String("shoot") && target < 0)
                target = hoop();
        } else if (!objects.isEmpty()) {
            object = objects.first();
            if (verb == QLatin1String("talk") && isAgent(m_plan.entities.at(object)) && target < 0) {
                target = object; // "tells Leo": Leo is who is spoken to
                object = -1;
            }
        }
        if (verb == QLatin1String("collide") && object < 0 && actors.size() > 1) {
            object = actors.at(1); // "two cars collide": one collision between the first two
            actors = {actors.at(0)};
        }
        const auto id = [this](int i) { return i >= 0 ? m_plan.entities.at(i).id : QString(); };
        const auto other = [&](int a, int i) { return i == a ? QString() : id(i); }; // never acts on itself
        if (verb == QLatin1String("push") || verb == QLatin1String("collide"))
            for (const int i : {object, target})
                if (i >= 0 && m_plan.entities.at(i).category == QLatin1String("furniture"))
                    m_plan.entities[i].isStatic = false;
        for (const int a : actors) {
            // "a ball sits on the floor" describes where it is; only figures sit or stand idle.
            if ((verb == QLatin1String("sit") || verb == QLatin1String("idle")) && !isAgent(m_plan.entities.at(a)))
                continue;
            PlanAction action;
            action.verb = verb;
            action.actor = id(a);
            action.object = other(a, object);
            action.target = other(a, target);
            action.words = words;
            action.path = pathFor(verbIn, c.motion, !action.target.isEmpty());
            action.intensity = c.motion.intensity;
            m_plan.actions << action;
            double heading = 0;
            if (a >= m_firstNew && cameraHeading(c.motion, m_plan.entities.at(a), !action.target.isEmpty(), &heading)) {
                m_plan.entities[a].headingDeg = heading;
                m_turnedToCamera = true;
            }
        }
    }

    // Who drives: "a man drives a car" moves the car (a driver is not drawn inside it); "... and
    // drives away" moves the vehicle named last; with no vehicle at all a car is added.
    void chooseDriven(QList<int> &actors, QList<int> &objects, const QString &words)
    {
        bool driving = !actors.isEmpty();
        for (const int a : actors)
            driving = driving && isVehicle(m_plan.entities.at(a));
        if (driving)
            return;
        int vehicle = -1;
        for (int k = 0; k < objects.size() && vehicle < 0; ++k)
            if (isVehicle(m_plan.entities.at(objects.at(k))))
                vehicle = objects.takeAt(k);
        if (vehicle < 0)
            vehicle = m_builder.mostRecent(isVehicle);
        if (vehicle < 0) {
            m_plan.notes << QStringLiteral("'%1': nothing was named to drive; added a car").arg(words);
            vehicle = m_builder.create(QStringLiteral("car"), QString());
        }
        if (!actors.isEmpty())
            m_plan.notes << QStringLiteral("'%1': the %2 drives; its driver is not shown inside it")
                                .arg(words, m_plan.entities.at(vehicle).noun);
        actors = {vehicle};
    }

    int ballFor(const QString &verb, int actor)
    {
        const int ball = m_builder.mostRecent([](const PlanEntity &e) { return e.category == QLatin1String("ball"); });
        if (ball >= 0)
            return ball;
        const QString noun = verb == QLatin1String("shoot") ? QStringLiteral("basketball")
            : verb == QLatin1String("kick")                 ? QStringLiteral("football")
                                                            : QStringLiteral("ball");
        m_plan.notes << QStringLiteral("nothing was named to %1; added a %2").arg(verb, noun);
        const int i = m_builder.create(noun, QString());
        m_relations << SpatialRelation{i, QStringLiteral("with"), actor};
        return i;
    }

    int hoop()
    {
        const int h = m_builder.mostRecent([](const PlanEntity &e) { return e.shape == QLatin1String("hoop") || e.noun == QLatin1String("goal"); });
        if (h >= 0)
            return h;
        m_plan.notes << QStringLiteral("a shot needs a basket; added a hoop");
        return m_builder.create(QStringLiteral("hoop"), QString());
    }

    // Beats share the shot evenly: n beats of duration/n seconds each, in order.
    void finishTiming()
    {
        if (m_beats.isEmpty())
            return;
        const int n = m_beats.last() + 1;
        const double slot = m_plan.durationSeconds / n;
        for (int k = 0; k < m_plan.actions.size(); ++k) {
            m_plan.actions[k].startSeconds = m_beats.at(k) * slot;
            m_plan.actions[k].durationSeconds = slot;
        }
    }

    void attachDialogue()
    {
        for (PlanDialogue d : m_shot.dialogue) {
            d.entity = m_plan.entities.at(m_builder.speakerFigure(d.speaker)).id;
            m_plan.dialogue << d;
        }
    }

    // Named environment wins; a continuing shot keeps its place; otherwise the things in the
    // scene suggest one, and the note says why.
    void chooseEnvironment()
    {
        if (!m_environment.isEmpty()) {
            m_plan.environment = m_environment;
            return;
        }
        if (m_environmentCarried)
            return;
        QString noun;
        const QString env = environmentForThings(m_plan.entities, &noun);
        if (!env.isEmpty()) {
            m_plan.environment = env;
            m_plan.notes << QStringLiteral("no place was named; chose %1 because of the %2").arg(env, noun);
        }
    }

    void chooseSubject()
    {
        if (!m_cameraSubject.isEmpty()) {
            m_plan.camera.subject = m_cameraSubject;
            return;
        }
        for (const PlanAction &a : m_plan.actions)
            if (isPerson(m_plan.entities.at(m_plan.indexOf(a.actor)))) {
                m_plan.camera.subject = a.actor;
                return;
            }
        if (!m_plan.actions.isEmpty()) {
            m_plan.camera.subject = m_plan.actions.first().actor;
            return;
        }
        for (int i = m_firstNew; i < m_plan.entities.size(); ++i)
            if (isPerson(m_plan.entities.at(i))) {
                m_plan.camera.subject = m_plan.entities.at(i).id;
                return;
            }
    }

    const ShotInput &m_shot;
    ScenePlan m_plan;
    SceneBuilder m_builder;
    int m_firstNew = 0;
    QList<Item> m_items;
    QList<SpatialRelation> m_relations;
    QList<int> m_lastActors;
    QList<int> m_lastGroup;
    QList<int> m_lastNamed; ///< entities of the last clause's last mention (subject of "who ...")
    QList<int> m_inWater;   ///< entities put into the water by the prompt
    bool m_environmentCarried = false;
    bool m_turnedToCamera = false; ///< this clause turned a vehicle toward or away from the camera
    QList<int> m_beats; ///< beat index of each action
    QString m_environment;
    QString m_cameraSubject;
};

} // namespace

void applyShotInput(ScenePlan &plan, const ShotInput &shot)
{
    plan.shotId = shot.shotId;
    plan.prompt = shot.prompt;
    plan.durationSeconds = shot.durationSeconds;
    plan.fps = shot.fps;
    plan.width = shot.width;
    plan.height = shot.height;
    plan.seed = shot.seed;
    plan.newScene = shot.newScene;
}

ScenePlan PromptCompiler::compile(const ShotInput &shot, const QList<PlanEntity> &previousEntities,
                                  const QString &previousEnvironment) const
{
    return Compiler(shot, previousEntities, previousEnvironment).run();
}

} // namespace kinora::engine
