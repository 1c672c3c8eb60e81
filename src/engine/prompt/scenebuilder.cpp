// Entity creation from the lexicon and mention resolution with recency (the last-mentioned
// matching entity wins, so "she" and "the ball" mean what a reader would think).
#include "engine/prompt/scenebuilder.h"

#include <cmath>

namespace kinora::engine::prompt {
namespace {

// Solid densities, used to rescale an entity whose material the prompt changes ("a metal box").
double materialDensity(const QString &m)
{
    static const QHash<QString, double> d{{"rubber", 1100}, {"leather", 900}, {"wood", 600}, {"metal", 7800},
                                          {"glass", 2500}, {"fabric", 300}, {"plastic", 950}, {"stone", 2600},
                                          {"flesh", 1000}, {"fur", 1000}, {"paper", 700}, {"ceramic", 2400}};
    return d.value(m, 1000);
}

QString idPrefix(const NounSpec &spec)
{
    const QString category = QString::fromLatin1(spec.category);
    if (category == QLatin1String("person") || category == QLatin1String("ball"))
        return category;
    if (category == QLatin1String("animal") && spec.generic)
        return category;
    return QString::fromLatin1(spec.noun).replace(QLatin1Char(' '), QLatin1Char('-'));
}

} // namespace

std::uint32_t lookSeedFor(std::uint32_t seed, const QString &id)
{
    std::uint32_t h = 2166136261u ^ seed;
    for (const QChar c : id) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

SceneBuilder::SceneBuilder(QList<PlanEntity> *entities, std::uint32_t seed) : m_entities(entities), m_seed(seed) {}

void SceneBuilder::carry(const QList<PlanEntity> &previous)
{
    for (const PlanEntity &e : previous) {
        m_entities->append(e);
        const int spec = nounIndex(e.noun);
        m_gender << (spec >= 0 ? nounTable().at(spec).gender : char(0));
        m_recency << int(m_entities->size()) - 1;
    }
    m_carried = int(m_entities->size());
}

QString SceneBuilder::nextId(const QString &prefix) const
{
    int highest = 0;
    const QString head = prefix + QLatin1Char('-');
    for (const PlanEntity &e : *m_entities)
        if (e.id.startsWith(head)) {
            bool ok = false;
            const int n = e.id.mid(head.size()).toInt(&ok);
            if (ok)
                highest = std::max(highest, n);
        }
    return head + QString::number(highest + 1);
}

int SceneBuilder::createEntity(int specIndex, const NounModifiers &mods, const QString &label)
{
    const NounSpec &spec = nounTable().at(specIndex);
    PlanEntity e;
    e.id = nextId(idPrefix(spec));
    e.noun = QString::fromLatin1(spec.noun);
    e.label = label;
    e.category = QString::fromLatin1(spec.category);
    e.shape = QString::fromLatin1(spec.shape);
    e.material = QString::fromLatin1(spec.material);
    e.colorName = mods.colour;
    colourRgb(mods.colour.isEmpty() ? QString::fromLatin1(spec.color) : mods.colour, &e.color);
    const bool person = e.category == QLatin1String("person");
    const double s = person ? 1.0 : mods.scale;
    e.size = Vec3{spec.width * s, spec.height * s, spec.depth * s};
    e.massKg = spec.massKg * s * s * s;
    e.restitution = spec.restitution;
    e.friction = spec.friction;
    e.densityKgM3 = spec.densityKgM3;
    if (!mods.material.isEmpty() && mods.material != e.material) {
        // Keep the hollowness of the default (a box stays a box), change what it is made of.
        const double ratio = materialDensity(mods.material) / materialDensity(e.material);
        e.densityKgM3 *= ratio;
        e.massKg *= ratio;
        e.material = mods.material;
    }
    e.headingDeg = e.category == QLatin1String("vehicle") ? 90 : 0;
    e.isStatic = e.category == QLatin1String("structure") || e.category == QLatin1String("furniture");
    e.lookSeed = lookSeedFor(m_seed, e.id);
    m_entities->append(e);
    m_gender << spec.gender;
    const int index = int(m_entities->size()) - 1;
    touch(index);
    return index;
}

int SceneBuilder::create(const QString &noun, const QString &label)
{
    return createEntity(std::max(0, nounIndex(noun)), {}, label);
}

int SceneBuilder::speakerFigure(const QString &speaker)
{
    int found = -1;
    for (int i = 0; i < m_entities->size() && found < 0; ++i) {
        const PlanEntity &e = m_entities->at(i);
        if (e.category != QLatin1String("person"))
            continue;
        if (e.speaker.compare(speaker, Qt::CaseInsensitive) == 0 || e.label.compare(speaker, Qt::CaseInsensitive) == 0
            || e.cameo.compare(QLatin1Char('@') + speaker, Qt::CaseInsensitive) == 0
            || (e.speaker.isEmpty() && e.noun.compare(speaker, Qt::CaseInsensitive) == 0))
            found = i;
    }
    if (found < 0) // "MAYA" speaks: a person called Maya
        found = create(QStringLiteral("person"), speaker.isEmpty() ? speaker : speaker.left(1).toUpper() + speaker.mid(1).toLower());
    if ((*m_entities)[found].speaker.isEmpty())
        (*m_entities)[found].speaker = speaker;
    return found;
}

bool SceneBuilder::matches(const PlanEntity &e, int specIndex, const QString &colour, bool generic) const
{
    const NounSpec &spec = nounTable().at(specIndex);
    if (!colour.isEmpty() && !e.colorName.isEmpty() && e.colorName != colour)
        return false;
    if (e.noun == QLatin1String(spec.noun))
        return true;
    if (!generic)
        return false;
    // "the ball" finds the basketball and "the basketball" a plain "ball"; but "the coach" is not
    // Maya (a named person's noun is "person"): for people only the generic word matches.
    const int other = nounIndex(e.noun);
    const bool otherGeneric = other >= 0 && nounTable().at(other).generic;
    return e.category == QLatin1String(spec.category)
        && (spec.generic || (otherGeneric && e.category != QLatin1String("person")));
}

QList<int> SceneBuilder::resolveNoun(int spec, bool definite, int count, bool plural, const NounModifiers &mods,
                                     const QString &label)
{
    const int wanted = count > 0 ? count : (plural ? 2 : 1);
    const NounSpec &ns = nounTable().at(spec);
    // There is one hoop or goal per court: "shoots a basket" aims at the one already there.
    const bool unique = QLatin1String(ns.shape) == QLatin1String("hoop") || QLatin1String(ns.noun) == QLatin1String("goal");
    QList<int> found;
    if (definite || (unique && wanted == 1)) {
        // Generic matches are for one thing ("the girl" may be Maya); "the audience" is not Maya.
        for (const bool generic : {false, !plural && count == 0}) {
            for (int r = int(m_recency.size()) - 1; r >= 0 && found.size() < wanted; --r) {
                const int i = m_recency.at(r);
                if (!found.contains(i) && matches(m_entities->at(i), spec, mods.colour, generic))
                    found << i;
            }
            if (!found.isEmpty() && (count == 0 || found.size() >= wanted))
                break;
        }
        if (plural && count == 0 && !found.isEmpty()) {
            // "the dogs": every dog there is.
            for (int r = int(m_recency.size()) - 1; r >= 0; --r)
                if (!found.contains(m_recency.at(r)) && matches(m_entities->at(m_recency.at(r)), spec, mods.colour, false))
                    found << m_recency.at(r);
        }
    }
    if (!found.isEmpty()) {
        for (int i = int(found.size()) - 1; i >= 0; --i)
            touch(found.at(i));
        return found;
    }
    for (int k = 0; k < wanted; ++k)
        found << createEntity(spec, mods, label);
    return found;
}

int SceneBuilder::resolveName(const QString &name, const QString &speaker)
{
    for (int r = int(m_recency.size()) - 1; r >= 0; --r) {
        const PlanEntity &e = m_entities->at(m_recency.at(r));
        if (e.label.compare(name, Qt::CaseInsensitive) == 0 || (!e.speaker.isEmpty() && e.speaker.compare(name, Qt::CaseInsensitive) == 0)
            || e.cameo.compare(QLatin1Char('@') + name, Qt::CaseInsensitive) == 0) {
            touch(m_recency.at(r));
            return m_recency.at(r);
        }
    }
    const int i = create(QStringLiteral("person"), name);
    (*m_entities)[i].speaker = speaker;
    return i;
}

int SceneBuilder::resolveCameo(const QString &handle)
{
    for (int r = int(m_recency.size()) - 1; r >= 0; --r)
        if (m_entities->at(m_recency.at(r)).cameo.compare(handle, Qt::CaseInsensitive) == 0) {
            touch(m_recency.at(r));
            return m_recency.at(r);
        }
    const int i = create(QStringLiteral("person"), handle);
    (*m_entities)[i].cameo = handle;
    return i;
}

QList<int> SceneBuilder::resolvePronoun(const QString &kind, const QList<int> &lastGroup, const QList<int> &exclude)
{
    const auto isPerson = [](const PlanEntity &e) { return e.category == QLatin1String("person"); };
    // The most recent entity, not excluded, that satisfies pred.
    const auto recent = [&](const std::function<bool(int)> &pred) {
        for (int r = int(m_recency.size()) - 1; r >= 0; --r)
            if (!exclude.contains(m_recency.at(r)) && pred(m_recency.at(r)))
                return m_recency.at(r);
        return -1;
    };
    int found = -1;
    if (kind == QLatin1String("they")) {
        if (lastGroup.size() > 1)
            return lastGroup;
        found = recent([&](int i) { return isPerson(m_entities->at(i)); });
    } else if (kind == QLatin1String("it")) {
        found = recent([&](int i) { return !isPerson(m_entities->at(i)) && !m_entities->at(i).isStatic; });
        if (found < 0)
            found = recent([&](int i) { return !isPerson(m_entities->at(i)); });
    } else {
        const char g = kind == QLatin1String("f") ? 'f' : 'm';
        found = recent([&](int i) { return isPerson(m_entities->at(i)) && m_gender.at(i) == g; });
        if (found < 0)
            found = recent([&](int i) { return isPerson(m_entities->at(i)) && m_gender.at(i) == 0; });
        if (found < 0)
            found = create(g == 'f' ? QStringLiteral("woman") : QStringLiteral("man"), kind == QLatin1String("f") ? QStringLiteral("she") : QStringLiteral("he"));
        else if (m_gender.at(found) == 0)
            m_gender[found] = g; // "Maya ... she": later "he" will not pick Maya
    }
    if (found < 0)
        return {};
    touch(found);
    return {found};
}

void SceneBuilder::touch(int index)
{
    m_recency.removeAll(index);
    m_recency << index;
}

int SceneBuilder::mostRecent(const std::function<bool(const PlanEntity &)> &pred) const
{
    for (int r = int(m_recency.size()) - 1; r >= 0; --r)
        if (pred(m_entities->at(m_recency.at(r))))
            return m_recency.at(r);
    return -1;
}

char SceneBuilder::gender(int index) const
{
    return m_gender.value(index, 0);
}

} // namespace kinora::engine::prompt
