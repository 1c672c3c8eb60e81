// Storyboard value semantics and the canonical names of every enum.
#include "story/storyboard.h"

#include "core/ids.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kinora::story {
namespace {

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, const char *>, N>;

constexpr NameTable<Resolution, 3> kResolutions{{
    {Resolution::P480, "480p"}, {Resolution::P720, "720p"}, {Resolution::P1080, "1080p"}}};
constexpr NameTable<Aspect, 3> kAspects{{
    {Aspect::Wide16x9, "16:9"}, {Aspect::Tall9x16, "9:16"}, {Aspect::Square1x1, "1:1"}}};
constexpr NameTable<CameraMove, 11> kCameras{{
    {CameraMove::Static, "static"}, {CameraMove::PanLeft, "pan-left"},
    {CameraMove::PanRight, "pan-right"}, {CameraMove::TiltUp, "tilt-up"},
    {CameraMove::TiltDown, "tilt-down"}, {CameraMove::DollyIn, "dolly-in"},
    {CameraMove::DollyOut, "dolly-out"}, {CameraMove::Orbit, "orbit"}, {CameraMove::Crane, "crane"},
    {CameraMove::Handheld, "handheld"}, {CameraMove::Tracking, "tracking"}}};
constexpr NameTable<Framing, 3> kFramings{{
    {Framing::Wide, "wide"}, {Framing::Medium, "medium"}, {Framing::CloseUp, "close-up"}}};
constexpr NameTable<Style, 7> kStyles{{
    {Style::Cinematic, "cinematic"}, {Style::Anime, "anime"}, {Style::Documentary, "documentary"},
    {Style::Noir, "noir"}, {Style::Claymation, "claymation"}, {Style::Sketch, "sketch"},
    {Style::VintageFilm, "vintage-film"}}};
constexpr NameTable<Continuity, 2> kContinuities{{
    {Continuity::ContinuePrevious, "continue"}, {Continuity::NewScene, "new-scene"}}};

template <typename E, std::size_t N>
QString nameOf(const NameTable<E, N> &table, E v)
{
    for (const auto &[value, name] : table)
        if (value == v)
            return QString::fromLatin1(name);
    return {};
}

template <typename E, std::size_t N>
E valueOf(const NameTable<E, N> &table, const QString &s)
{
    const QString key = s.trimmed().toLower();
    for (const auto &[value, name] : table)
        if (key == QLatin1String(name))
            return value;
    return E::Invalid;
}

template <typename E, std::size_t N>
QStringList namesOf(const NameTable<E, N> &table)
{
    QStringList out;
    for (const auto &entry : table)
        out << QString::fromLatin1(entry.second);
    return out;
}

} // namespace

bool DialogueLine::operator==(const DialogueLine &o) const
{
    return id == o.id && speaker == o.speaker && language == o.language && text == o.text
        && parenthetical == o.parenthetical && startMs == o.startMs;
}

bool Shot::operator==(const Shot &o) const
{
    return id == o.id && prompt == o.prompt && durationDs == o.durationDs && camera == o.camera
        && framing == o.framing && style == o.style && dialogue == o.dialogue && cameos == o.cameos
        && seed == o.seed && seedLocked == o.seedLocked && continuity == o.continuity
        && notes == o.notes && trimInDs == o.trimInDs && trimOutDs == o.trimOutDs
        && plan == o.plan;
}

int Storyboard::totalDurationDs() const
{
    int total = 0;
    for (const Shot &s : shots)
        total += s.durationDs;
    return total;
}

int Storyboard::indexOf(const QString &shotId) const
{
    for (int i = 0; i < shots.size(); ++i)
        if (shots.at(i).id == shotId)
            return i;
    return -1;
}

bool Storyboard::operator==(const Storyboard &o) const
{
    return title == o.title && resolution == o.resolution && fps == o.fps && aspect == o.aspect
        && shots == o.shots;
}

Shot makeShot(const QString &prompt)
{
    Shot shot;
    shot.id = core::newId();
    shot.prompt = prompt;
    shot.seed = core::newSeed();
    return shot;
}

Shot duplicateShot(const Shot &shot)
{
    Shot copy = shot;
    copy.id = core::newId();
    for (DialogueLine &line : copy.dialogue)
        line.id = core::newId();
    return copy;
}

QString toString(Resolution v) { return nameOf(kResolutions, v); }
QString toString(Aspect v) { return nameOf(kAspects, v); }
QString toString(CameraMove v) { return nameOf(kCameras, v); }
QString toString(Framing v) { return nameOf(kFramings, v); }
QString toString(Style v) { return nameOf(kStyles, v); }
QString toString(Continuity v) { return nameOf(kContinuities, v); }
Resolution resolutionFromString(const QString &s) { return valueOf(kResolutions, s); }
Aspect aspectFromString(const QString &s) { return valueOf(kAspects, s); }
CameraMove cameraFromString(const QString &s) { return valueOf(kCameras, s); }
Framing framingFromString(const QString &s) { return valueOf(kFramings, s); }
Style styleFromString(const QString &s) { return valueOf(kStyles, s); }
Continuity continuityFromString(const QString &s) { return valueOf(kContinuities, s); }
QStringList resolutionNames() { return namesOf(kResolutions); }
QStringList aspectNames() { return namesOf(kAspects); }
QStringList cameraNames() { return namesOf(kCameras); }
QStringList framingNames() { return namesOf(kFramings); }
QStringList styleNames() { return namesOf(kStyles); }
QStringList continuityNames() { return namesOf(kContinuities); }

bool isValidFps(int fps)
{
    return std::find(std::begin(kShotsFps), std::end(kShotsFps), fps) != std::end(kShotsFps);
}

QString validate(const Storyboard &board)
{
    if (!isValidFps(board.fps))
        return QStringLiteral("fps: must be 24, 25 or 30, not %1").arg(board.fps);
    for (int i = 0; i < board.shots.size(); ++i) {
        const Shot &s = board.shots.at(i);
        const QString at = QStringLiteral("shots[%1].").arg(i);
        if (s.durationDs < kMinDurationDs || s.durationDs > kMaxDurationDs)
            return at + QStringLiteral("durationSeconds: must be between 1 and 20 seconds, not %1")
                            .arg(s.durationDs / 10.0);
        if (s.trimInDs < 0 || s.trimOutDs < 0)
            return at + QStringLiteral("%1: a trim cannot be negative, not %2 seconds")
                            .arg(s.trimInDs < 0 ? QStringLiteral("trimIn") : QStringLiteral("trimOut"))
                            .arg(std::min(s.trimInDs, s.trimOutDs) / 10.0);
        if (s.trimmedDurationDs() < kMinKeptDs)
            return at + QStringLiteral("trimIn: trims of %1 + %2 seconds leave less than %3 seconds of a "
                                       "%4-second shot")
                            .arg(s.trimInDs / 10.0)
                            .arg(s.trimOutDs / 10.0)
                            .arg(kMinKeptDs / 10.0)
                            .arg(s.durationDs / 10.0);
        if (s.cameos.size() > kMaxCameoSlots)
            return at + QStringLiteral("cameos: a shot has at most %1 cameo slots, not %2")
                            .arg(kMaxCameoSlots)
                            .arg(s.cameos.size());
        for (int d = 0; d < s.dialogue.size(); ++d)
            if (s.dialogue.at(d).text.trimmed().isEmpty())
                return at + QStringLiteral("dialogue[%1].text: a dialogue line needs text").arg(d);
    }
    return {};
}

} // namespace kinora::story
