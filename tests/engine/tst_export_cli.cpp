// `kinora-cli export` as a user runs it: bad input answered with a message and an exit code,
// shots without takes named, a full disk (RLIMIT_FSIZE) and SIGTERM leave nothing, a poster.
#include "tst_export_project.h"

#include "store/schema.h"

#include <QImage>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sys/resource.h>

using namespace kinora;
using namespace exporttest;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &args, qint64 fileSizeLimit = 0)
{
    QProcess process;
    if (fileSizeLimit > 0) {
        // A full disk without root: the kernel refuses writes past the limit with EFBIG, and
        // ignoring SIGXFSZ turns the would-be kill into that error.
        process.setChildProcessModifier([fileSizeLimit] {
            ::signal(SIGXFSZ, SIG_IGN);
            const struct rlimit limit{rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    process.start(cli(), QStringList{QStringLiteral("export")} + args);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QString m_gappy; ///< shot 2 of 3 has no take

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool folderHasNo(const QString &fragment) const
    {
        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files))
            if (name.contains(fragment))
                return false;
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty())
            QSKIP("ffprobe is needed to check the exported files (apt-get install ffmpeg)");
        QVERIFY(QFile::exists(cli()));
        m_project = path(QStringLiteral("film.kinora"));
        core::Status st = makeProject(m_project, standardTakes());
        QVERIFY2(st.ok(), qPrintable(st.error().toString()));
        m_gappy = path(QStringLiteral("gappy.kinora"));
        const QList<TakeSpec> short3{{0, 0.5, 220, {}}, {1, 0.5, 440, {}}, {2, 0.5, 880, {}}};
        st = makeProject(m_gappy, short3, {2});
        QVERIFY2(st.ok(), qPrintable(st.error().toString()));
    }

    void badInputGetsMessageAndExitCode()
    {
        Run r = runCli({path(QStringLiteral("nothere.kinora")), QStringLiteral("-o"), path(QStringLiteral("x.mp4"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no project")), qPrintable(r.err));
        r = runCli({m_project, QStringLiteral("-o"), path(QStringLiteral("x.mp4")), QStringLiteral("--preset"), QStringLiteral("imax")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--preset")));
        r = runCli({m_project, QStringLiteral("-o"), path(QStringLiteral("x.mov"))});
        QCOMPARE(r.exitCode, 2);
        r = runCli({m_project, QStringLiteral("-o"), path(QStringLiteral("x.mp4")), QStringLiteral("--range"), QStringLiteral("3-1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("ends before it starts")));
        r = runCli({m_project, QStringLiteral("-o"), path(QStringLiteral("x.mp4")), QStringLiteral("--range"), QStringLiteral("1-60")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("4.75 s long")), qPrintable(r.err));
        r = runCli({m_project, QStringLiteral("-o"), path(QStringLiteral("x.mp4")), QStringLiteral("--shots"), QStringLiteral("2-7")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("between 1 and 3")), qPrintable(r.err));
        QVERIFY(folderHasNo(QStringLiteral("x.mp")));
    }

    void olderProjectIsRefusedUntouched()
    {
        // Exporting never migrates: an older project must be opened (upgraded) in the studio first.
        const QString old = path(QStringLiteral("old.kinora"));
        QVERIFY(QFile::copy(m_project, old));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(old);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(store::kSchemaVersion - 1));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
        const QByteArray before = bytesOf(old);
        const Run r = runCli({old, QStringLiteral("-o"), path(QStringLiteral("old.mp4"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("older Kinora")), qPrintable(r.err));
        QCOMPARE(bytesOf(old), before);
        QVERIFY(!QFile::exists(path(QStringLiteral("old.mp4"))));
    }

    void shotsWithoutTakesAreNamed()
    {
        const QString out = path(QStringLiteral("gappy.mp4"));
        Run r = runCli({m_gappy, QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Shot 2 has no generated take yet")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("--skip-missing")));
        QVERIFY(!QFile::exists(out));
        r = runCli({m_gappy, QStringLiteral("-o"), out, QStringLiteral("--skip-missing"), QStringLiteral("--quality"),
                    QStringLiteral("fast")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(QStringLiteral("left out 2")));
        const QJsonObject probe = ffprobe(out);
        const double duration = probe.value(QStringLiteral("format")).toObject().value(QStringLiteral("duration")).toString().toDouble();
        QVERIFY2(qAbs(duration - 1.0) <= 1.0 / kFps, qPrintable(QString::number(duration)));
    }

    void fullDiskLeavesNothingAndNamesTheProblem()
    {
        const QByteArray before = bytesOf(m_project);
        const QString out = path(QStringLiteral("full.mp4"));
        // 64 KB fills up while frames are written; 200 KB only when faststart moves the index.
        for (const qint64 limit : {qint64(64) * 1024, qint64(200) * 1024}) {
            const Run r = runCli({m_project, QStringLiteral("-o"), out, QStringLiteral("--preset"),
                                  QStringLiteral("landscape-720"), QStringLiteral("--poster"), path(QStringLiteral("full.png"))},
                                 limit);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("disk is full")), qPrintable(r.err));
            QVERIFY(!QFile::exists(out));
            QVERIFY(!QFile::exists(path(QStringLiteral("full.png"))));
            QVERIFY(folderHasNo(QStringLiteral(".partial")));
            QVERIFY(folderHasNo(QStringLiteral("full.")));
            QCOMPARE(bytesOf(m_project), before);
        }
    }

    void sigtermCancelsCleanly()
    {
        const QString out = path(QStringLiteral("term.mp4"));
        QProcess process;
        process.start(cli(), {QStringLiteral("export"), m_project, QStringLiteral("-o"), out, QStringLiteral("--quality"),
                              QStringLiteral("high"), QStringLiteral("--preset"), QStringLiteral("landscape-1080")});
        QVERIFY(process.waitForStarted());
        QByteArray err;
        // Wait until frames are being encoded, then stop it as a user or a service manager would.
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError(), err.contains("% ") && !err.endsWith(" 0%   ")), 60000);
        process.terminate();
        QVERIFY(process.waitForFinished(60000));
        err += process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(err.contains("cancelled"), err.constData());
        QVERIFY(!QFile::exists(out));
        QVERIFY(folderHasNo(QStringLiteral(".partial")));
    }

    void posterIsTheFrameAtOneSecondOrMidFirstClip()
    {
        const QString out = path(QStringLiteral("poster.mp4"));
        const QString poster = path(QStringLiteral("poster.png"));
        const Run r = runCli({m_project, QStringLiteral("-o"), out, QStringLiteral("--range"), QStringLiteral("0-2"),
                              QStringLiteral("--poster"), poster, QStringLiteral("--handle"), QStringLiteral("maya")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("landscape-720")), qPrintable(r.out)); // from the 720p storyboard
        const QImage image(poster);
        QCOMPARE(image.size(), QSize(kWidth, kHeight));
        // The first clip is 1.5 s long, so the poster is its middle (0.75 s): frame 18 of the bright
        // take, whose dark box then spans x 360..399 (at 1 s it would span 480..519).
        QVERIFY2(qGray(image.pixel(380, 320)) < 40, qPrintable(QString::number(qGray(image.pixel(380, 320)))));
        QVERIFY2(qGray(image.pixel(500, 320)) > 180, qPrintable(QString::number(qGray(image.pixel(500, 320)))));
        QVERIFY(qGray(image.pixel(kWidth / 2, kHeight / 2)) > 180);
    }
};

QTEST_MAIN(TestExportCli)
#include "tst_export_cli.moc"
