// SceneBuilder: the entities of the plan being compiled. It creates entities from lexicon nouns,
// resolves mentions ("the ball", "she", "Maya") to existing ones, and remembers mention order.
#pragma once

#include "engine/prompt/lexicon.h"
#include "engine/sceneplan.h"

#include <QList>
#include <QString>
#include <functional>

namespace kinora::engine::prompt {

/// Adjectives that shape a new entity.
struct NounModifiers
{
    QString colour;   ///< colour name or ""
    QString material; ///< material name or ""
    double scale = 1; ///< size factor (not applied to people)
};

class SceneBuilder
{
public:
    SceneBuilder(QList<PlanEntity> *entities, std::uint32_t seed);

    /// @brief Adds the previous shot's end state; these keep id, look and position.
    void carry(const QList<PlanEntity> &previous);
    bool isCarried(int index) const { return index < m_carried; }

    /// @brief "a red ball" (new), "the ball" (existing if any), "two dogs" (two new dogs).
    QList<int> resolveNoun(int spec, bool definite, int count, bool plural, const NounModifiers &mods,
                           const QString &label);
    /// @brief A person called @p name; @p speaker is the dialogue speaker it plays, or "".
    int resolveName(const QString &name, const QString &speaker);
    /// @brief A person using the cameo @p handle ("@maya").
    int resolveCameo(const QString &handle);
    /// @brief he/she/it/they -> the most recently mentioned matching entities (may be empty);
    /// entities in @p exclude (the subject, for a pronoun after the verb) are skipped.
    QList<int> resolvePronoun(const QString &kind, const QList<int> &lastGroup, const QList<int> &exclude = {});
    /// @brief A new entity of the canonical @p noun (used when an action needs one).
    int create(const QString &noun, const QString &label);

    /// @brief The person who speaks the dialogue lines of @p speaker: one named or labelled so, or
    /// playing it already, or a new person called so. Sets its speaker when it has none.
    int speakerFigure(const QString &speaker);

    /// @brief Marks @p index as just mentioned (pronouns and "the" prefer recent entities).
    void touch(int index);
    /// @brief The most recently mentioned entity that satisfies @p pred, or -1.
    int mostRecent(const std::function<bool(const PlanEntity &)> &pred) const;
    char gender(int index) const;

private:
    int createEntity(int spec, const NounModifiers &mods, const QString &label);
    QString nextId(const QString &prefix) const;
    bool matches(const PlanEntity &e, int spec, const QString &colour, bool generic) const;

    QList<PlanEntity> *m_entities;
    std::uint32_t m_seed;
    int m_carried = 0;
    QList<int> m_recency; ///< entity indices, most recent last
    QList<char> m_gender;
};

/// @brief Deterministic look seed from the shot seed and the entity id (FNV-1a + mix).
std::uint32_t lookSeedFor(std::uint32_t seed, const QString &id);

} // namespace kinora::engine::prompt
