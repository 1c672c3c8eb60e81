// `kinora-cli render` as a user runs it: the shots go to a kinora-engine worker through the
// project's job queue, a second render reuses the takes (only an edited shot or other overrides
// render again), a SIGKILLed worker is restarted and the film still comes out, SIGTERM cancels
// leaving nothing, and a shot that cannot be rendered or a locked project is a clear error.
#include "media/mediadecoder.h"
#include "store/jobrepository.h"
#include "store/projectdatabase.h"
#include "store/projectlock.h"
#include "story/projectio.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>

using namespace kinora;

namespace {

QString cliPath()
{
    return QStringLiteral(KINORA_BINARY_DIR "/app/kinora-cli/kinora-cli");
}

story::Storyboard film(const QStringList &prompts, int durationDs, quint32 seed)
{
    story::Storyboard board;
    board.title = QStringLiteral("Render test");
    board.resolution = story::Resolution::P480;
    board.fps = 24;
    for (int i = 0; i < prompts.size(); ++i) {
        story::Shot shot = story::makeShot(prompts.at(i));
        shot.durationDs = durationDs;
        shot.seed = seed + quint32(i);
        board.shots << shot;
    }
    return board;
}

struct Run
{
    int code = -1;
    QString out, err;
    qint64 ms = 0;
};

/// A kinora-cli process with its own render cache; optionally watches stderr as it comes.
class Cli
{
public:
    explicit Cli(const QString &cacheHome, const QString &cacheMegabytes = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome);
        if (!cacheMegabytes.isEmpty())
            env.insert(QStringLiteral("KINORA_RENDER_CACHE_MB"), cacheMegabytes);
        m_process.setProcessEnvironment(env);
    }

    void start(const QStringList &args, const std::function<void(Cli &, const QString &)> &onErr = {})
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardError, [this, onErr] {
            const QString chunk = QString::fromUtf8(m_process.readAllStandardError());
            m_err += chunk;
            if (onErr)
                onErr(*this, m_err);
        });
        m_timer.start();
        m_process.start(cliPath(), args);
    }

    Run finish(int timeoutMs = 120000)
    {
        if (!m_process.waitForFinished(timeoutMs))
            m_process.kill();
        m_process.waitForFinished(5000);
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return {m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1,
                QString::fromUtf8(m_process.readAllStandardOutput()), m_err, m_timer.elapsed()};
    }

    /// Waits (running the event loop, so the stderr watcher runs) until the process ends.
    Run wait(int timeoutMs = 120000)
    {
        QSignalSpy finished(&m_process, &QProcess::finished);
        if (m_process.state() != QProcess::NotRunning)
            finished.wait(timeoutMs);
        return finish(1000);
    }

    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_err;
    QElapsedTimer m_timer;
};

Run render(const QString &cacheHome, const QStringList &args, const QString &cacheMegabytes = {})
{
    Cli cli(cacheHome, cacheMegabytes);
    cli.start(QStringList{QStringLiteral("render")} + args);
    return cli.finish();
}

/// Every worker pid the CLI announced, in order.
QList<qint64> workerPids(const QString &err)
{
    static const QRegularExpression started(QStringLiteral(R"(kinora-engine started \(pid (\d+)\))"));
    QList<qint64> pids;
    for (auto it = started.globalMatch(err); it.hasNext();)
        pids << it.next().captured(1).toLongLong();
    return pids;
}

QList<QByteArray> frames(const QString &path)
{
    const auto video = media::decodeVideoFrames(path, 0);
    return video ? video.value().frames : QList<QByteArray>{};
}

/// Mean absolute difference of two RGB frames, per byte.
double meanDifference(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return 255;
    qint64 sum = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        sum += std::abs(int(quint8(a[i])) - int(quint8(b[i])));
    return double(sum) / double(a.size());
}

/// Mean absolute difference in the top-left @p w x @p h pixels of two RGB frames @p width wide.
double cornerDifference(const QByteArray &a, const QByteArray &b, int width, int w, int h)
{
    if (a.size() != b.size() || a.size() < qsizetype(width) * h * 3)
        return 255;
    qint64 sum = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w * 3; ++x) {
            const qsizetype i = qsizetype(y) * width * 3 + x;
            sum += std::abs(int(quint8(a[i])) - int(quint8(b[i])));
        }
    return double(sum) / double(w * h * 3);
}

QJsonObject probe(const QString &path)
{
    QProcess ffprobe;
    ffprobe.start(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                                              QStringLiteral("-show_format"), QStringLiteral("-of"), QStringLiteral("json"), path});
    ffprobe.waitForFinished(30000);
    return QJsonDocument::fromJson(ffprobe.readAllStandardOutput()).object();
}

QString cacheProject(const QString &cacheHome)
{
    const QDir folder(cacheHome + QStringLiteral("/kinora/render"));
    const QStringList projects = folder.entryList({QStringLiteral("*.kinora")}, QDir::Files);
    return projects.size() == 1 ? folder.filePath(projects.first()) : QString();
}

struct QueueState
{
    QList<store::Job> jobs;
    QList<store::Take> takes;
};

QueueState queueOf(const QString &project)
{
    auto db = store::ProjectDatabase::attach(project);
    if (!db)
        return {};
    store::JobRepository repo(db.value()->db());
    return {repo.jobs().value(), repo.allTakes().value()};
}

} // namespace

class TestRenderCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersThroughTheWorkerAndReusesTakes()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QString boardPath = dir.filePath(QStringLiteral("film.json"));
        story::Storyboard board = film({QStringLiteral("A red ball bounces in a gym."),
                                        QStringLiteral("The ball rolls across the floor.")}, 10, 11);
        QVERIFY(story::writeStoryboardFile(board, boardPath).ok());
        const QStringList options{QStringLiteral("--resolution"), QStringLiteral("480p"), QStringLiteral("--fps"), QStringLiteral("6")};

        // First render: both shots by a kinora-engine worker, joined into H.264 + AAC.
        const QString first = dir.filePath(QStringLiteral("first.mp4"));
        const Run a = render(cache, QStringList{boardPath, QStringLiteral("-o"), first} + options);
        QVERIFY2(a.code == 0, qPrintable(a.err));
        QVERIFY2(a.out.contains(QStringLiteral("shots: 2 rendered, 0 reused from the cache")), qPrintable(a.out));
        QVERIFY2(a.err.contains(QStringLiteral("shot 2/2 render 100%")), qPrintable(a.err));
        const QList<qint64> pids = workerPids(a.err);
        QCOMPARE(pids.size(), 1);
        const QJsonObject info = probe(first);
        QStringList codecs;
        for (const QJsonValue &s : info.value(QStringLiteral("streams")).toArray())
            codecs << s.toObject().value(QStringLiteral("codec_name")).toString();
        QCOMPARE(codecs, (QStringList{QStringLiteral("h264"), QStringLiteral("aac")}));
        QVERIFY(std::abs(info.value(QStringLiteral("format")).toObject().value(QStringLiteral("duration")).toString().toDouble() - 2.0) < 0.05);
        const QList<QByteArray> firstFrames = frames(first);
        QCOMPARE(firstFrames.size(), 12);
        // The jobs live in the storyboard's cache project, claimed by that worker, one take each.
        const QString project = cacheProject(cache);
        QVERIFY2(!project.isEmpty(), "no single cache project");
        QueueState q = queueOf(project);
        QCOMPARE(q.jobs.size(), 2);
        for (const store::Job &job : q.jobs) {
            QCOMPARE(store::toString(job.state), QStringLiteral("done"));
            QCOMPARE(job.workerPid, pids.first());
        }
        QCOMPARE(q.takes.size(), 2);
        // The film is the takes in order, unmarked: the corner where an export's watermark starts
        // matches the take within coding noise.
        const QString mediaFolder = store::ProjectDatabase::mediaFolderFor(project) + QLatin1Char('/');
        for (int shot = 0; shot < 2; ++shot) {
            const store::Job &job = q.jobs.at(shot);
            const auto take = std::find_if(q.takes.cbegin(), q.takes.cend(), [&](const store::Take &t) { return t.id == job.takeId; });
            QVERIFY(take != q.takes.cend());
            const QList<QByteArray> takeFrames = frames(mediaFolder + take->media);
            QCOMPARE(takeFrames.size(), 6);
            for (int i = 0; i < 6; ++i) {
                const double corner = cornerDifference(firstFrames[shot * 6 + i], takeFrames[i], 854, 240, 80);
                QVERIFY2(corner < 3.0, qPrintable(QStringLiteral("shot %1 frame %2: corner differs by %3").arg(shot + 1).arg(i).arg(corner)));
            }
        }

        // Again: nothing is rendered, no worker starts, the film's frames are the same.
        const QString second = dir.filePath(QStringLiteral("second.mp4"));
        const Run b = render(cache, QStringList{boardPath, QStringLiteral("-o"), second} + options);
        QVERIFY2(b.code == 0, qPrintable(b.err));
        QVERIFY2(b.out.contains(QStringLiteral("shots: 0 rendered, 2 reused from the cache")), qPrintable(b.out));
        QVERIFY(workerPids(b.err).isEmpty());
        QVERIFY2(b.ms * 2 < a.ms, qPrintable(QStringLiteral("first %1 ms, cached %2 ms").arg(a.ms).arg(b.ms)));
        QVERIFY(frames(second) == firstFrames);
        QCOMPARE(queueOf(project).takes.size(), 2);

        // An edited second shot: only it renders again; the first shot's frames are untouched.
        board.shots[1].prompt = QStringLiteral("A dog runs across the floor.");
        QVERIFY(story::writeStoryboardFile(board, boardPath).ok());
        const QString third = dir.filePath(QStringLiteral("third.mp4"));
        const Run c = render(cache, QStringList{boardPath, QStringLiteral("-o"), third} + options);
        QVERIFY2(c.code == 0, qPrintable(c.err));
        QVERIFY2(c.out.contains(QStringLiteral("shots: 1 rendered, 1 reused from the cache")), qPrintable(c.out));
        QVERIFY(c.err.contains(QStringLiteral("shot 1/2 reused from the cache")));
        const QString shot1Take = q.jobs.first().takeId;
        QVERIFY2(c.err.contains(QStringLiteral("shot 1/2 reused from the cache (take %1)").arg(shot1Take)), qPrintable(c.err));
        q = queueOf(project);
        QCOMPARE(q.takes.size(), 3);
        QCOMPARE(q.jobs.size(), 3);
        QCOMPARE(q.jobs.last().shotId, board.shots[1].id);
        // The film is re-encoded as a whole, so shot 1 comes back within coding noise of the
        // first film, and shot 2 is another picture.
        const QList<QByteArray> thirdFrames = frames(third);
        QCOMPARE(thirdFrames.size(), 12);
        for (int i = 0; i < 12; ++i) {
            const double diff = meanDifference(thirdFrames[i], firstFrames[i]);
            QVERIFY2(i < 6 ? diff < 1.5 : diff > 3.0, qPrintable(QStringLiteral("frame %1 differs by %2").arg(i).arg(diff)));
        }

        // Other overrides are another spec: a different frame rate renders both shots again.
        const QString fourth = dir.filePath(QStringLiteral("fourth.mp4"));
        const Run d = render(cache, {boardPath, QStringLiteral("-o"), fourth, QStringLiteral("--resolution"),
                                     QStringLiteral("480p"), QStringLiteral("--fps"), QStringLiteral("8")});
        QVERIFY2(d.code == 0, qPrintable(d.err));
        QVERIFY2(d.out.contains(QStringLiteral("shots: 2 rendered, 0 reused from the cache")), qPrintable(d.out));
        QCOMPARE(frames(fourth).size(), 16);
    }

    void aFountainScriptRendersTheSameFilmAgain()
    {
        // Fountain has no seeds (reading draws random ones): the render derives them from each
        // shot's place and prompt, so the second render is the first one's takes.
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QString script = dir.filePath(QStringLiteral("gym.fountain"));
        QVERIFY(story::writeFileAtomically(script, "INT. GYM - DAY\n\nA red ball bounces on the floor.\n").ok());
        const QStringList options{QStringLiteral("--resolution"), QStringLiteral("480p"), QStringLiteral("--fps"), QStringLiteral("4")};
        const Run a = render(cache, QStringList{script, QStringLiteral("-o"), dir.filePath(QStringLiteral("a.mp4"))} + options);
        QVERIFY2(a.code == 0, qPrintable(a.err));
        QVERIFY2(a.out.contains(QStringLiteral("shots: 1 rendered, 0 reused")), qPrintable(a.out));
        const Run b = render(cache, QStringList{script, QStringLiteral("-o"), dir.filePath(QStringLiteral("b.mp4"))} + options);
        QVERIFY2(b.code == 0, qPrintable(b.err));
        QVERIFY2(b.out.contains(QStringLiteral("shots: 0 rendered, 1 reused")), qPrintable(b.out));
        QVERIFY(frames(dir.filePath(QStringLiteral("a.mp4"))) == frames(dir.filePath(QStringLiteral("b.mp4"))));
    }

    void theCacheKeepsWithinItsLimit()
    {
        // With no room to spare, each render keeps only its own storyboard's cache: the least
        // recently rendered ones go (and come back as fresh renders).
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QStringList options{QStringLiteral("--resolution"), QStringLiteral("480p"), QStringLiteral("--fps"), QStringLiteral("4")};
        auto renderScript = [&](const QString &name, const QString &megabytes) {
            const QString script = dir.filePath(name + QStringLiteral(".fountain"));
            if (!QFileInfo::exists(script))
                story::writeFileAtomically(script, "INT. GYM - DAY\n\nA red ball bounces on the floor.\n");
            return render(cache, QStringList{script, QStringLiteral("-o"), dir.filePath(name + QStringLiteral(".mp4"))} + options,
                          megabytes);
        };
        const QDir folder(cache + QStringLiteral("/kinora/render"));
        const Run a = renderScript(QStringLiteral("a"), {});
        QVERIFY2(a.code == 0, qPrintable(a.err));
        const Run b = renderScript(QStringLiteral("b"), {}); // the default limit (20 GiB) keeps both
        QVERIFY2(b.code == 0, qPrintable(b.err));
        QCOMPARE(folder.entryList({QStringLiteral("*.kinora")}, QDir::Files).size(), 2);
        QVERIFY2(!b.err.contains(QStringLiteral("older storyboard cache")), qPrintable(b.err));
        const Run c = renderScript(QStringLiteral("c"), QStringLiteral("0"));
        QVERIFY2(c.code == 0, qPrintable(c.err));
        QVERIFY2(c.err.contains(QStringLiteral("removed 2 older storyboard cache(s)")), qPrintable(c.err));
        const QStringList left = folder.entryList({QStringLiteral("*.kinora")}, QDir::Files);
        QVERIFY2(left.size() == 1 && left.first().startsWith(QStringLiteral("c-")), qPrintable(left.join(QLatin1Char(' '))));
        QCOMPARE(folder.entryList({QStringLiteral("*.media")}, QDir::Dirs).size(), 1);
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("c.mp4"))));
        const Run again = renderScript(QStringLiteral("a"), {}); // a's takes were removed
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("shots: 1 rendered, 0 reused")), qPrintable(again.out));

        // Least recently rendered goes first: c, a and b rendered, then c again (reused, which
        // counts as a use); with room for about two and a half caches, d's render removes a (and
        // b when the room is short), never c.
        QThread::msleep(1100); // file times in whole seconds on some file systems
        QVERIFY(renderScript(QStringLiteral("b"), {}).code == 0);
        QThread::msleep(1100);
        const Run reuse = renderScript(QStringLiteral("c"), {});
        QVERIFY2(reuse.out.contains(QStringLiteral("shots: 0 rendered, 1 reused")), qPrintable(reuse.out));
        qint64 largest = 0;
        for (const QString &name : folder.entryList({QStringLiteral("*.kinora")}, QDir::Files)) {
            qint64 bytes = QFileInfo(folder.filePath(name)).size();
            QString media = folder.filePath(name);
            media.chop(int(qstrlen(".kinora")));
            QDirIterator it(media + QStringLiteral(".media"), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                bytes += QFileInfo(it.next()).size();
            for (const char *suffix : {"-wal", "-shm"})
                bytes += QFileInfo(folder.filePath(name) + QLatin1String(suffix)).size();
            largest = std::max(largest, bytes);
        }
        const QString room = QString::number(2.5 * double(largest) / (1024 * 1024), 'f', 6);
        const Run d = renderScript(QStringLiteral("d"), room);
        QVERIFY2(d.code == 0, qPrintable(d.err));
        QStringList kept = folder.entryList({QStringLiteral("*.kinora")}, QDir::Files);
        for (QString &name : kept)
            name = name.left(1);
        QVERIFY2(!kept.contains(QStringLiteral("a")) && kept.contains(QStringLiteral("c")) && kept.contains(QStringLiteral("d")),
                 qPrintable(kept.join(QLatin1Char(' ')) + QLatin1Char('\n') + d.err));
    }

    void killedWorkerIsRestartedAndTheFilmComesOut()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QString boardPath = dir.filePath(QStringLiteral("film.json"));
        QVERIFY(story::writeStoryboardFile(film({QStringLiteral("A dog runs on a beach."),
                                                 QStringLiteral("The dog jumps into the water.")}, 20, 40), boardPath).ok());
        const QString out = dir.filePath(QStringLiteral("film.mp4"));
        qint64 killed = 0;
        Cli cli(cache);
        cli.start({QStringLiteral("render"), boardPath, QStringLiteral("-o"), out, QStringLiteral("--fps"), QStringLiteral("6")},
                  [&](Cli &, const QString &err) {
                      // Once shot 1 is part-way through rendering, SIGKILL its worker.
                      static const QRegularExpression partWay(QStringLiteral(R"(shot 1/2 render ([1-9]\d?)%)"));
                      const QList<qint64> pids = workerPids(err);
                      if (killed == 0 && !pids.isEmpty() && partWay.match(err).hasMatch()) {
                          killed = pids.first();
                          ::kill(pid_t(killed), SIGKILL);
                      }
                  });
        const Run run = cli.wait();
        QVERIFY2(killed != 0, qPrintable(run.err));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("killed or crashed")), qPrintable(run.err));
        const QList<qint64> pids = workerPids(run.err);
        QVERIFY2(pids.size() >= 2 && pids.at(1) != killed, qPrintable(run.err));
        QCOMPARE(frames(out).size(), 24);
        const QString project = cacheProject(cache);
        const QueueState q = queueOf(project);
        QCOMPARE(q.jobs.size(), 2);
        QCOMPARE(store::toString(q.jobs.first().state), QStringLiteral("done"));
        QCOMPARE(q.jobs.first().attempts, 2); // the killed attempt, then the one that finished
        QCOMPARE(q.takes.size(), 2);          // and the killed attempt left no take
        const QStringList partials = QDir(store::ProjectDatabase::mediaFolderFor(project) + QStringLiteral("/takes"))
                                         .entryList({QStringLiteral("*.partial")}, QDir::Files);
        QVERIFY2(partials.isEmpty(), qPrintable(partials.join(QLatin1Char(' '))));
    }

    void sigtermCancelsAndLeavesNoFilm()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QString boardPath = dir.filePath(QStringLiteral("film.json"));
        QVERIFY(story::writeStoryboardFile(film({QStringLiteral("A man walks on a street at night."),
                                                 QStringLiteral("A car drives past him.")}, 20, 70), boardPath).ok());
        const QString out = dir.filePath(QStringLiteral("film.mp4"));
        bool sent = false;
        Cli cli(cache);
        cli.start({QStringLiteral("render"), boardPath, QStringLiteral("-o"), out, QStringLiteral("--fps"), QStringLiteral("6")},
                  [&](Cli &self, const QString &err) {
                      if (!sent && err.contains(QStringLiteral("shot 1/2 render"))) {
                          sent = true;
                          ::kill(pid_t(self.process().processId()), SIGTERM);
                      }
                  });
        const Run run = cli.wait();
        QVERIFY(sent);
        QCOMPARE(run.code, 130);
        QVERIFY2(run.err.contains(QStringLiteral("cancelled")), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
        const QList<qint64> pids = workerPids(run.err);
        QCOMPARE(pids.size(), 1);
        QVERIFY(::kill(pid_t(pids.first()), 0) != 0); // the worker is gone too
        const QueueState q = queueOf(cacheProject(cache));
        QCOMPARE(q.jobs.size(), 2);
        for (const store::Job &job : q.jobs)
            QCOMPARE(store::toString(job.state), QStringLiteral("cancelled"));
        QVERIFY(q.takes.isEmpty());
    }

    void aShotThatCannotBeRenderedIsNamed()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QString boardPath = dir.filePath(QStringLiteral("film.json"));
        story::Storyboard board = film({QStringLiteral("A red ball bounces in a gym."),
                                        QStringLiteral("The ball rolls across the floor.")}, 10, 90);
        board.shots[1].plan = QJsonObject{{QStringLiteral("environment"), 42}}; // an edited plan that is not one
        QVERIFY(story::writeStoryboardFile(board, boardPath).ok());
        const QString out = dir.filePath(QStringLiteral("film.mp4"));
        const Run run = render(cache, {boardPath, QStringLiteral("-o"), out, QStringLiteral("--fps"), QStringLiteral("6")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("error: shot 2 could not be rendered (3 attempts)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("edited plan")), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));

        const Run missing = render(cache, {dir.filePath(QStringLiteral("nope.json")), QStringLiteral("-o"), out});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("does not exist")), qPrintable(missing.err));
        QVERIFY(!QFile::exists(out));
    }

    void aProjectRendersIntoItselfUnlessTheStudioHasIt()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QString project = dir.filePath(QStringLiteral("film.kinora"));
        QVERIFY(story::writeStoryboardFile(film({QStringLiteral("A red ball bounces in a gym.")}, 10, 5), project).ok());
        const QString out = dir.filePath(QStringLiteral("film.mp4"));
        const QStringList args{project, QStringLiteral("-o"), out, QStringLiteral("--fps"), QStringLiteral("6")};
        {
            auto lock = store::ProjectLock::acquire(project); // as the studio holds it
            QVERIFY(lock.ok());
            const Run refused = render(cache, args);
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("already open")), qPrintable(refused.err));
            QVERIFY(!QFile::exists(out));
            QVERIFY(queueOf(project).jobs.isEmpty());
        }
        const Run run = render(cache, args);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(frames(out).size(), 6);
        const QueueState q = queueOf(project);
        QCOMPARE(q.jobs.size(), 1);
        QCOMPARE(q.takes.size(), 1);
        QVERIFY(QFile::exists(store::ProjectDatabase::mediaFolderFor(project) + QLatin1Char('/') + q.takes.first().media));
        QVERIFY(!QDir(cache + QStringLiteral("/kinora/render")).exists()); // no cache for a project
    }
};

QTEST_GUILESS_MAIN(TestRenderCli)
#include "tst_render_cli.moc"
