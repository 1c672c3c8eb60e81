// Smoke test: the real `kinora` binary starts on the offscreen platform with a sample project,
// shows its ten shots, saves a screenshot that is not blank, and quits cleanly.
#include "story/projectio.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace kinora;

class TestSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void studioShowsTheSampleProject()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("sample.kinora"));
        const auto board = story::readStoryboardFile(QStringLiteral(KINORA_TEST_DATA "/sample-storyboard.json"));
        QVERIFY2(board.ok(), qPrintable(board.error().toString()));
        QVERIFY(story::writeStoryboardFile(board.value(), project).ok());
        const QString screenshot = dir.filePath(QStringLiteral("studio.png"));

        QProcess studio;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        studio.setProcessEnvironment(env);
        studio.start(QStringLiteral(KINORA_BINARY_DIR "/app/kinora/kinora"),
                     {project, QStringLiteral("--check"), QStringLiteral("--screenshot"), screenshot});
        QVERIFY(studio.waitForFinished(60000));
        const QString out = QString::fromUtf8(studio.readAllStandardOutput());
        const QString err = QString::fromUtf8(studio.readAllStandardError());
        QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
        QVERIFY2(studio.exitCode() == 0, qPrintable(out + err));
        QVERIFY2(out.contains(QStringLiteral("shot cards shown: 10")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("sample")), qPrintable(out)); // project name in the title

        const QImage image(screenshot);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1440, 880));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, "the screenshot is nearly blank");
        QVERIFY(!QFile::exists(project + QStringLiteral(".lock"))); // released on a clean quit
    }

    void terminateSavesAndReleasesTheProject()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("term.kinora"));
        const auto board = story::readStoryboardFile(QStringLiteral(KINORA_TEST_DATA "/sample-storyboard.json"));
        QVERIFY(story::writeStoryboardFile(board.value(), project).ok());
        QProcess studio;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        studio.setProcessEnvironment(env);
        studio.start(QStringLiteral(KINORA_BINARY_DIR "/app/kinora/kinora"), {project});
        QVERIFY(studio.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(project + QStringLiteral(".lock")), 20000);
        studio.terminate(); // SIGTERM, as a desktop session ending or `kill` would send
        QVERIFY(studio.waitForFinished(15000));
        QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
        QCOMPARE(studio.exitCode(), 0);
        QVERIFY(!QFile::exists(project + QStringLiteral(".lock")));
        QCOMPARE(story::readStoryboardFile(project).value().shots.size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
