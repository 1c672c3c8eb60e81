// Tests for StoryboardRepository and project files: nothing is lost between JSON and .kinora, an
// edit writes only the rows it changed (one shot = one row), and the order of shots survives any
// number of reorders and a reopen, including when the gaps between positions run out.
#include "store/projectdatabase.h"
#include "store/sqlutil.h"
#include "story/projectio.h"
#include "story/storyboarddocument.h"
#include "story/storyboardjson.h"
#include "story/storyboardrepository.h"

#include <QFile>
#include <QJsonObject>
#include <QMap>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include "testsupport.h"
#include <memory>

using namespace kinora;
using namespace kinora::story;

// Failure messages show the shot order (a 500-shot board as JSON would drown the difference).
namespace kinora::story {
char *toString(const Storyboard &board)
{
    QStringList ids;
    for (const Shot &s : board.shots)
        ids << s.id;
    return qstrdup(qPrintable(QStringLiteral("\"%1\" %2 shots: %3").arg(board.title).arg(board.shots.size())
                                  .arg(ids.join(QLatin1Char(' ')))));
}
} // namespace kinora::story

namespace {

using kinora::test::readBytes;

QStringList idsOf(const Storyboard &board)
{
    QStringList ids;
    for (const Shot &s : board.shots)
        ids << s.id;
    return ids;
}

Storyboard bigBoard(int count)
{
    const QStringList cameras = cameraNames();
    const QStringList styles = styleNames();
    Storyboard board;
    board.title = QStringLiteral("Five hundred shots");
    board.fps = 25;
    for (int i = 0; i < count; ++i) {
        Shot s;
        s.id = QStringLiteral("shot-%1").arg(i, 3, 10, QLatin1Char('0'));
        s.prompt = QStringLiteral("Shot %1: a ball rebounds off the backboard.").arg(i);
        s.durationDs = kMinDurationDs + i % (kMaxDurationDs - kMinDurationDs + 1);
        s.camera = cameraFromString(cameras.at(i % cameras.size()));
        s.style = styleFromString(styles.at(i % styles.size()));
        s.framing = i % 2 ? Framing::CloseUp : Framing::Wide;
        s.seed = std::uint32_t(i) * 7919u + 1u;
        s.seedLocked = i % 3 == 0;
        s.notes = i % 4 ? QString() : QStringLiteral("note %1").arg(i);
        if (i % 5 == 0) {
            DialogueLine line;
            line.id = QStringLiteral("line-%1").arg(i);
            line.speaker = QStringLiteral("MAYA");
            line.text = QStringLiteral("Line %1").arg(i);
            s.dialogue << line;
        }
        board.shots << s;
    }
    return board;
}

qint64 totalChanges(QSqlDatabase &db)
{
    return store::scalar(db, QStringLiteral("SELECT total_changes()")).toLongLong();
}

// Every stored column of every shot row, by id: what "the other rows are unchanged" means.
QMap<QString, QVariantList> rawRows(QSqlDatabase &db)
{
    QMap<QString, QVariantList> rows;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT * FROM shots")))
        qFatal("cannot read the shots table");
    while (q.next()) {
        QVariantList values;
        for (int c = 0; c < q.record().count(); ++c)
            values << q.value(c);
        rows.insert(q.value(QStringLiteral("id")).toString(), values);
    }
    return rows;
}

QStringList rowsThatDiffer(const QMap<QString, QVariantList> &a, const QMap<QString, QVariantList> &b)
{
    QStringList out;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (b.value(it.key()) != it.value())
            out << it.key();
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        if (!a.contains(it.key()))
            out << it.key();
    return out;
}

// The stored order as a freshly opened studio would see it (a new repository, no cached state).
QStringList loadedOrder(QSqlDatabase &db)
{
    StoryboardRepository fresh(db);
    auto board = fresh.load();
    return board ? idsOf(board.value()) : QStringList{QStringLiteral("<load failed>")};
}

bool positionsAreDistinct(QSqlDatabase &db)
{
    return store::scalar(db, QStringLiteral("SELECT COUNT(DISTINCT position) = COUNT(*) FROM shots")).toInt() == 1;
}

// One batch of writes in one transaction, as the project writer thread does it.
template <typename Fn>
core::Status inTransaction(QSqlDatabase &db, Fn fn)
{
    if (!db.transaction())
        return core::Error{QStringLiteral("no transaction"), {}};
    core::Status st = fn();
    if (st && !db.commit())
        st = core::Error{QStringLiteral("commit failed"), {}};
    if (!st)
        db.rollback();
    return st;
}

struct OpenProject
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<store::ProjectDatabase> project;
    std::unique_ptr<StoryboardRepository> repo;
    Storyboard board;
    QString error; ///< why open() or reopen() failed

    bool open(int shots)
    {
        path = dir.filePath(QStringLiteral("big.kinora"));
        if (const core::Status st = writeStoryboardFile(bigBoard(shots), path); !st) {
            error = st.error().toString();
            return false;
        }
        return reopen();
    }
    bool reopen()
    {
        repo.reset();
        project.reset();
        auto db = store::ProjectDatabase::open(path);
        if (!db) {
            error = db.error().toString();
            return false;
        }
        project = std::move(db.value());
        repo = std::make_unique<StoryboardRepository>(project->db());
        auto loaded = repo->load();
        if (!loaded) {
            error = loaded.error().toString();
            return false;
        }
        board = loaded.value();
        return true;
    }
    QSqlDatabase &db() { return project->db(); }
};

} // namespace

class TestRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonProjectJsonIsByteIdentical();
    void bigProjectLoadsAsWritten();
    void editedShotWritesOneRow();
    void newShotIsAppendedAsOneRow();
    void newShotInsertedInTheMiddleKeepsItsPlace();
    void moveLastToFrontWritesOneRow();
    void moveByOnePlaceWritesOneRow();
    void multiShotMoveWritesOnlyTheMovedRows();
    void backAndForthMovesKeepOrderWhenGapsRunOut();
    void deleteShotRemovesOneRow();
    void settingsWriteOneRow();
    void orderSurvivesReopen();
};

void TestRepository::jsonProjectJsonIsByteIdentical()
{
    QTemporaryDir dir;
    const QString sample = QStringLiteral(KINORA_TEST_DATA "/sample-storyboard.json");
    auto original = readStoryboardFile(sample);
    QVERIFY2(original.ok(), qPrintable(original.error().toString()));
    QVERIFY(original.value().shots.size() >= 5);
    // A shot with an edited plan: the plan column must round-trip too.
    original.value().shots[1].plan = QJsonObject{{QStringLiteral("environment"), QStringLiteral("beach")},
                                                 {QStringLiteral("weather"), QStringLiteral("rain")}};
    const QByteArray expected = toJsonText(original.value());

    const QString project = dir.filePath(QStringLiteral("rebound.kinora"));
    const core::Status written = writeStoryboardFile(original.value(), project);
    QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    QVERIFY(readBytes(project).startsWith("SQLite format 3"));
    QVERIFY(!QFileInfo::exists(project + QStringLiteral(".partial.kinora")));

    auto back = readStoryboardFile(project);
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(back.value(), original.value());
    QCOMPARE(toJsonText(back.value()), expected);

    const QString json = dir.filePath(QStringLiteral("rebound.json"));
    QVERIFY(writeStoryboardFile(back.value(), json).ok());
    QCOMPARE(readBytes(json), expected);

    // An existing project is never overwritten.
    const QByteArray projectBytes = readBytes(project);
    Storyboard other = original.value();
    other.title = QStringLiteral("Other");
    const core::Status again = writeStoryboardFile(other, project);
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QStringLiteral("already exists")));
    QCOMPARE(readBytes(project), projectBytes);
}

void TestRepository::bigProjectLoadsAsWritten()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    QCOMPARE(p.board, bigBoard(500));
    QVERIFY(positionsAreDistinct(p.db()));
}

void TestRepository::editedShotWritesOneRow()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    const auto rowsBefore = rawRows(p.db());
    Shot shot = p.board.shots.at(250);
    shot.prompt = QStringLiteral("A dog on a beach; \"quoted\" – ünïcode");
    shot.notes = QStringLiteral("changed");
    shot.dialogue = {DialogueLine{QStringLiteral("l"), QStringLiteral("LUCÍA"), QStringLiteral("es"),
                                  QStringLiteral("¡Ven!"), QStringLiteral("riendo"), 700}};
    shot.cameos = {CameoSlot{QStringLiteral("@maya"), QString()}};
    shot.seed = 4294967295u;

    const qint64 before = totalChanges(p.db());
    QVERIFY(p.repo->upsertShot(shot).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    QCOMPARE(rowsThatDiffer(rowsBefore, rawRows(p.db())), QStringList{shot.id});

    Storyboard expected = bigBoard(500);
    expected.shots[250] = shot;
    QVERIFY2(p.reopen(), qPrintable(p.error));
    QCOMPARE(p.board, expected);
}

void TestRepository::newShotIsAppendedAsOneRow()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    Shot shot = makeShot(QStringLiteral("appended"));
    const qint64 before = totalChanges(p.db());
    QVERIFY(p.repo->upsertShot(shot).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    const QStringList order = loadedOrder(p.db());
    QCOMPARE(order.size(), 501);
    QCOMPARE(order.last(), shot.id);
}

void TestRepository::newShotInsertedInTheMiddleKeepsItsPlace()
{
    // The writer receives the new order first, then the new row (shotInserted -> order, upsert).
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    const auto rowsBefore = rawRows(p.db());
    Shot shot = makeShot(QStringLiteral("inserted"));
    QStringList order = idsOf(p.board);
    order.insert(10, shot.id);
    const qint64 before = totalChanges(p.db());
    QVERIFY(inTransaction(p.db(), [&] {
        core::Status st = p.repo->setOrder(order);
        return st ? p.repo->upsertShot(shot) : st;
    }).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    QCOMPARE(rowsThatDiffer(rowsBefore, rawRows(p.db())), QStringList{shot.id});
    QCOMPARE(loadedOrder(p.db()), order);
}

void TestRepository::moveLastToFrontWritesOneRow()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    const auto rowsBefore = rawRows(p.db());
    QStringList order = idsOf(p.board);
    order.move(499, 0);
    const qint64 before = totalChanges(p.db());
    QVERIFY(p.repo->setOrder(order).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    QCOMPARE(rowsThatDiffer(rowsBefore, rawRows(p.db())), QStringList{QStringLiteral("shot-499")});
    QCOMPARE(loadedOrder(p.db()), order);

    // Setting the same order again writes nothing.
    const qint64 again = totalChanges(p.db());
    QVERIFY(p.repo->setOrder(order).ok());
    QCOMPARE(totalChanges(p.db()) - again, 0);
}

void TestRepository::moveByOnePlaceWritesOneRow()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    QStringList order = idsOf(p.board);
    const auto rowsBefore = rawRows(p.db());
    order.move(100, 101);
    qint64 before = totalChanges(p.db());
    QVERIFY(p.repo->setOrder(order).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    QCOMPARE(rowsThatDiffer(rowsBefore, rawRows(p.db())).size(), 1);
    QCOMPARE(loadedOrder(p.db()), order);

    order.move(300, 299);
    before = totalChanges(p.db());
    QVERIFY(p.repo->setOrder(order).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    QCOMPARE(loadedOrder(p.db()), order);
}

void TestRepository::multiShotMoveWritesOnlyTheMovedRows()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    StoryboardDocument doc;
    doc.reset(p.board);
    QVERIFY(doc.requestMoveShots({QStringLiteral("shot-010"), QStringLiteral("shot-020"),
                                  QStringLiteral("shot-490")}, 200));
    const QStringList order = idsOf(doc.storyboard());
    const qint64 before = totalChanges(p.db());
    QVERIFY(p.repo->setOrder(order).ok());
    QCOMPARE(totalChanges(p.db()) - before, 3);
    QCOMPARE(loadedOrder(p.db()), order);
}

void TestRepository::backAndForthMovesKeepOrderWhenGapsRunOut()
{
    // Swapping the first two shots again and again halves the gap in front of them each time,
    // so the positions run out of room and must be renumbered, more than once, without a slip.
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    QStringList order = idsOf(p.board);
    const QString moving = QStringLiteral("shot-499");
    order.move(499, 0);
    QVERIFY(p.repo->setOrder(order).ok());
    int oneRowMoves = 0;
    int largerWrites = 0;
    qint64 smallestPosition = std::numeric_limits<qint64>::max();
    for (int i = 1; i <= 200; ++i) {
        const int from = int(order.indexOf(moving));
        order.move(from, from == 0 ? 1 : 0);
        const qint64 before = totalChanges(p.db());
        const core::Status st = inTransaction(p.db(), [&] { return p.repo->setOrder(order); });
        QVERIFY2(st.ok(), qPrintable(st.error().toString()));
        const qint64 written = totalChanges(p.db()) - before;
        QVERIFY(written >= 1);
        (written == 1 ? oneRowMoves : largerWrites) += 1;
        smallestPosition = std::min(smallestPosition,
                                    store::scalar(p.db(), QStringLiteral("SELECT MIN(position) FROM shots"))
                                        .toLongLong());
        if (i % 20 == 0) {
            QCOMPARE(loadedOrder(p.db()), order);
            QVERIFY(positionsAreDistinct(p.db()));
        }
    }
    QVERIFY2(smallestPosition <= 1, "the gaps never ran out: the renumbering path was not exercised");
    QVERIFY2(largerWrites >= 2, qPrintable(QStringLiteral("renumbered %1 times").arg(largerWrites)));
    QVERIFY2(oneRowMoves >= 150, qPrintable(QStringLiteral("only %1 one-row moves").arg(oneRowMoves)));
    QCOMPARE(loadedOrder(p.db()), order);
    QCOMPARE(order.size(), 500);
    QVERIFY2(p.reopen(), qPrintable(p.error));
    QCOMPARE(idsOf(p.board), order);
}

void TestRepository::deleteShotRemovesOneRow()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    auto rowsBefore = rawRows(p.db());
    const qint64 before = totalChanges(p.db());
    QVERIFY(p.repo->deleteShot(QStringLiteral("shot-123")).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    rowsBefore.remove(QStringLiteral("shot-123"));
    QCOMPARE(rawRows(p.db()), rowsBefore);
    Storyboard expected = bigBoard(500);
    expected.shots.removeAt(123);
    QVERIFY2(p.reopen(), qPrintable(p.error));
    QCOMPARE(p.board, expected);
}

void TestRepository::settingsWriteOneRow()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    const auto rowsBefore = rawRows(p.db());
    const qint64 before = totalChanges(p.db());
    QVERIFY(p.repo->saveSettings({QStringLiteral("Renamed"), Resolution::P480, 30, Aspect::Tall9x16}).ok());
    QCOMPARE(totalChanges(p.db()) - before, 1);
    QCOMPARE(rawRows(p.db()), rowsBefore);
    QVERIFY2(p.reopen(), qPrintable(p.error));
    QCOMPARE(p.board.title, QStringLiteral("Renamed"));
    QCOMPARE(toString(p.board.resolution), toString(Resolution::P480));
    QCOMPARE(p.board.fps, 30);
    QCOMPARE(toString(p.board.aspect), toString(Aspect::Tall9x16));
}

void TestRepository::orderSurvivesReopen()
{
    OpenProject p;
    QVERIFY2(p.open(500), qPrintable(p.error));
    StoryboardDocument doc;
    doc.reset(p.board);
    auto save = [&] { return inTransaction(p.db(), [&] { return p.repo->setOrder(idsOf(doc.storyboard())); }); };
    QVERIFY(doc.requestMoveShots({QStringLiteral("shot-499")}, 0));
    QVERIFY(save().ok());
    QVERIFY(doc.requestMoveShots({QStringLiteral("shot-000"), QStringLiteral("shot-250")}, 400));
    QVERIFY(save().ok());
    QVERIFY(doc.requestMoveShots({QStringLiteral("shot-300")}, 301));
    QVERIFY(save().ok());
    for (int i = 0; i < 30; ++i) { // enough to renumber at least once
        QVERIFY(doc.requestMoveShots({QStringLiteral("shot-499")}, i % 2 ? 0 : 1));
        QVERIFY(save().ok());
    }
    QVERIFY(doc.requestMoveShots({QStringLiteral("shot-100")}, 499));
    QVERIFY(save().ok());
    const Storyboard expected = doc.storyboard();
    QVERIFY(expected != bigBoard(500));

    QVERIFY2(p.reopen(), qPrintable(p.error));
    QCOMPARE(idsOf(p.board), idsOf(expected));
    QCOMPARE(p.board, expected);
    p.repo.reset();
    p.project.reset();
    auto read = readStoryboardFile(p.path); // the CLI's path: lock, inspect, load
    QVERIFY2(read.ok(), qPrintable(read.error().toString()));
    QCOMPARE(read.value(), expected);
}

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
