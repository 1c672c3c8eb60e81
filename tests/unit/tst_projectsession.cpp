// ProjectSession as the studio uses it: edits saved as they happen and found on reopen, a second
// open of the same project refused, bad files refused untouched, Save As continuing in the copy.
#include "core/ids.h"
#include "store/projectdatabase.h"
#include "story/projectio.h"
#include "story/projectsession.h"
#include "story/storyboarddocument.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "testsupport.h"

using namespace kinora;

namespace {

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(test::readBytes(path), QCryptographicHash::Sha256);
}

story::Storyboard tenShots()
{
    story::Storyboard board;
    board.title = QStringLiteral("Ten");
    for (int i = 0; i < 10; ++i)
        board.shots << story::makeShot(QStringLiteral("shot %1").arg(i + 1));
    return board;
}

} // namespace

class TestProjectSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsAreThereOnReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("film.kinora"));
        story::Storyboard expected;
        {
            story::StoryboardDocument doc;
            story::ProjectSession session;
            session.attach(&doc);
            QSignalSpy opened(&session, &story::ProjectSession::opened);
            session.createProject(path, tenShots());
            QVERIFY(opened.wait(5000));
            doc.reset(opened.first().at(1).value<story::Storyboard>());
            const auto &shots = doc.storyboard().shots;
            QVERIFY(doc.requestMoveShots({shots.at(9).id, shots.at(3).id}, 0));
            story::Shot edited = doc.storyboard().shots.at(5);
            edited.prompt = QStringLiteral("A dog runs along the beach\nat sunset.");
            edited.durationDs = 73;
            edited.camera = story::CameraMove::Orbit;
            edited.dialogue << story::DialogueLine{core::newId(), QStringLiteral("ANA"), QStringLiteral("es"),
                                                   QStringLiteral("¡Vamos!"), {}, 1500};
            QVERIFY(doc.requestUpdateShot(edited));
            QVERIFY(doc.requestRemoveShots({doc.storyboard().shots.at(1).id, doc.storyboard().shots.at(7).id}));
            QVERIFY(doc.requestAddShot(2));
            QVERIFY(doc.undoStack()->undo()); // undo is saved like any edit
            story::StoryboardSettings s = doc.settings();
            s.fps = 30;
            s.aspect = story::Aspect::Tall9x16;
            QVERIFY(doc.requestSetSettings(s));
            expected = doc.storyboard();
            QVERIFY(session.flush(5000));
        }
        const auto reopened = story::readStoryboardFile(path);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error().toString()));
        QCOMPARE(reopened.value().shots.size(), 8);
        QVERIFY(reopened.value() == expected);
    }

    void secondOpenIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("busy.kinora"));
        QVERIFY(story::writeStoryboardFile(tenShots(), path).ok());
        story::ProjectSession first;
        QSignalSpy opened(&first, &story::ProjectSession::opened);
        first.openProject(path);
        QVERIFY(opened.wait(5000));
        const QByteArray before = fileHash(path);

        story::ProjectSession second;
        QSignalSpy failed(&second, &story::ProjectSession::failed);
        second.openProject(path);
        QVERIFY(failed.wait(5000));
        const auto error = failed.first().at(1).value<core::Error>();
        QVERIFY2(error.message.contains(QStringLiteral("already open")), qPrintable(error.message));

        // Another process (the CLI) is refused the same way.
        QProcess cli;
        cli.start(QStringLiteral(KINORA_BINARY_DIR "/app/kinora-cli/kinora-cli"),
                  {QStringLiteral("convert"), path, dir.filePath(QStringLiteral("out.json"))});
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("already open")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.json"))));
        QCOMPARE(fileHash(path), before);
    }

    void badFilesAreRefusedUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray("INT. GYM - NIGHT\nnot a project\n") << QStringLiteral("not a Kinora project");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a Kinora project");
        QByteArray header("SQLite format 3\0", 16);
        QTest::newRow("garbage-sqlite") << header + QByteArray(4000, '\x5a') << QStringLiteral("damaged");
    }

    void badFilesAreRefusedUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.kinora"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        story::ProjectSession session;
        QSignalSpy failed(&session, &story::ProjectSession::failed);
        session.openProject(path);
        QVERIFY(failed.wait(5000));
        const auto error = failed.first().at(1).value<core::Error>();
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
        QVERIFY(!session.isOpen());
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), content);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void aBusyProjectIsNotCalledDamaged()
    {
        // Another process writing as fast as it can: a read-only look at the file (as a second
        // studio, the CLI or the worker takes) must never mistake "busy" for "damaged".
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("busy.kinora"));
        QVERIFY(story::writeStoryboardFile(tenShots(), path).ok());
        QProcess writer;
        writer.start(QStringLiteral(KINORA_BINARY_DIR "/tests/tools/kinora-edit-burst"), {path, QStringLiteral("100000")});
        QVERIFY(writer.waitForStarted(5000));
        QVERIFY(writer.waitForReadyRead(10000));
        for (int i = 0; i < 40; ++i) {
            const core::Status st = store::ProjectDatabase::inspect(path);
            QVERIFY2(st.ok(), qPrintable(st.error().toString()));
            QTest::qWait(10);
        }
        writer.kill();
        writer.waitForFinished(5000);
    }

    void saveAsContinuesInTheCopy()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("a.kinora"));
        const QString copy = dir.filePath(QStringLiteral("b.kinora"));
        QVERIFY(story::writeStoryboardFile(tenShots(), original).ok());
        story::StoryboardDocument doc;
        story::ProjectSession session;
        session.attach(&doc);
        QSignalSpy opened(&session, &story::ProjectSession::opened);
        session.openProject(original);
        QVERIFY(opened.wait(5000));
        doc.reset(opened.first().at(1).value<story::Storyboard>());
        QSignalSpy savedAs(&session, &story::ProjectSession::savedAs);
        session.saveAs(copy);
        QVERIFY(savedAs.wait(5000));
        QCOMPARE(session.path(), QFileInfo(copy).absoluteFilePath());
        QVERIFY(doc.requestRemoveShots({doc.storyboard().shots.first().id}));
        QVERIFY(session.flush(5000));
        session.closeProject();
        QSignalSpy closed(&session, &story::ProjectSession::closed);
        QVERIFY(closed.wait(5000));
        QCOMPARE(story::readStoryboardFile(original).value().shots.size(), 10);
        QCOMPARE(story::readStoryboardFile(copy).value().shots.size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestProjectSession)
#include "tst_projectsession.moc"
