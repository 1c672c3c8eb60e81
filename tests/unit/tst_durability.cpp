// Durability: a writer killed with SIGKILL in the middle of a burst of edits, 50 times. Every
// time the project must reopen, pass PRAGMA integrity_check, and hold every acknowledged edit.
#include "story/projectio.h"
#include "story/storyboard.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace kinora;

class TestDurability : public QObject
{
    Q_OBJECT

private:
    static int numberAfter(const QString &text, const QString &prefix)
    {
        return text.startsWith(prefix) ? text.mid(prefix.size()).toInt() : -1;
    }

    static QString integrityCheck(const QString &path)
    {
        QString result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                    result = q.value(0).toString();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return result;
    }

private Q_SLOTS:
    void killedWriterLosesNoAcknowledgedEdit()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("burst.kinora"));
        story::Storyboard empty;
        empty.title = QStringLiteral("burst");
        QVERIFY(story::writeStoryboardFile(empty, project).ok());
        const QString tool = QStringLiteral(KINORA_BINARY_DIR "/tests/tools/kinora-edit-burst");
        QRandomGenerator random(20261125);
        int totalAcked = 0;
        for (int round = 0; round < 50; ++round) {
            QProcess writer;
            const QString tag = QStringLiteral("r%1:").arg(round);
            writer.start(tool, {project, QStringLiteral("100000"), tag.chopped(1)});
            QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));
            const int killAfterAcks = int(random.bounded(1, 400));
            int acked = -1;
            QByteArray pending;
            QElapsedTimer timer;
            timer.start();
            while (acked < killAfterAcks && timer.elapsed() < 20000) {
                if (!writer.waitForReadyRead(5000))
                    break;
                pending += writer.readAllStandardOutput();
                int newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    const QString line = QString::fromLatin1(pending.left(newline));
                    pending.remove(0, newline + 1);
                    acked = std::max(acked, numberAfter(line, QStringLiteral("ack ")));
                }
            }
            QVERIFY2(acked >= 0, qPrintable(QStringLiteral("round %1: no acknowledged edit; stderr: %2")
                                                .arg(round)
                                                .arg(QString::fromLocal8Bit(writer.readAllStandardError()))));
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(5000));
            totalAcked += acked + 1;

            QCOMPARE(integrityCheck(project), QStringLiteral("ok"));
            const core::Result<story::Storyboard> board = story::readStoryboardFile(project);
            QVERIFY2(board.ok(), qPrintable(board.error().toString()));
            verifyRound(board.value(), acked, tag);
        }
        qInfo("50 kills, %d acknowledged edits, all present", totalAcked);
    }

private:
    // Each run numbers its edits from 0 and continues the previous run's project; its texts are
    // tagged "rR:" so runs can be told apart.
    void verifyRound(const story::Storyboard &board, int acked, const QString &tag)
    {
        // Edits of the current run, acknowledged: every add present, the title at least as new
        // as the last acknowledged title edit, a note at least as new as the last acked note.
        QSet<QString> prompts;
        int newestNote = -1;
        for (const story::Shot &s : board.shots) {
            prompts.insert(s.prompt);
            newestNote = std::max(newestNote, numberAfter(s.notes, tag + QStringLiteral("edit ")));
        }
        for (int n = 0; n <= acked; n += 4)
            QVERIFY2(prompts.contains(tag + QStringLiteral("add %1").arg(n)),
                     qPrintable(QStringLiteral("acknowledged add %1 missing").arg(n)));
        int lastTitle = -1;
        int lastNote = -1;
        for (int n = 0; n <= acked; ++n) {
            if (n % 4 == 3)
                lastTitle = n;
            if (n % 4 == 1)
                lastNote = n;
        }
        if (lastTitle >= 0)
            QVERIFY2(numberAfter(board.title, tag + QStringLiteral("title ")) >= lastTitle,
                     qPrintable(QStringLiteral("title %1 older than acknowledged %2").arg(board.title).arg(lastTitle)));
        if (lastNote >= 0)
            QVERIFY2(newestNote >= lastNote,
                     qPrintable(QStringLiteral("newest note %1 older than acknowledged %2").arg(newestNote).arg(lastNote)));
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
