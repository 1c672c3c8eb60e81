// Non-destructive trims in the story layer: a schema-3 project upgrades to 4 with every trim 0,
// trims survive SQL and JSON round trips, and requestTrim undoes, redoes and merges drags.
#include "store/projectdatabase.h"
#include "store/schema.h"
#include "store/sqlutil.h"
#include "story/storyboarddocument.h"
#include "story/storyboardjson.h"
#include "story/storyboardrepository.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace kinora;
using namespace kinora::story;

namespace {

bool runRaw(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-") + path;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            if (ok && !q.exec(sql)) {
                qWarning() << "raw statement failed:" << sql << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// A project file exactly as a schema-3 build left it: two shots, no trim columns.
bool createVersionThreeFile(const QString &path)
{
    QStringList sql;
    for (int v = 1; v <= 3; ++v)
        sql << store::migrationStatements(v);
    sql << QStringLiteral("PRAGMA application_id = %1").arg(store::kApplicationId)
        << QStringLiteral("PRAGMA user_version = 3");
    for (const char *id : {"s1", "s2"})
        sql << QStringLiteral("INSERT INTO shots (id, position, prompt, duration_ds, camera, framing, style, "
                              "seed, seed_locked, continuity, notes) VALUES ('%1', %2, 'p', 40, 'static', "
                              "'wide', 'cinematic', 7, 0, 'continue', '')")
                   .arg(QLatin1String(id))
                   .arg(id[1] == '1' ? 1024 : 2048);
    return runRaw(path, sql);
}

Storyboard trimmedBoard()
{
    Storyboard board;
    board.title = QStringLiteral("Trims");
    Shot a = makeShot(QStringLiteral("A ball bounces."));
    a.durationDs = 60;
    a.trimInDs = 5;
    a.trimOutDs = 12;
    Shot b = makeShot(QStringLiteral("A dog runs."));
    b.durationDs = 30;
    board.shots = {a, b};
    return board;
}

} // namespace

class TestTrims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionThreeUpgradesWithZeroTrims()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.kinora"));
        QVERIFY(createVersionThreeFile(path));
        auto project = store::ProjectDatabase::open(path);
        QVERIFY2(project.ok(), qPrintable(project.error().toString()));
        QSqlDatabase &db = project.value()->db();
        // Upgraded all the way: trims (v4) and edited plans (v5) start empty for old shots.
        QCOMPARE(store::scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), store::kSchemaVersion);
        QVERIFY(store::kSchemaVersion >= 5);
        QCOMPARE(store::scalar(db, QStringLiteral("SELECT COUNT(*) FROM shots WHERE trim_in_ds = 0 AND trim_out_ds = 0 "
                                                  "AND plan_json = ''"))
                     .toInt(),
                 2);
        StoryboardRepository repo(db);
        auto board = repo.load();
        QVERIFY2(board.ok(), qPrintable(board.error().toString()));
        QCOMPARE(board.value().shots.size(), 2);
        for (const Shot &s : board.value().shots) {
            QCOMPARE(s.trimInDs, 0);
            QCOMPARE(s.trimOutDs, 0);
            QVERIFY(s.plan.isEmpty());
            QCOMPARE(s.trimmedDurationDs(), 40);
        }
        // The upgraded file stores trims row by row.
        Shot s = board.value().shots.at(1);
        s.trimInDs = 7;
        s.trimOutDs = 3;
        QVERIFY(repo.upsertShot(s).ok());
        StoryboardRepository reread(db);
        const Shot back = reread.load().value().shots.at(1);
        QCOMPARE(back.trimInDs, 7);
        QCOMPARE(back.trimOutDs, 3);
        QCOMPARE(reread.load().value().shots.at(0).trimInDs, 0);
    }

    void jsonRoundTripKeepsTrims()
    {
        const Storyboard board = trimmedBoard();
        const QByteArray text = toJsonText(board);
        QVERIFY(text.contains("\"trimIn\": 0.5"));
        QVERIFY(text.contains("\"trimOut\": 1.2"));
        QCOMPARE(text.count("trimIn"), 1); // untrimmed shots write no trim fields
        auto parsed = storyboardFromJsonText(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed.value().shots.at(0).trimInDs, 5);
        QCOMPARE(parsed.value().shots.at(0).trimOutDs, 12);
        QCOMPARE(parsed.value(), board);
        QCOMPARE(toJsonText(parsed.value()), text);
    }

    void jsonRejectsBadTrims_data()
    {
        QTest::addColumn<QByteArray>("shot");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative") << QByteArray("{\"durationSeconds\": 5, \"trimIn\": -1}")
                                  << QStringLiteral("shots[0].trimIn: must be between 0 and 20 seconds");
        QTest::newRow("off grid") << QByteArray("{\"durationSeconds\": 5, \"trimOut\": 0.25}")
                                  << QStringLiteral("shots[0].trimOut: must be a multiple of 0.1 seconds");
        QTest::newRow("too much") << QByteArray("{\"durationSeconds\": 2, \"trimIn\": 1, \"trimOut\": 0.6}")
                                  << QStringLiteral("leave less than 0.5 seconds");
        QTest::newRow("text") << QByteArray("{\"trimIn\": \"1\"}") << QStringLiteral("must be a number");
    }

    void jsonRejectsBadTrims()
    {
        QFETCH(QByteArray, shot);
        QFETCH(QString, message);
        const QByteArray text = "{\"format\": \"kinora.storyboard.v1\", \"shots\": [" + shot + "]}";
        auto parsed = storyboardFromJsonText(text);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    }

    void oldJsonReadsWithZeroTrims()
    {
        auto parsed = storyboardFromJsonText("{\"format\": \"kinora.storyboard.v1\", \"shots\": [{\"durationSeconds\": 3}]}");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().shots.at(0).trimInDs, 0);
        QCOMPARE(parsed.value().shots.at(0).trimOutDs, 0);
    }

    void requestTrimUndoRedo()
    {
        StoryboardDocument doc;
        doc.reset(trimmedBoard());
        const QString id = doc.storyboard().shots.at(1).id;
        QSignalSpy changed(&doc, &StoryboardDocument::shotChanged);
        QVERIFY(doc.requestTrim(id, 4, 6));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toInt(), 1);
        QCOMPARE(doc.storyboard().shots.at(1).trimInDs, 4);
        QCOMPARE(doc.storyboard().shots.at(1).trimOutDs, 6);
        QCOMPARE(doc.storyboard().shots.at(1).trimmedDurationDs(), 20);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Trim shot 2"));
        QVERIFY(doc.undoStack()->undo());
        QCOMPARE(doc.storyboard().shots.at(1).trimInDs, 0);
        QCOMPARE(doc.storyboard().shots.at(1).trimOutDs, 0);
        QVERIFY(doc.undoStack()->redo());
        QCOMPARE(doc.storyboard().shots.at(1).trimInDs, 4);
        QCOMPARE(doc.storyboard().shots.at(1).trimOutDs, 6);
        // Refusals change nothing and push nothing.
        const int steps = doc.undoStack()->count();
        QVERIFY(!doc.requestTrim(id, -1, 0));
        QVERIFY(!doc.requestTrim(id, 20, 6)); // 30 - 26 = 0.4 s left < 0.5 s
        QVERIFY(!doc.requestTrim(QStringLiteral("nope"), 1, 1));
        QCOMPARE(doc.undoStack()->count(), steps);
        QCOMPARE(doc.storyboard().shots.at(1).trimInDs, 4);
    }

    void dragMergesIntoOneStep()
    {
        StoryboardDocument doc;
        doc.reset(trimmedBoard());
        const QString id = doc.storyboard().shots.at(0).id;
        for (int in = 6; in <= 15; ++in)
            QVERIFY(doc.requestTrim(id, in, 12, true));
        doc.undoStack()->closeMerge();
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.requestTrim(id, 15, 2, true)); // a second drag is a second step
        QCOMPARE(doc.undoStack()->count(), 2);
        QVERIFY(doc.undoStack()->undo());
        QCOMPARE(doc.storyboard().shots.at(0).trimOutDs, 12);
        QCOMPARE(doc.storyboard().shots.at(0).trimInDs, 15);
        QVERIFY(doc.undoStack()->undo());
        QCOMPARE(doc.storyboard().shots.at(0).trimInDs, 5); // the whole first drag at once
    }

    void shorterDurationEatsTrims()
    {
        StoryboardDocument doc;
        doc.reset(trimmedBoard());
        Shot s = doc.storyboard().shots.at(0); // 6.0 s, trims 0.5 + 1.2
        s.durationDs = 20;
        QVERIFY(doc.requestUpdateShot(s));
        const Shot &after = doc.storyboard().shots.at(0);
        QCOMPARE(after.trimmedDurationDs(), kMinKeptDs);
        QCOMPARE(after.trimOutDs, 10);
        QCOMPARE(after.trimInDs, 5);
        QVERIFY(validate(doc.storyboard()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTrims)
#include "tst_trims.moc"
