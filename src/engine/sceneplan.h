// ScenePlan: how Kinora understood one shot. The PromptCompiler writes it, the user may edit it
// (as JSON), the World simulates it and the Renderer draws it. Units: metres, kilograms, seconds.
// Axes: x right, y up, z toward the default camera; the ground is the plane y = 0.
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace kinora::engine {

struct Vec3
{
    double x = 0, y = 0, z = 0;
    bool operator==(const Vec3 &o) const { return x == o.x && y == o.y && z == o.z; }
};

struct Quat
{
    double w = 1, x = 0, y = 0, z = 0;
};

/// At the beach the sand ends and the sea begins at this z (metres; the camera looks along -z).
constexpr double kBeachSeaStartZ = -6.0;

/// One thing in the scene: a person, an animal, a ball, a vehicle, furniture, a prop, a structure.
struct PlanEntity
{
    QString id;        ///< stable across shots of one scene: "person-1", "ball-1", "hoop-1"
    QString noun;      ///< the lexicon noun: "basketball", "dog", "chair"
    QString label;     ///< the words that named it: "a red ball", "Maya"
    QString category;  ///< person | animal | ball | vehicle | furniture | prop | structure
    QString shape;     ///< figure | quadruped | bird | fish | sphere | box | cylinder | capsule | hoop | car | table | chair
    QString material;  ///< rubber | leather | wood | metal | glass | fabric | plastic | stone | flesh | fur | paper | ceramic
    QString colorName; ///< "red", "" when unspecified
    Vec3 color{0.7, 0.7, 0.7};  ///< linear RGB 0..1
    Vec3 size{0.24, 0.24, 0.24}; ///< bounding box extents (width, height, depth)
    double massKg = 1;
    double restitution = 0.5;
    double friction = 0.5;
    double densityKgM3 = 500; ///< decides floating or sinking in water
    Vec3 position;            ///< centre of the bounding box's base (y = bottom)
    double headingDeg = 0;    ///< facing, degrees about +y; 0 faces +z (the camera)
    Vec3 velocity;            ///< initial linear velocity (carried across shots)
    bool isStatic = false;    ///< never moves (structures, furniture unless pushed)
    QString speaker;          ///< dialogue speaker name this figure plays ("MAYA"), or ""
    QString cameo;            ///< cameo handle this figure uses, or ""
    std::uint32_t lookSeed = 0; ///< varies skin, hair, clothes; kept across shots
};

/// Something that happens: "the girl shoots the ball at the hoop".
struct PlanAction
{
    QString verb;   ///< walk | run | jump | throw | shoot | kick | roll | fall | drop | bounce | collide | push | float | sink | talk | wave | dance | sit | idle
    QString actor;  ///< entity id doing it
    QString object; ///< entity id acted on (the ball thrown), or ""
    QString target; ///< entity id aimed at or moved toward (the hoop), or ""
    double startSeconds = 0;
    double durationSeconds = 0; ///< 0 = until the end of the shot
    bool succeeds = true;       ///< "misses": false; the world makes the miss physical
    QString words;              ///< the prompt words that produced it
    /// How a move relates to its target (see planPaths()): "" = to the target (or across the stage
    /// without one) | past | follow | toward | away | around | across | along.
    QString path;
    /// Adverbs: 1 normal, 0.5 "slowly"/"gently", 1.6 "quickly"/"hard". Scales walking and running
    /// speed and the force of throws, kicks, rolls and pushes. Range 0.1..3.
    double intensity = 1;
};

/// @brief The path names a PlanAction may carry ("" first).
const QStringList &planPaths();
/// @brief True for paths that are defined relative to a target (past, follow, toward, away, around).
bool pathNeedsTarget(const QString &path);

struct PlanCamera
{
    QString move = QStringLiteral("static"); ///< story camera names: static, pan-left, ..., tracking
    QString framing = QStringLiteral("wide"); ///< wide | medium | close-up
    QString subject; ///< entity id the camera frames, or "" for the whole scene
};

struct PlanDialogue
{
    QString speaker;  ///< speaker name as in the storyboard
    QString entity;   ///< the figure that speaks it, or ""
    QString language;
    QString text;
    double startSeconds = -1; ///< -1: scheduled after the previous line
};

struct ScenePlan
{
    int version = 1;
    QString shotId;
    QString prompt;
    QString environment = QStringLiteral("room"); ///< gym | basketball-court | beach | street | forest | room | office | kitchen | park | stage | space | underwater
    QString timeOfDay = QStringLiteral("day");     ///< dawn | day | dusk | night
    QString weather = QStringLiteral("clear");     ///< clear | overcast | fog | rain | snow
    QString style = QStringLiteral("cinematic");   ///< story style names
    PlanCamera camera;
    double durationSeconds = 5;
    int fps = 24;
    int width = 854;
    int height = 480;
    std::uint32_t seed = 1;
    bool newScene = true; ///< false: starts from the previous shot's end state
    QList<PlanEntity> entities;
    QList<PlanAction> actions;
    QList<PlanDialogue> dialogue;
    QStringList unknownWords; ///< prompt words the compiler did not understand (never dropped silently)
    QStringList notes;        ///< messages for the user ("'flying car': shown as a car on the ground")

    int frameCount() const { return int(durationSeconds * fps + 0.5); }
    int indexOf(const QString &entityId) const;
};

/// @brief The plan as JSON (stable key order via QJsonObject); all fields present.
QJsonObject toJson(const ScenePlan &plan);
/// @brief Reads an (edited) plan; errors name the field ("entities[2].massKg: must be > 0").
core::Result<ScenePlan> scenePlanFromJson(const QJsonObject &object);

} // namespace kinora::engine
