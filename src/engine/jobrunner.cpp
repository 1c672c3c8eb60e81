// JobRunner implementation. The take is written as media/takes/<id>.mp4 through Mp4Writer (temp
// file + rename), and only then recorded: a killed worker leaves no take that looks finished.
#include "engine/jobrunner.h"

#include "core/ids.h"
#include "core/logging.h"
#include "engine/filmpipeline.h"
#include "engine/jobspec.h"
#include "media/mediadecoder.h"
#include "media/subtitles.h"
#include "store/jobrepository.h"
#include "store/projectdatabase.h"
#include "story/projectio.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>

namespace kinora::engine {

JobRunner::JobRunner(QString projectPath, QString device)
    : m_projectPath(std::move(projectPath)), m_device(std::move(device))
{
}

core::Result<bool> JobRunner::runNext(qint64 workerPid, const Notify &notify)
{
    auto db = store::ProjectDatabase::attach(m_projectPath);
    if (!db)
        return db.error();
    store::JobRepository jobs(db.value()->db());
    auto claimed = jobs.claimNext(workerPid);
    if (!claimed)
        return claimed.error();
    if (!claimed.value())
        return false;
    const store::Job job = *claimed.value();
    auto say = [&](QJsonObject message) {
        message.insert(QStringLiteral("job"), job.id);
        if (notify)
            notify(message);
    };
    auto spec = jobSpecFromJson(job.spec);
    if (!spec) {
        // A spec that cannot be read will never work: fail it for good, do not retry.
        for (int i = job.attempts; i <= store::kMaxJobAttempts; ++i)
            jobs.fail(job.id, spec.error().message);
        say({{QStringLiteral("type"), QStringLiteral("finished")}, {QStringLiteral("ok"), false},
             {QStringLiteral("message"), spec.error().message}});
        return true;
    }
    const QString takeId = core::newId();
    const QString folder = store::ProjectDatabase::mediaFolderFor(m_projectPath) + QStringLiteral("/takes");
    QDir().mkpath(folder);
    const QString media = QStringLiteral("takes/%1.mp4").arg(takeId);
    const QString path = store::ProjectDatabase::mediaFolderFor(m_projectPath) + QLatin1Char('/') + media;

    QElapsedTimer sinceReport;
    sinceReport.start();
    bool cancelled = false;
    FilmPipeline pipeline(m_device);
    auto outcome = pipeline.renderShot(
        spec.value().board, spec.value().overrides, spec.value().shotNumber, path,
        [&](const PipelineProgress &p) {
            if (sinceReport.elapsed() >= 250 || p.done == p.total) {
                sinceReport.restart();
                jobs.reportProgress(job.id, p.stage, p.done, p.total);
                say({{QStringLiteral("type"), QStringLiteral("progress")}, {QStringLiteral("stage"), p.stage},
                     {QStringLiteral("done"), p.done}, {QStringLiteral("total"), p.total}});
                const auto now = jobs.job(job.id);
                cancelled = now && now.value() && now.value()->state == store::JobState::Cancelled;
            }
            return !cancelled;
        });
    if (!outcome) {
        if (!cancelled)
            jobs.fail(job.id, outcome.error().toString());
        say({{QStringLiteral("type"), QStringLiteral("finished")}, {QStringLiteral("ok"), false},
             {QStringLiteral("message"), cancelled ? QStringLiteral("cancelled") : outcome.error().toString()}});
        return true;
    }
    // The poster shown on the shot card: the frame one second in (or the last one).
    if (auto frames = media::decodeVideoFrames(path, outcome.value().plan.fps + 1); frames && !frames.value().frames.isEmpty()) {
        const auto &video = frames.value();
        const QByteArray &rgb = video.frames.last();
        QImage poster(reinterpret_cast<const uchar *>(rgb.constData()), video.width, video.height, video.width * 3,
                      QImage::Format_RGB888);
        QString posterPath = path;
        posterPath.replace(QLatin1String(".mp4"), QLatin1String(".png"));
        poster.scaledToWidth(std::min(480, video.width), Qt::SmoothTransformation).save(posterPath);
    }
    // Subtitle sidecars beside the take: export reads the SRT, players and the web the WebVTT.
    if (!outcome.value().subtitles.isEmpty()) {
        QString base = path;
        base.chop(4);
        for (const auto &[suffix, text] : {std::pair{QStringLiteral(".srt"), media::toSrt(outcome.value().subtitles)},
                                           std::pair{QStringLiteral(".vtt"), media::toWebVtt(outcome.value().subtitles)}})
            if (core::Status w = story::writeFileAtomically(base + suffix, text.toUtf8()); !w)
                qCWarning(lcApp) << "could not write subtitles:" << w.error().toString();
    }
    ScenePlan endState;
    endState.entities = outcome.value().endState;
    const FilmStats &s = outcome.value().stats;
    const QJsonObject timings{{QStringLiteral("planSeconds"), s.planSeconds},
                              {QStringLiteral("simulateSeconds"), s.simulateSeconds},
                              {QStringLiteral("renderSeconds"), s.renderSeconds},
                              {QStringLiteral("encodeSeconds"), s.encodeSeconds},
                              {QStringLiteral("soundSeconds"), s.soundSeconds},
                              {QStringLiteral("outputSeconds"), s.outputSeconds}};
    store::Take take;
    take.id = takeId;
    take.shotId = spec.value().board.shots.at(spec.value().shotNumber - 1).id;
    take.specHash = job.specHash;
    take.seed = outcome.value().plan.seed;
    take.engineVersion = QString::fromLatin1(kEngineVersion);
    take.media = media;
    take.plan = QJsonDocument(toJson(outcome.value().plan)).toJson(QJsonDocument::Compact);
    take.endState = QJsonDocument(toJson(endState).value(QStringLiteral("entities")).toArray()).toJson(QJsonDocument::Compact);
    take.timings = QJsonDocument(timings).toJson(QJsonDocument::Compact);
    const core::Status recorded = jobs.complete(job.id, take);
    if (!recorded)
        QFile::remove(path); // cancelled meanwhile: the take is not kept
    say({{QStringLiteral("type"), QStringLiteral("finished")}, {QStringLiteral("ok"), recorded.ok()},
         {QStringLiteral("message"), recorded ? QString() : recorded.error().message}});
    return true;
}

} // namespace kinora::engine
