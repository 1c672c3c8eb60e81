// kinora.storyboard.v1 reading and writing. Reading is strict (wrong types, unknown fields and
// unknown names are errors that name the field and its line) because a typo must never vanish.
#include "story/storyboardjson.h"

#include "core/ids.h"
#include "core/jsonlocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <cmath>

namespace kinora::story {
namespace {

using core::Error;
using core::Result;
constexpr auto typeName = core::jsonTypeName;
constexpr auto child = core::jsonChild;
constexpr auto indexed = core::jsonIndexed;

constexpr double kGridTolerance = 1e-6;
constexpr qint64 kMaxSeed = 0x7fffffff;

const QStringList &topKeys()
{
    static const QStringList keys{QStringLiteral("$schema"), QStringLiteral("format"),
                                  QStringLiteral("title"), QStringLiteral("fps"),
                                  QStringLiteral("resolution"), QStringLiteral("aspect"),
                                  QStringLiteral("shots")};
    return keys;
}
const QStringList &shotKeys()
{
    static const QStringList keys{
        QStringLiteral("id"), QStringLiteral("prompt"), QStringLiteral("durationSeconds"),
        QStringLiteral("camera"), QStringLiteral("framing"), QStringLiteral("style"),
        QStringLiteral("continuity"), QStringLiteral("dialogue"), QStringLiteral("cameos"),
        QStringLiteral("seed"), QStringLiteral("seedLocked"), QStringLiteral("notes"),
        QStringLiteral("trimIn"), QStringLiteral("trimOut"), QStringLiteral("plan")};
    return keys;
}
const QStringList &dialogueKeys()
{
    static const QStringList keys{QStringLiteral("id"), QStringLiteral("speaker"),
                                  QStringLiteral("language"), QStringLiteral("text"),
                                  QStringLiteral("parenthetical"), QStringLiteral("startSeconds")};
    return keys;
}
const QStringList &cameoKeys()
{
    static const QStringList keys{QStringLiteral("cameo"), QStringLiteral("role")};
    return keys;
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// Reads one document. Each read* returns false after recording the first error; callers stop.
class Reader
{
public:
    explicit Reader(const core::JsonLocator *locator) : m_locator(locator) {}

    const Error &error() const { return m_error; }

    bool fail(const QString &path, const QString &what)
    {
        const int line = m_locator ? m_locator->lineOf(path) : 0;
        const QString text = path.isEmpty() ? what : path + QStringLiteral(": ") + what;
        m_error = Error{text, line > 0 ? QStringLiteral("line %1").arg(line) : QString()};
        return false;
    }

    bool checkKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                return fail(child(path, it.key()),
                            QStringLiteral("unknown field; allowed fields are %1")
                                .arg(allowed.join(QStringLiteral(", "))));
        return true;
    }

    bool readString(const QJsonObject &o, const QString &path, const QString &key, QString *out)
    {
        if (!o.contains(key))
            return true;
        const QJsonValue v = o.value(key);
        if (!v.isString())
            return fail(child(path, key), QStringLiteral("must be a string, not %1").arg(typeName(v)));
        *out = v.toString();
        return true;
    }

    bool readNumber(const QJsonObject &o, const QString &path, const QString &key, double *out)
    {
        const QJsonValue v = o.value(key);
        if (!v.isDouble())
            return fail(child(path, key), QStringLiteral("must be a number, not %1").arg(typeName(v)));
        *out = v.toDouble();
        return true;
    }

    /// Seconds on the 0.1 s grid between @p minDs and @p maxDs (deciseconds); absent keeps *outDs.
    bool readTenths(const QJsonObject &o, const QString &path, const QString &key, int minDs, int maxDs,
                    int *outDs)
    {
        if (!o.contains(key))
            return true;
        double seconds = 0;
        if (!readNumber(o, path, key, &seconds))
            return false;
        if (seconds < minDs / 10.0 - kGridTolerance || seconds > maxDs / 10.0 + kGridTolerance)
            return fail(child(path, key), QStringLiteral("must be between %1 and %2 seconds, not %3")
                                              .arg(minDs / 10.0)
                                              .arg(maxDs / 10.0)
                                              .arg(seconds));
        const double tenths = seconds * 10.0;
        if (std::abs(tenths - std::round(tenths)) > kGridTolerance)
            return fail(child(path, key), QStringLiteral("must be a multiple of 0.1 seconds, not %1")
                                              .arg(seconds, 0, 'g', 10));
        *outDs = qRound(tenths);
        return true;
    }

    bool readBool(const QJsonObject &o, const QString &path, const QString &key, bool *out)
    {
        if (!o.contains(key))
            return true;
        const QJsonValue v = o.value(key);
        if (!v.isBool())
            return fail(child(path, key),
                        QStringLiteral("must be true or false, not %1").arg(typeName(v)));
        *out = v.toBool();
        return true;
    }

    bool readArray(const QJsonObject &o, const QString &path, const QString &key, QJsonArray *out)
    {
        if (!o.contains(key))
            return true;
        const QJsonValue v = o.value(key);
        if (!v.isArray())
            return fail(child(path, key), QStringLiteral("must be an array, not %1").arg(typeName(v)));
        *out = v.toArray();
        return true;
    }

    bool readObject(const QJsonValue &v, const QString &path, QJsonObject *out)
    {
        if (!v.isObject())
            return fail(path, QStringLiteral("must be an object, not %1").arg(typeName(v)));
        *out = v.toObject();
        return true;
    }

    // Enum fields share one shape: a canonical name from a fixed list, defaulting when absent.
    template <typename E>
    bool readEnum(const QJsonObject &o, const QString &path, const QString &key,
                  E (*fromString)(const QString &), const QStringList &names, E *out)
    {
        QString text;
        if (!o.contains(key))
            return true;
        if (!readString(o, path, key, &text))
            return false;
        const E value = fromString(text);
        if (value == E::Invalid)
            return fail(child(path, key), QStringLiteral("unknown value %1; allowed values are %2")
                                              .arg(quoted(text), names.join(QStringLiteral(", "))));
        *out = value;
        return true;
    }

    bool readBoard(const QJsonObject &root, Storyboard *board);

private:
    bool readShot(const QJsonObject &o, const QString &path, Shot *shot);
    bool readDialogue(const QJsonObject &o, const QString &path, DialogueLine *line);
    bool readCameo(const QJsonObject &o, const QString &path, CameoSlot *slot);

    const core::JsonLocator *m_locator;
    Error m_error;
};

bool Reader::readBoard(const QJsonObject &root, Storyboard *board)
{
    if (!checkKeys(root, {}, topKeys()))
        return false;
    const QString format = QString::fromLatin1(kStoryboardFormat);
    if (!root.contains(QStringLiteral("format")))
        return fail(QStringLiteral("format"),
                    QStringLiteral("missing; a storyboard file starts with \"format\": %1")
                        .arg(quoted(format)));
    const QJsonValue formatValue = root.value(QStringLiteral("format"));
    if (formatValue.toString() != format)
        return fail(QStringLiteral("format"),
                    QStringLiteral("must be %1, not %2")
                        .arg(quoted(format),
                             formatValue.isString() ? quoted(formatValue.toString())
                                                    : typeName(formatValue)));
    if (!readString(root, {}, QStringLiteral("title"), &board->title))
        return false;
    if (root.contains(QStringLiteral("fps"))) {
        double fps = 0;
        if (!readNumber(root, {}, QStringLiteral("fps"), &fps))
            return false;
        // Range-check before the cast: converting a huge double to int is undefined.
        if (fps != std::floor(fps) || std::abs(fps) > 1000 || !isValidFps(int(fps)))
            return fail(QStringLiteral("fps"),
                        QStringLiteral("must be 24, 25 or 30, not %1").arg(fps));
        board->fps = int(fps);
    }
    if (!readEnum(root, {}, QStringLiteral("resolution"), &resolutionFromString,
                  resolutionNames(), &board->resolution)
        || !readEnum(root, {}, QStringLiteral("aspect"), &aspectFromString, aspectNames(),
                     &board->aspect))
        return false;

    QJsonArray shots;
    if (!readArray(root, {}, QStringLiteral("shots"), &shots))
        return false;
    for (int i = 0; i < shots.size(); ++i) {
        const QString path = QStringLiteral("shots[%1]").arg(i);
        QJsonObject o;
        Shot shot;
        if (!readObject(shots.at(i), path, &o) || !readShot(o, path, &shot))
            return false;
        // Shots are addressed by id (undo, takes, the job queue), so ids must be unique.
        const int earlier = board->indexOf(shot.id);
        if (earlier >= 0)
            return fail(child(path, QStringLiteral("id")),
                        QStringLiteral("duplicate id %1 (also used by shots[%2])")
                            .arg(quoted(shot.id))
                            .arg(earlier));
        board->shots.append(shot);
    }
    return true;
}

bool Reader::readShot(const QJsonObject &o, const QString &path, Shot *shot)
{
    if (!checkKeys(o, path, shotKeys()) || !readString(o, path, QStringLiteral("id"), &shot->id)
        || !readString(o, path, QStringLiteral("prompt"), &shot->prompt)
        || !readString(o, path, QStringLiteral("notes"), &shot->notes))
        return false;
    if (shot->id.isEmpty())
        shot->id = core::newId();

    if (o.contains(QStringLiteral("durationSeconds"))) {
        const QString field = child(path, QStringLiteral("durationSeconds"));
        double seconds = 0;
        if (!readNumber(o, path, QStringLiteral("durationSeconds"), &seconds))
            return false;
        if (seconds < kMinDurationDs / 10.0 - kGridTolerance
            || seconds > kMaxDurationDs / 10.0 + kGridTolerance)
            return fail(field, QStringLiteral("must be between %1 and %2 seconds, not %3")
                                   .arg(kMinDurationDs / 10)
                                   .arg(kMaxDurationDs / 10)
                                   .arg(seconds));
        const double tenths = seconds * 10.0;
        if (std::abs(tenths - std::round(tenths)) > kGridTolerance)
            return fail(field, QStringLiteral("must be a multiple of 0.1 seconds, not %1")
                                   .arg(seconds, 0, 'g', 10));
        shot->durationDs = qRound(tenths);
    }

    // Trims are checked against the duration by story::validate once the whole shot is read.
    if (!readTenths(o, path, QStringLiteral("trimIn"), 0, kMaxDurationDs, &shot->trimInDs)
        || !readTenths(o, path, QStringLiteral("trimOut"), 0, kMaxDurationDs, &shot->trimOutDs))
        return false;
    // An edited plan is kept as it is here; the engine checks it field by field when planning.
    if (o.contains(QStringLiteral("plan"))) {
        if (!o.value(QStringLiteral("plan")).isObject())
            return fail(child(path, QStringLiteral("plan")), QStringLiteral("must be an object (an edited scene plan)"));
        shot->plan = o.value(QStringLiteral("plan")).toObject();
    }

    if (!readEnum(o, path, QStringLiteral("camera"), &cameraFromString, cameraNames(), &shot->camera)
        || !readEnum(o, path, QStringLiteral("framing"), &framingFromString, framingNames(),
                     &shot->framing)
        || !readEnum(o, path, QStringLiteral("style"), &styleFromString, styleNames(), &shot->style)
        || !readEnum(o, path, QStringLiteral("continuity"), &continuityFromString,
                     continuityNames(), &shot->continuity))
        return false;

    if (o.contains(QStringLiteral("seed"))) {
        double seed = 0;
        if (!readNumber(o, path, QStringLiteral("seed"), &seed))
            return false;
        if (seed != std::floor(seed) || seed < 0 || seed > double(kMaxSeed))
            return fail(child(path, QStringLiteral("seed")),
                        QStringLiteral("must be a whole number between 0 and %1, not %2")
                            .arg(kMaxSeed)
                            .arg(seed, 0, 'g', 12));
        shot->seed = std::uint32_t(seed);
    } else {
        shot->seed = core::newSeed();
    }
    if (!readBool(o, path, QStringLiteral("seedLocked"), &shot->seedLocked))
        return false;

    QJsonArray dialogue;
    if (!readArray(o, path, QStringLiteral("dialogue"), &dialogue))
        return false;
    for (int i = 0; i < dialogue.size(); ++i) {
        const QString linePath = child(path, QStringLiteral("dialogue[%1]").arg(i));
        QJsonObject lineObject;
        DialogueLine line;
        if (!readObject(dialogue.at(i), linePath, &lineObject)
            || !readDialogue(lineObject, linePath, &line))
            return false;
        shot->dialogue.append(line);
    }

    QJsonArray cameos;
    if (!readArray(o, path, QStringLiteral("cameos"), &cameos))
        return false;
    if (cameos.size() > kMaxCameoSlots)
        return fail(child(path, QStringLiteral("cameos")),
                    QStringLiteral("a shot has at most %1 cameo slots, not %2")
                        .arg(kMaxCameoSlots)
                        .arg(cameos.size()));
    for (int i = 0; i < cameos.size(); ++i) {
        const QString slotPath = child(path, QStringLiteral("cameos[%1]").arg(i));
        QJsonObject slotObject;
        CameoSlot slot;
        if (!readObject(cameos.at(i), slotPath, &slotObject)
            || !readCameo(slotObject, slotPath, &slot))
            return false;
        shot->cameos.append(slot);
    }
    return true;
}

bool Reader::readDialogue(const QJsonObject &o, const QString &path, DialogueLine *line)
{
    if (!checkKeys(o, path, dialogueKeys()) || !readString(o, path, QStringLiteral("id"), &line->id)
        || !readString(o, path, QStringLiteral("speaker"), &line->speaker)
        || !readString(o, path, QStringLiteral("language"), &line->language)
        || !readString(o, path, QStringLiteral("text"), &line->text)
        || !readString(o, path, QStringLiteral("parenthetical"), &line->parenthetical))
        return false;
    if (line->id.isEmpty())
        line->id = core::newId();
    // Speech synthesis picks a voice by language, so the code must at least look like BCP-47.
    static const QRegularExpression languageCode(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"));
    if (!languageCode.match(line->language).hasMatch())
        return fail(child(path, QStringLiteral("language")),
                    QStringLiteral("must be a language code such as \"en\" or \"pt-BR\", not %1")
                        .arg(quoted(line->language)));
    if (line->text.trimmed().isEmpty())
        return fail(child(path, QStringLiteral("text")), QStringLiteral("a dialogue line needs text"));
    if (o.contains(QStringLiteral("startSeconds"))) {
        double start = 0;
        if (!readNumber(o, path, QStringLiteral("startSeconds"), &start))
            return false;
        // A line starts inside its shot, and no shot is longer than the longest duration.
        if (start < 0 || start > kMaxDurationDs / 10.0)
            return fail(child(path, QStringLiteral("startSeconds")),
                        QStringLiteral("must be between 0 and %1 seconds, not %2")
                            .arg(kMaxDurationDs / 10)
                            .arg(start));
        line->startMs = int(std::lround(start * 1000.0));
    }
    return true;
}

bool Reader::readCameo(const QJsonObject &o, const QString &path, CameoSlot *slot)
{
    if (!checkKeys(o, path, cameoKeys()) || !readString(o, path, QStringLiteral("cameo"), &slot->cameo)
        || !readString(o, path, QStringLiteral("role"), &slot->role))
        return false;
    if (slot->cameo.trimmed().isEmpty())
        return fail(child(path, QStringLiteral("cameo")),
                    QStringLiteral("a cameo slot needs a cameo handle such as \"@maya\""));
    return true;
}

Result<Storyboard> parse(const QJsonObject &root, const core::JsonLocator *locator)
{
    Reader reader(locator);
    Storyboard board;
    if (!reader.readBoard(root, &board))
        return reader.error();
    // The shared model rules (story::validate) have the last word, so the format never accepts
    // a board the editor would reject.
    const QString problem = validate(board);
    if (!problem.isEmpty()) {
        const QString path = problem.left(problem.indexOf(QStringLiteral(": ")));
        const int line = locator ? locator->lineOf(path) : 0;
        return Error{problem, line > 0 ? QStringLiteral("line %1").arg(line) : QString()};
    }
    return board;
}

QJsonObject dialogueToJson(const DialogueLine &line)
{
    QJsonObject o{{QStringLiteral("id"), line.id},
                  {QStringLiteral("speaker"), line.speaker},
                  {QStringLiteral("language"), line.language},
                  {QStringLiteral("text"), line.text}};
    if (!line.parenthetical.isEmpty())
        o.insert(QStringLiteral("parenthetical"), line.parenthetical);
    if (line.startMs)
        o.insert(QStringLiteral("startSeconds"), *line.startMs / 1000.0);
    return o;
}

QJsonObject shotToJson(const Shot &shot)
{
    QJsonArray dialogue;
    for (const DialogueLine &line : shot.dialogue)
        dialogue.append(dialogueToJson(line));
    QJsonArray cameos;
    for (const CameoSlot &slot : shot.cameos)
        cameos.append(QJsonObject{{QStringLiteral("cameo"), slot.cameo},
                                  {QStringLiteral("role"), slot.role}});
    QJsonObject o{{QStringLiteral("id"), shot.id},
                  {QStringLiteral("prompt"), shot.prompt},
                  {QStringLiteral("durationSeconds"), shot.durationDs / 10.0},
                  {QStringLiteral("camera"), toString(shot.camera)},
                  {QStringLiteral("framing"), toString(shot.framing)},
                  {QStringLiteral("style"), toString(shot.style)},
                  {QStringLiteral("continuity"), toString(shot.continuity)},
                  {QStringLiteral("dialogue"), dialogue},
                  {QStringLiteral("cameos"), cameos},
                  {QStringLiteral("seed"), qint64(shot.seed)},
                  {QStringLiteral("seedLocked"), shot.seedLocked},
                  {QStringLiteral("notes"), shot.notes}};
    // Optional like startSeconds: untrimmed shots read and write exactly as before trims existed.
    if (shot.trimInDs != 0)
        o.insert(QStringLiteral("trimIn"), shot.trimInDs / 10.0);
    if (shot.trimOutDs != 0)
        o.insert(QStringLiteral("trimOut"), shot.trimOutDs / 10.0);
    if (!shot.plan.isEmpty())
        o.insert(QStringLiteral("plan"), shot.plan);
    return o;
}

} // namespace

QJsonObject toJson(const Storyboard &board)
{
    QJsonArray shots;
    for (const Shot &shot : board.shots)
        shots.append(shotToJson(shot));
    return QJsonObject{{QStringLiteral("format"), QString::fromLatin1(kStoryboardFormat)},
                       {QStringLiteral("title"), board.title},
                       {QStringLiteral("fps"), board.fps},
                       {QStringLiteral("resolution"), toString(board.resolution)},
                       {QStringLiteral("aspect"), toString(board.aspect)},
                       {QStringLiteral("shots"), shots}};
}

QByteArray toJsonText(const Storyboard &board)
{
    // QJsonObject keeps keys sorted, so the same board always serializes to the same bytes.
    return QJsonDocument(toJson(board)).toJson(QJsonDocument::Indented);
}

Result<Storyboard> storyboardFromJsonText(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const core::TextPosition pos = core::positionOfOffset(text, parseError.offset);
        return Error{parseError.errorString(),
                     QStringLiteral("line %1, column %2").arg(pos.line).arg(pos.column)};
    }
    if (!doc.isObject())
        return Error{QStringLiteral("the file must contain one JSON object with \"format\": %1")
                         .arg(quoted(QString::fromLatin1(kStoryboardFormat))),
                     QStringLiteral("line 1")};
    const core::JsonLocator locator(text);
    return parse(doc.object(), &locator);
}

Result<Storyboard> storyboardFromJson(const QJsonObject &object)
{
    return parse(object, nullptr);
}

} // namespace kinora::story
