// The storyboard value types: Storyboard, Shot, DialogueLine, CameoSlot.
// Plain values (no QObject): the document, the repository and the exchange format share them.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace kinora::story {

enum class Resolution { Invalid = 0, P480, P720, P1080 };
enum class Aspect { Invalid = 0, Wide16x9, Tall9x16, Square1x1 };
enum class CameraMove {
    Invalid = 0, Static, PanLeft, PanRight, TiltUp, TiltDown, DollyIn, DollyOut, Orbit, Crane,
    Handheld, Tracking
};
enum class Framing { Invalid = 0, Wide, Medium, CloseUp };
enum class Style { Invalid = 0, Cinematic, Anime, Documentary, Noir, Claymation, Sketch, VintageFilm };
enum class Continuity { Invalid = 0, ContinuePrevious, NewScene };

/// Durations are whole deciseconds so 0.1 s steps are exact everywhere (UI, SQL, JSON).
constexpr int kMinDurationDs = 10;
constexpr int kMaxDurationDs = 200;
constexpr int kMaxCameoSlots = 2;
/// A trimmed shot keeps at least this much of its take, so a clip never vanishes from the cut.
constexpr int kMinKeptDs = 5;
constexpr int kShotsFps[] = {24, 25, 30};

struct DialogueLine
{
    QString id;
    QString speaker;
    QString language = QStringLiteral("en"); ///< BCP-47 style code: "en", "es", "pt-BR"
    QString text;
    QString parenthetical; ///< Fountain "(whispering)" style direction; may be empty
    std::optional<int> startMs; ///< absent: follows the previous line after a natural pause

    bool operator==(const DialogueLine &o) const;
    bool operator!=(const DialogueLine &o) const { return !(*this == o); }
};

/// A cameo slot names a cameo (a verified likeness) by its handle; the grant is checked later.
struct CameoSlot
{
    QString cameo; ///< handle such as "@maya"; empty slot is not stored
    QString role;  ///< optional: which character the cameo plays

    bool operator==(const CameoSlot &o) const { return cameo == o.cameo && role == o.role; }
    bool operator!=(const CameoSlot &o) const { return !(*this == o); }
};

struct Shot
{
    QString id;
    QString prompt;
    int durationDs = 50;
    CameraMove camera = CameraMove::Static;
    Framing framing = Framing::Wide;
    Style style = Style::Cinematic;
    QList<DialogueLine> dialogue;
    QList<CameoSlot> cameos; ///< at most kMaxCameoSlots
    std::uint32_t seed = 0;
    bool seedLocked = false;
    Continuity continuity = Continuity::ContinuePrevious;
    QString notes;
    /// Non-destructive trims: deciseconds cut from the start and from the end of the shot's
    /// take at playback and export; the take itself is never modified.
    int trimInDs = 0;
    int trimOutDs = 0;
    /// The user's edited ScenePlan (the engine's JSON format) that renders instead of the one
    /// compiled from the prompt; empty when the prompt decides. The engine validates it.
    QJsonObject plan;

    /// @brief Length that plays after trims (durationDs when untrimmed).
    int trimmedDurationDs() const { return durationDs - trimInDs - trimOutDs; }
    bool operator==(const Shot &o) const;
    bool operator!=(const Shot &o) const { return !(*this == o); }
};

struct Storyboard
{
    QString title;
    Resolution resolution = Resolution::P1080;
    int fps = 24;
    Aspect aspect = Aspect::Wide16x9;
    QList<Shot> shots;

    int totalDurationDs() const; ///< untrimmed: the sum of the shots' durations
    int indexOf(const QString &shotId) const;
    bool operator==(const Storyboard &o) const;
    bool operator!=(const Storyboard &o) const { return !(*this == o); }
};

/// @brief A new shot with fresh id and seed, default settings.
Shot makeShot(const QString &prompt = {});

/// @brief A copy of @p shot with new ids (shot and dialogue lines); the seed is kept.
Shot duplicateShot(const Shot &shot);

/// Canonical text names, shared by SQL, JSON, CLI and QML ("pan-left", "close-up", "16:9", ...).
QString toString(Resolution v);
QString toString(Aspect v);
QString toString(CameraMove v);
QString toString(Framing v);
QString toString(Style v);
QString toString(Continuity v);
Resolution resolutionFromString(const QString &s); ///< Invalid when unknown
Aspect aspectFromString(const QString &s);
CameraMove cameraFromString(const QString &s);
Framing framingFromString(const QString &s);
Style styleFromString(const QString &s);
Continuity continuityFromString(const QString &s);

QStringList resolutionNames();
QStringList aspectNames();
QStringList cameraNames();
QStringList framingNames();
QStringList styleNames();
QStringList continuityNames();
bool isValidFps(int fps);

/// @brief Checks ranges and counts; the message names the field (e.g. "shots[2].durationSeconds").
QString validate(const Storyboard &board);

} // namespace kinora::story
