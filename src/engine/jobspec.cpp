// JobSpec JSON: the storyboard in its exchange format plus the job's own fields.
#include "engine/jobspec.h"

#include "story/storyboardjson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kinora::engine {
namespace {

QJsonObject overridesToJson(const FilmOverrides &o)
{
    QJsonObject json;
    if (o.resolution)
        json.insert(QStringLiteral("resolution"), story::toString(*o.resolution));
    if (o.fps)
        json.insert(QStringLiteral("fps"), *o.fps);
    if (o.seed)
        json.insert(QStringLiteral("seed"), qint64(*o.seed));
    return json;
}

} // namespace

QByteArray toJson(const JobSpec &spec)
{
    const QJsonObject json{{QStringLiteral("format"), QStringLiteral("kinora.job.v1")},
                           {QStringLiteral("storyboard"), story::toJson(spec.board)},
                           {QStringLiteral("overrides"), overridesToJson(spec.overrides)},
                           {QStringLiteral("shot"), spec.shotNumber}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

core::Result<JobSpec> jobSpecFromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("kinora.job.v1"))
        return core::Error{QStringLiteral("The job description is not in the kinora.job.v1 format."), {}};
    auto board = story::storyboardFromJson(o.value(QStringLiteral("storyboard")).toObject());
    if (!board)
        return core::Error{QStringLiteral("The job's storyboard is invalid: %1").arg(board.error().toString()), {}};
    JobSpec spec;
    spec.board = board.value();
    spec.shotNumber = o.value(QStringLiteral("shot")).toInt();
    const QJsonObject ov = o.value(QStringLiteral("overrides")).toObject();
    if (ov.contains(QStringLiteral("resolution")))
        spec.overrides.resolution = story::resolutionFromString(ov.value(QStringLiteral("resolution")).toString());
    if (ov.contains(QStringLiteral("fps")))
        spec.overrides.fps = ov.value(QStringLiteral("fps")).toInt();
    if (ov.contains(QStringLiteral("seed")))
        spec.overrides.seed = std::uint32_t(ov.value(QStringLiteral("seed")).toInteger());
    if (spec.shotNumber < 1 || spec.shotNumber > spec.board.shots.size())
        return core::Error{QStringLiteral("The job names shot %1, which the storyboard does not have.").arg(spec.shotNumber), {}};
    return spec;
}

QString specHash(const JobSpec &spec)
{
    QJsonObject board = story::toJson(spec.board);
    QJsonArray shots;
    const QJsonArray all = board.value(QStringLiteral("shots")).toArray();
    for (int i = 0; i < spec.shotNumber && i < all.size(); ++i) {
        QJsonObject shot = all.at(i).toObject();
        // Notes, ids and trims do not change what is rendered: a trim only cuts the take on the timeline.
        for (const char *field : {"notes", "id", "trimIn", "trimOut"})
            shot.remove(QLatin1String(field));
        QJsonArray lines;
        for (const QJsonValue &line : shot.value(QStringLiteral("dialogue")).toArray()) {
            QJsonObject l = line.toObject();
            l.remove(QStringLiteral("id"));
            lines.append(l);
        }
        shot.insert(QStringLiteral("dialogue"), lines);
        shots.append(shot);
    }
    board.insert(QStringLiteral("shots"), shots);
    board.remove(QStringLiteral("title"));
    const QJsonObject key{{QStringLiteral("board"), board},
                          {QStringLiteral("overrides"), overridesToJson(spec.overrides)},
                          {QStringLiteral("engine"), QString::fromLatin1(kEngineVersion)}};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(key).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

} // namespace kinora::engine
