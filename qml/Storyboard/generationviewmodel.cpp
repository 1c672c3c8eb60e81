// GenerationViewModel implementation. The queue lives in the project file, so this view-model
// only writes requests there and polls a snapshot back (off the GUI thread) while work is active.
#include "generationviewmodel.h"

#include "core/logging.h"
#include "engine/enginesupervisor.h"
#include "engine/jobspec.h"
#include "store/jobrepository.h"
#include "store/projectdatabase.h"
#include "storyboardviewmodel.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace kinora::storyboard {
namespace {

/// Runs @p work on the pool with its own connection to the project; @p done gets its result.
template <typename T, typename Work, typename Done>
void withProject(QObject *context, const QString &path, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path, work]() -> T {
        auto db = store::ProjectDatabase::attach(path);
        if (!db) {
            qCWarning(lcApp) << "generation: cannot read the queue:" << db.error().toString();
            return T{};
        }
        store::JobRepository jobs(db.value()->db());
        return work(jobs, path);
    }));
}

QVariantMap takeMap(const store::Take &t, const QString &projectPath)
{
    const QString folder = store::ProjectDatabase::mediaFolderFor(projectPath) + QLatin1Char('/');
    QString poster = t.media;
    poster.replace(QLatin1String(".mp4"), QLatin1String(".png"));
    return {{QStringLiteral("id"), t.id}, {QStringLiteral("hero"), t.hero}, {QStringLiteral("seed"), qint64(t.seed)},
            {QStringLiteral("media"), folder + t.media},
            {QStringLiteral("poster"), QFileInfo::exists(folder + poster) ? QUrl::fromLocalFile(folder + poster).toString() : QString()},
            {QStringLiteral("createdAt"), t.createdAt},
            // What the engine could not do for this take (a line too long, an unknown language...).
            {QStringLiteral("notes"), QJsonDocument::fromJson(t.plan).object().value(QStringLiteral("notes")).toVariant()}};
}

} // namespace

GenerationViewModel::GenerationViewModel(StoryboardViewModel *storyboard)
    : QObject(storyboard), m_storyboard(storyboard)
{
    m_poll.setInterval(500);
    connect(&m_poll, &QTimer::timeout, this, &GenerationViewModel::refresh);
}

GenerationViewModel::~GenerationViewModel() = default;

void GenerationViewModel::projectChanged(const QString &path)
{
    if (path == m_projectPath)
        return;
    delete m_supervisor;
    m_supervisor = nullptr;
    m_status.clear();
    m_takes.clear();
    m_projectPath = path;
    m_poll.stop();
    Q_EMIT statusChanged();
    if (path.isEmpty())
        return;
    m_supervisor = new engine::EngineSupervisor(path, engine::EngineSupervisor::locateWorker(), this);
    connect(m_supervisor, &engine::EngineSupervisor::workerDied, this, [this](const QString &reason) {
        m_workerMessage = tr("The generation worker stopped (%1); it was restarted and the shot starts again.").arg(reason);
        Q_EMIT workerMessageChanged();
    });
    connect(m_supervisor, &engine::EngineSupervisor::progress, this, [this] { refresh(); });
    connect(m_supervisor, &engine::EngineSupervisor::jobFinished, this, [this] { refresh(); });
    m_supervisor->start();
    m_poll.start();
    refresh();
}

void GenerationViewModel::refresh()
{
    if (m_refreshing || m_projectPath.isEmpty())
        return;
    m_refreshing = true;
    withProject<QVariantMap>(this, m_projectPath, [](store::JobRepository &jobs, const QString &path) {
        QVariantList jobList, takeList;
        // A busy or unreadable queue skips this refresh (the next poll tries again): never value()
        // of an error.
        const auto all = jobs.jobs();
        const auto allTakes = jobs.allTakes();
        if (!all || !allTakes) {
            qCWarning(lcApp) << "generation: cannot read the queue:" << (all ? allTakes.error() : all.error()).toString();
            return QVariantMap{{QStringLiteral("valid"), false}};
        }
        for (const store::Job &j : all.value())
            jobList << QVariantMap{{QStringLiteral("id"), j.id}, {QStringLiteral("shot"), j.shotId},
                                   {QStringLiteral("state"), store::toString(j.state)}, {QStringLiteral("stage"), j.stage},
                                   {QStringLiteral("done"), j.framesDone}, {QStringLiteral("total"), j.framesTotal},
                                   {QStringLiteral("error"), j.error}, {QStringLiteral("attempts"), j.attempts}};
        for (const store::Take &t : allTakes.value()) {
            QVariantMap m = takeMap(t, path);
            m.insert(QStringLiteral("shot"), t.shotId);
            takeList << m;
        }
        return QVariantMap{{QStringLiteral("jobs"), jobList}, {QStringLiteral("takes"), takeList},
                           {QStringLiteral("paused"), jobs.isPaused()}, {QStringLiteral("valid"), true}};
    }, [this](const QVariantMap &snapshot) {
        m_refreshing = false;
        if (snapshot.value(QStringLiteral("valid")).toBool())
            applySnapshot(snapshot);
    });
}

void GenerationViewModel::applySnapshot(const QVariantMap &snapshot)
{
    QHash<QString, QVariantMap> status;
    QHash<QString, QVariantList> takes;
    for (const QVariant &v : snapshot.value(QStringLiteral("takes")).toList()) {
        const QVariantMap t = v.toMap();
        takes[t.value(QStringLiteral("shot")).toString()] << t;
    }
    // The last job of each shot decides its state; earlier ones are history.
    QVariantList running, queued;
    for (const QVariant &v : snapshot.value(QStringLiteral("jobs")).toList()) {
        const QVariantMap j = v.toMap();
        const QString shot = j.value(QStringLiteral("shot")).toString();
        const QString jobId = j.value(QStringLiteral("id")).toString();
        const QString state = j.value(QStringLiteral("state")).toString();
        const int done = j.value(QStringLiteral("done")).toInt();
        const int total = j.value(QStringLiteral("total")).toInt();
        const QString stage = j.value(QStringLiteral("stage")).toString();
        QVariantMap s{{QStringLiteral("state"), state}, {QStringLiteral("stage"), stage},
                      {QStringLiteral("progress"), total > 0 ? double(done) / total : 0.0},
                      {QStringLiteral("error"), j.value(QStringLiteral("error"))}, {QStringLiteral("job"), jobId}};
        if (state == QLatin1String("running") && stage == QLatin1String("render") && done > 0) {
            QElapsedTimer &since = m_runningSince[jobId];
            if (!since.isValid())
                since.start();
            const double perFrame = since.elapsed() / 1000.0 / std::max(1, done);
            s.insert(QStringLiteral("etaSeconds"), perFrame * (total - done));
        }
        status.insert(shot, s);
        if (state == QLatin1String("running") || state == QLatin1String("queued")) {
            QVariantMap entry = s;
            entry.insert(QStringLiteral("shot"), shot);
            entry.insert(QStringLiteral("number"), m_storyboard->storyboardSnapshot().indexOf(shot) + 1);
            (state == QLatin1String("running") ? running : queued) << entry;
        }
    }
    const QVariantList queue = running + queued;
    for (auto it = takes.constBegin(); it != takes.constEnd(); ++it) {
        QVariantMap &s = status[it.key()];
        if (!s.contains(QStringLiteral("state")))
            s.insert(QStringLiteral("state"), QStringLiteral("done"));
        s.insert(QStringLiteral("takes"), it.value().size());
        for (const QVariant &t : it.value())
            if (t.toMap().value(QStringLiteral("hero")).toBool())
                s.insert(QStringLiteral("poster"), t.toMap().value(QStringLiteral("poster")));
    }
    const bool same = status == m_status && takes == m_takes && queue == m_queue;
    m_queue = queue;
    m_status = status;
    m_takes = takes;
    const bool paused = snapshot.value(QStringLiteral("paused")).toBool();
    if (paused != m_paused) {
        m_paused = paused;
        Q_EMIT pausedChanged();
    }
    if (!same) {
        ++m_revision;
        Q_EMIT statusChanged();
    }
    // Poll only while something is queued or running; requests and worker messages refresh too.
    if (activeJobs() == 0)
        m_poll.stop();
    else if (!m_poll.isActive())
        m_poll.start();
}

int GenerationViewModel::activeJobs() const
{
    int n = 0;
    for (const QVariantMap &s : m_status) {
        const QString state = s.value(QStringLiteral("state")).toString();
        n += state == QLatin1String("queued") || state == QLatin1String("running");
    }
    return n;
}

QVariantMap GenerationViewModel::statusFor(const QString &shotId) const
{
    return m_status.value(shotId, {{QStringLiteral("state"), QStringLiteral("draft")}});
}

QVariantList GenerationViewModel::takesFor(const QString &shotId) const
{
    return m_takes.value(shotId);
}

void GenerationViewModel::setPaused(bool paused)
{
    if (m_projectPath.isEmpty())
        return;
    withProject<bool>(this, m_projectPath, [paused](store::JobRepository &jobs, const QString &) {
        return jobs.setPaused(paused).ok();
    }, [this](bool) {
        if (m_supervisor)
            m_supervisor->wake();
        refresh();
    });
    m_paused = paused;
    Q_EMIT pausedChanged();
}

void GenerationViewModel::generateSelected()
{
    QList<int> rows;
    for (const QString &id : m_storyboard->selectedShotIds())
        rows << m_storyboard->storyboardSnapshot().indexOf(id);
    enqueue(rows, false);
}

void GenerationViewModel::generateAll()
{
    QList<int> rows;
    for (int i = 0; i < m_storyboard->storyboardSnapshot().shots.size(); ++i)
        rows << i;
    enqueue(rows, false);
}

void GenerationViewModel::regenerate(const QString &shotId)
{
    const int row = m_storyboard->storyboardSnapshot().indexOf(shotId);
    if (row >= 0)
        enqueue({row}, true);
}

void GenerationViewModel::enqueue(const QList<int> &rows, bool newSeed)
{
    if (m_projectPath.isEmpty())
        return;
    if (newSeed)
        for (int row : rows)
            m_storyboard->renewSeed(row);
    const story::Storyboard board = m_storyboard->storyboardSnapshot();
    QList<engine::JobSpec> specs;
    for (int row : rows)
        if (row >= 0 && row < board.shots.size())
            specs << engine::JobSpec{board, {}, row + 1};
    withProject<int>(this, m_projectPath, [specs](store::JobRepository &jobs, const QString &) {
        int queued = 0;
        const auto all = jobs.jobs();
        if (!all) {
            qCWarning(lcApp) << "generation: cannot read the queue to add shots:" << all.error().toString();
            return -1;
        }
        const QList<store::Job> &existing = all.value();
        for (const engine::JobSpec &spec : specs) {
            const QString hash = engine::specHash(spec);
            const QString shotId = spec.board.shots.at(spec.shotNumber - 1).id;
            if (auto cached = jobs.takeForSpec(hash); cached && cached.value()) {
                jobs.setHero(cached.value()->id); // same spec, seed and engine: reuse the take
                continue;
            }
            const bool pending = std::any_of(existing.begin(), existing.end(), [&](const store::Job &j) {
                return j.specHash == hash && (j.state == store::JobState::Queued || j.state == store::JobState::Running);
            });
            if (!pending && jobs.enqueue(shotId, engine::toJson(spec), hash))
                ++queued;
        }
        return queued;
    }, [this](int queued) {
        if (queued < 0) {
            m_workerMessage = tr("The generation queue could not be read, so nothing was queued. Try again; if it "
                                 "keeps failing, reopen the project.");
            Q_EMIT workerMessageChanged();
        }
        if (m_supervisor)
            m_supervisor->wake();
        refresh();
    });
}

void GenerationViewModel::cancel(const QString &shotId)
{
    withProject<int>(this, m_projectPath, [shotId](store::JobRepository &jobs, const QString &) {
        int n = 0;
        const auto all = jobs.jobs();
        if (!all) {
            qCWarning(lcApp) << "generation: cannot read the queue to cancel:" << all.error().toString();
            return 0;
        }
        for (const store::Job &j : all.value())
            if (j.shotId == shotId && (j.state == store::JobState::Queued || j.state == store::JobState::Running))
                n += jobs.cancel(j.id).ok();
        return n;
    }, [this](int) { refresh(); });
}

void GenerationViewModel::setHeroTake(const QString &takeId)
{
    withProject<bool>(this, m_projectPath, [takeId](store::JobRepository &jobs, const QString &) {
        return jobs.setHero(takeId).ok();
    }, [this](bool) { refresh(); });
}

void GenerationViewModel::moveInQueue(const QString &jobId, int index)
{
    withProject<bool>(this, m_projectPath, [jobId, index](store::JobRepository &jobs, const QString &) {
        return jobs.moveQueued(jobId, std::max(0, index)).ok();
    }, [this](bool) { refresh(); });
}

void GenerationViewModel::cancelJob(const QString &jobId)
{
    withProject<bool>(this, m_projectPath, [jobId](store::JobRepository &jobs, const QString &) {
        return jobs.cancel(jobId).ok();
    }, [this](bool) { refresh(); });
}

} // namespace kinora::storyboard
