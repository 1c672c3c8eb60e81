// ScenePlan JSON: the user-visible, editable form of how Kinora understood a shot. Writing emits
// every field; reading is strict (unknown fields, wrong types, out-of-range values are errors).
#include "engine/sceneplan.h"

#include "core/jsonlocator.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>
#include <functional>

namespace kinora::engine {

int ScenePlan::indexOf(const QString &entityId) const
{
    for (int i = 0; i < entities.size(); ++i)
        if (entities.at(i).id == entityId)
            return i;
    return -1;
}

namespace {

using core::Error;
using core::Result;
constexpr auto typeName = core::jsonTypeName;
constexpr auto at = core::jsonChild;
constexpr auto indexed = core::jsonIndexed;

// Canonical names; the readers refuse anything else so a typo never reaches the World.
const QStringList kEnvironments{"gym", "basketball-court", "beach", "street", "forest", "room",
                                "office", "kitchen", "park", "stage", "space", "underwater"};
const QStringList kTimes{"dawn", "day", "dusk", "night"};
const QStringList kWeathers{"clear", "overcast", "fog", "rain", "snow"};
const QStringList kStyles{"cinematic", "anime", "documentary", "noir", "claymation", "sketch", "vintage-film"};
const QStringList kMoves{"static", "pan-left", "pan-right", "tilt-up", "tilt-down", "dolly-in",
                         "dolly-out", "orbit", "crane", "handheld", "tracking"};
const QStringList kFramings{"wide", "medium", "close-up"};
const QStringList kCategories{"person", "animal", "ball", "vehicle", "furniture", "prop", "structure"};
const QStringList kShapes{"figure", "quadruped", "bird", "fish", "sphere", "box", "cylinder",
                          "capsule", "hoop", "car", "table", "chair"};
const QStringList kMaterials{"rubber", "leather", "wood", "metal", "glass", "fabric", "plastic",
                             "stone", "flesh", "fur", "paper", "ceramic"};
const QStringList kVerbs{"walk", "run", "jump", "throw", "shoot", "kick", "roll", "fall", "drop", "bounce",
                         "collide", "push", "float", "sink", "talk", "wave", "dance", "sit", "idle"};

// "" keeps the old meaning (go to the target), so plans written before paths existed still load.
const QStringList kPaths{"", "past", "follow", "toward", "away", "around", "across", "along"};

QJsonArray vecJson(const Vec3 &v)
{
    return QJsonArray{v.x, v.y, v.z};
}

QJsonArray stringsJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject entityJson(const PlanEntity &e)
{
    return QJsonObject{{"id", e.id}, {"noun", e.noun}, {"label", e.label}, {"category", e.category},
                       {"shape", e.shape}, {"material", e.material}, {"colorName", e.colorName},
                       {"color", vecJson(e.color)}, {"size", vecJson(e.size)}, {"massKg", e.massKg},
                       {"restitution", e.restitution}, {"friction", e.friction},
                       {"densityKgM3", e.densityKgM3}, {"position", vecJson(e.position)},
                       {"headingDeg", e.headingDeg}, {"velocity", vecJson(e.velocity)},
                       {"isStatic", e.isStatic}, {"speaker", e.speaker}, {"cameo", e.cameo},
                       {"lookSeed", double(e.lookSeed)}};
}

QJsonObject actionJson(const PlanAction &a)
{
    return QJsonObject{{"verb", a.verb}, {"actor", a.actor}, {"object", a.object}, {"target", a.target},
                       {"startSeconds", a.startSeconds}, {"durationSeconds", a.durationSeconds},
                       {"succeeds", a.succeeds}, {"words", a.words}, {"path", a.path},
                       {"intensity", a.intensity}};
}

QJsonObject dialogueJson(const PlanDialogue &d)
{
    return QJsonObject{{"speaker", d.speaker}, {"entity", d.entity}, {"language", d.language},
                       {"text", d.text}, {"startSeconds", d.startSeconds}};
}

// Reads one object at a time; every read* returns false once the first error is recorded.
// Absent fields keep their defaults so a hand-written plan can stay short.
class Reader
{
public:
    const Error &error() const { return m_error; }

    bool fail(const QString &path, const QString &message)
    {
        m_error = Error{message, path};
        return false;
    }

    bool keys(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                return fail(at(path, it.key()), QStringLiteral("unknown field; allowed fields are %1")
                                                    .arg(allowed.join(QStringLiteral(", "))));
        return true;
    }

    bool string(const QJsonObject &o, const QString &path, const char *key, QString *out,
                const QStringList &allowed = {})
    {
        const QString k = QLatin1String(key);
        if (!o.contains(k))
            return true;
        const QJsonValue v = o.value(k);
        if (!v.isString())
            return fail(at(path, k), QStringLiteral("must be a string, not %1").arg(typeName(v)));
        if (!allowed.isEmpty() && !allowed.contains(v.toString()))
            return fail(at(path, k), QStringLiteral("unknown value \"%1\"; allowed values are %2")
                                         .arg(v.toString(), allowed.join(QStringLiteral(", "))));
        *out = v.toString();
        return true;
    }

    // min/max bound the value; strictMin makes the lower bound exclusive ("greater than 0").
    bool value(const QJsonValue &v, const QString &path, double *out, double min, double max, bool strictMin)
    {
        if (!v.isDouble())
            return fail(path, QStringLiteral("must be a number, not %1").arg(typeName(v)));
        const double d = v.toDouble();
        if (!std::isfinite(d))
            return fail(path, QStringLiteral("must be a finite number"));
        if (strictMin && d <= min)
            return fail(path, QStringLiteral("must be greater than %1").arg(min));
        if (!strictMin && d < min)
            return fail(path, QStringLiteral("must be at least %1").arg(min));
        if (d > max)
            return fail(path, QStringLiteral("must be at most %1").arg(max));
        *out = d;
        return true;
    }

    bool number(const QJsonObject &o, const QString &path, const char *key, double *out, double min,
                double max, bool strictMin = false)
    {
        const QString k = QLatin1String(key);
        return !o.contains(k) || value(o.value(k), at(path, k), out, min, max, strictMin);
    }

    bool integer(const QJsonObject &o, const QString &path, const char *key, double *out, double min, double max)
    {
        double d = *out;
        if (!number(o, path, key, &d, min, max))
            return false;
        if (d != std::floor(d))
            return fail(at(path, QLatin1String(key)), QStringLiteral("must be a whole number"));
        *out = d;
        return true;
    }

    bool boolean(const QJsonObject &o, const QString &path, const char *key, bool *out)
    {
        const QString k = QLatin1String(key);
        if (!o.contains(k))
            return true;
        const QJsonValue v = o.value(k);
        if (!v.isBool())
            return fail(at(path, k), QStringLiteral("must be true or false, not %1").arg(typeName(v)));
        *out = v.toBool();
        return true;
    }

    // Vectors are [x, y, z]; an error names the element ("entities[0].size[1]").
    bool vec(const QJsonObject &o, const QString &path, const char *key, Vec3 *out, double min, double max,
             bool strictMin = false)
    {
        const QString k = QLatin1String(key);
        if (!o.contains(k))
            return true;
        const QJsonValue v = o.value(k);
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 3)
            return fail(at(path, k), QStringLiteral("must be an array of three numbers [x, y, z]"));
        const QString p = at(path, k);
        return value(a.at(0), indexed(p, 0), &out->x, min, max, strictMin)
            && value(a.at(1), indexed(p, 1), &out->y, min, max, strictMin)
            && value(a.at(2), indexed(p, 2), &out->z, min, max, strictMin);
    }

    bool strings(const QJsonObject &o, const QString &path, const char *key, QStringList *out)
    {
        const QString k = QLatin1String(key);
        if (!o.contains(k))
            return true;
        if (!o.value(k).isArray())
            return fail(at(path, k), QStringLiteral("must be an array of strings"));
        const QJsonArray a = o.value(k).toArray();
        out->clear();
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString())
                return fail(indexed(at(path, k), i), QStringLiteral("must be a string, not %1").arg(typeName(a.at(i))));
            *out << a.at(i).toString();
        }
        return true;
    }

    // Calls @p each with (object, path) for every element of the array field @p key.
    bool objects(const QJsonObject &o, const char *key, const std::function<bool(const QJsonObject &, const QString &)> &each)
    {
        const QString k = QLatin1String(key);
        if (!o.contains(k))
            return true;
        if (!o.value(k).isArray())
            return fail(k, QStringLiteral("must be an array, not %1").arg(typeName(o.value(k))));
        const QJsonArray a = o.value(k).toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isObject())
                return fail(indexed(k, i), QStringLiteral("must be an object, not %1").arg(typeName(a.at(i))));
            if (!each(a.at(i).toObject(), indexed(k, i)))
                return false;
        }
        return true;
    }

private:
    Error m_error;
};

bool readEntity(Reader &r, const QJsonObject &o, const QString &path, PlanEntity *e)
{
    static const QStringList keys{"id", "noun", "label", "category", "shape", "material", "colorName",
                                  "color", "size", "massKg", "restitution", "friction", "densityKgM3",
                                  "position", "headingDeg", "velocity", "isStatic", "speaker", "cameo",
                                  "lookSeed"};
    double lookSeed = e->lookSeed;
    const bool ok = r.keys(o, path, keys) && r.string(o, path, "id", &e->id) && r.string(o, path, "noun", &e->noun)
        && r.string(o, path, "label", &e->label) && r.string(o, path, "category", &e->category, kCategories)
        && r.string(o, path, "shape", &e->shape, kShapes) && r.string(o, path, "material", &e->material, kMaterials)
        && r.string(o, path, "colorName", &e->colorName) && r.vec(o, path, "color", &e->color, 0, 1)
        && r.vec(o, path, "size", &e->size, 0, 1000, true) && r.number(o, path, "massKg", &e->massKg, 0, 1e7, true)
        && r.number(o, path, "restitution", &e->restitution, 0, 1)
        && r.number(o, path, "friction", &e->friction, 0, 10)
        && r.number(o, path, "densityKgM3", &e->densityKgM3, 0, 25000, true)
        && r.vec(o, path, "position", &e->position, -1e4, 1e4)
        && r.number(o, path, "headingDeg", &e->headingDeg, -360, 360)
        && r.vec(o, path, "velocity", &e->velocity, -1e3, 1e3) && r.boolean(o, path, "isStatic", &e->isStatic)
        && r.string(o, path, "speaker", &e->speaker) && r.string(o, path, "cameo", &e->cameo)
        && r.integer(o, path, "lookSeed", &lookSeed, 0, 4294967295.0);
    if (!ok)
        return false;
    if (e->id.trimmed().isEmpty())
        return r.fail(at(path, "id"), QStringLiteral("must not be empty; every entity needs an id such as \"ball-1\""));
    e->lookSeed = std::uint32_t(lookSeed);
    return true;
}

bool readAction(Reader &r, const QJsonObject &o, const QString &path, PlanAction *a)
{
    static const QStringList keys{"verb", "actor", "object", "target", "startSeconds", "durationSeconds",
                                  "succeeds", "words", "path", "intensity"};
    return r.keys(o, path, keys) && r.string(o, path, "verb", &a->verb, kVerbs)
        && r.string(o, path, "actor", &a->actor) && r.string(o, path, "object", &a->object)
        && r.string(o, path, "target", &a->target) && r.number(o, path, "startSeconds", &a->startSeconds, 0, 3600)
        && r.number(o, path, "durationSeconds", &a->durationSeconds, 0, 3600)
        && r.boolean(o, path, "succeeds", &a->succeeds) && r.string(o, path, "words", &a->words)
        && r.string(o, path, "path", &a->path) && r.number(o, path, "intensity", &a->intensity, 0.1, 3)
        && (kPaths.contains(a->path)
            || r.fail(at(path, "path"), QStringLiteral("unknown value \"%1\"; allowed values are \"\" (to the target), %2")
                                            .arg(a->path, kPaths.mid(1).join(QStringLiteral(", ")))));
}

bool readDialogue(Reader &r, const QJsonObject &o, const QString &path, PlanDialogue *d)
{
    static const QStringList keys{"speaker", "entity", "language", "text", "startSeconds"};
    if (!(r.keys(o, path, keys) && r.string(o, path, "speaker", &d->speaker) && r.string(o, path, "entity", &d->entity)
          && r.string(o, path, "language", &d->language) && r.string(o, path, "text", &d->text)
          && r.number(o, path, "startSeconds", &d->startSeconds, -1, 3600)))
        return false;
    if (d->startSeconds < 0 && d->startSeconds != -1)
        return r.fail(at(path, "startSeconds"), QStringLiteral("must be -1 (after the previous line) or at least 0"));
    return true;
}

// Cross-references: ids are unique and every action/dialogue/camera id names an entity.
bool checkReferences(Reader &r, const ScenePlan &plan)
{
    QSet<QString> ids;
    for (int i = 0; i < plan.entities.size(); ++i) {
        const QString &id = plan.entities.at(i).id;
        if (ids.contains(id))
            return r.fail(at(indexed("entities", i), "id"), QStringLiteral("duplicate id \"%1\"; ids must be unique").arg(id));
        ids.insert(id);
    }
    const auto refOk = [&](const QString &id) { return id.isEmpty() || ids.contains(id); };
    QStringList ordered;
    for (const PlanEntity &e : plan.entities)
        ordered << e.id;
    const QString known = ordered.isEmpty() ? QStringLiteral("(there are no entities)")
                                            : ordered.join(QStringLiteral(", "));
    for (int i = 0; i < plan.actions.size(); ++i) {
        const PlanAction &a = plan.actions.at(i);
        const QString p = indexed("actions", i);
        if (a.actor.isEmpty())
            return r.fail(at(p, "actor"), QStringLiteral("must name the entity that acts"));
        const std::pair<const char *, QString> refs[] = {{"actor", a.actor}, {"object", a.object}, {"target", a.target}};
        for (const auto &[key, id] : refs)
            if (!refOk(id))
                return r.fail(at(p, key), QStringLiteral("\"%1\" is not an entity id; known ids: %2").arg(id, known));
        if (a.target.isEmpty() && pathNeedsTarget(a.path))
            return r.fail(at(p, "path"), QStringLiteral("\"%1\" needs a target; set target to an entity id or clear path")
                                             .arg(a.path));
        if (!a.target.isEmpty() && a.target == a.actor && !a.path.isEmpty())
            return r.fail(at(p, "target"), QStringLiteral("an entity cannot move %1 itself; choose another target").arg(a.path));
    }
    for (int i = 0; i < plan.dialogue.size(); ++i)
        if (!refOk(plan.dialogue.at(i).entity))
            return r.fail(at(indexed("dialogue", i), "entity"),
                          QStringLiteral("\"%1\" is not an entity id; known ids: %2").arg(plan.dialogue.at(i).entity, known));
    if (!refOk(plan.camera.subject))
        return r.fail(QStringLiteral("camera.subject"),
                      QStringLiteral("\"%1\" is not an entity id; known ids: %2").arg(plan.camera.subject, known));
    return true;
}

} // namespace

const QStringList &planPaths()
{
    return kPaths;
}

bool pathNeedsTarget(const QString &path)
{
    return path == QLatin1String("past") || path == QLatin1String("follow") || path == QLatin1String("toward")
        || path == QLatin1String("away") || path == QLatin1String("around");
}

QJsonObject toJson(const ScenePlan &plan)
{
    QJsonArray entities, actions, dialogue;
    for (const PlanEntity &e : plan.entities)
        entities.append(entityJson(e));
    for (const PlanAction &a : plan.actions)
        actions.append(actionJson(a));
    for (const PlanDialogue &d : plan.dialogue)
        dialogue.append(dialogueJson(d));
    const QJsonObject camera{{"move", plan.camera.move}, {"framing", plan.camera.framing}, {"subject", plan.camera.subject}};
    return QJsonObject{{"version", plan.version}, {"shotId", plan.shotId}, {"prompt", plan.prompt},
                       {"environment", plan.environment}, {"timeOfDay", plan.timeOfDay}, {"weather", plan.weather},
                       {"style", plan.style}, {"camera", camera}, {"durationSeconds", plan.durationSeconds},
                       {"fps", plan.fps}, {"width", plan.width}, {"height", plan.height}, {"seed", double(plan.seed)},
                       {"newScene", plan.newScene}, {"entities", entities}, {"actions", actions},
                       {"dialogue", dialogue}, {"unknownWords", stringsJson(plan.unknownWords)},
                       {"notes", stringsJson(plan.notes)}};
}

core::Result<ScenePlan> scenePlanFromJson(const QJsonObject &object)
{
    static const QStringList topKeys{"version", "shotId", "prompt", "environment", "timeOfDay", "weather", "style",
                                     "camera", "durationSeconds", "fps", "width", "height", "seed", "newScene",
                                     "entities", "actions", "dialogue", "unknownWords", "notes"};
    Reader r;
    ScenePlan plan;
    double version = plan.version, fps = plan.fps, width = plan.width, height = plan.height, seed = plan.seed;
    bool ok = r.keys(object, {}, topKeys) && r.integer(object, {}, "version", &version, 1, 1)
        && r.string(object, {}, "shotId", &plan.shotId) && r.string(object, {}, "prompt", &plan.prompt)
        && r.string(object, {}, "environment", &plan.environment, kEnvironments)
        && r.string(object, {}, "timeOfDay", &plan.timeOfDay, kTimes)
        && r.string(object, {}, "weather", &plan.weather, kWeathers)
        && r.string(object, {}, "style", &plan.style, kStyles)
        && r.number(object, {}, "durationSeconds", &plan.durationSeconds, 0, 600, true)
        && r.integer(object, {}, "fps", &fps, 1, 240) && r.integer(object, {}, "width", &width, 16, 8192)
        && r.integer(object, {}, "height", &height, 16, 8192)
        && r.integer(object, {}, "seed", &seed, 0, 4294967295.0) && r.boolean(object, {}, "newScene", &plan.newScene)
        && r.strings(object, {}, "unknownWords", &plan.unknownWords) && r.strings(object, {}, "notes", &plan.notes);
    if (ok && object.contains(QStringLiteral("camera"))) {
        const QJsonValue v = object.value(QStringLiteral("camera"));
        if (!v.isObject())
            ok = r.fail(QStringLiteral("camera"), QStringLiteral("must be an object, not %1").arg(typeName(v)));
        const QJsonObject c = v.toObject();
        const QString p = QStringLiteral("camera");
        ok = ok && r.keys(c, p, {"move", "framing", "subject"}) && r.string(c, p, "move", &plan.camera.move, kMoves)
            && r.string(c, p, "framing", &plan.camera.framing, kFramings) && r.string(c, p, "subject", &plan.camera.subject);
    }
    ok = ok && r.objects(object, "entities", [&](const QJsonObject &o, const QString &p) {
        PlanEntity e;
        return readEntity(r, o, p, &e) && (plan.entities.append(e), true);
    });
    ok = ok && r.objects(object, "actions", [&](const QJsonObject &o, const QString &p) {
        PlanAction a;
        return readAction(r, o, p, &a) && (plan.actions.append(a), true);
    });
    ok = ok && r.objects(object, "dialogue", [&](const QJsonObject &o, const QString &p) {
        PlanDialogue d;
        return readDialogue(r, o, p, &d) && (plan.dialogue.append(d), true);
    });
    ok = ok && checkReferences(r, plan);
    if (!ok)
        return r.error();
    plan.version = int(version);
    plan.fps = int(fps);
    plan.width = int(width);
    plan.height = int(height);
    plan.seed = std::uint32_t(seed);
    return plan;
}

} // namespace kinora::engine
