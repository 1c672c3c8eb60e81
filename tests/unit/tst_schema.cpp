// Tests for the project-file schema: a version-1 project opens, upgrades and keeps every shot;
// files this build must not open (newer, foreign, not SQLite, damaged) are refused with a
// message that says why and are left byte for byte as they were.
#include "store/projectdatabase.h"
#include "store/schema.h"
#include "store/sqlutil.h"
#include "story/projectio.h"
#include "story/storyboardjson.h"
#include "story/storyboardrepository.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testsupport.h"

using namespace kinora;
using namespace kinora::story;

namespace {

using kinora::test::readBytes;

void writeBytes(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

// Runs @p statements on a plain SQLite connection (no Kinora code involved), then closes it.
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

// The files beside a project, sorted (a refused open must not leave -wal/-shm or media folders).
QStringList folderListing(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

// What the two hand-written version-1 rows hold, as the repository must return them.
Storyboard versionOneBoard()
{
    Storyboard board;
    board.title = QStringLiteral("Old project – 1");
    board.resolution = Resolution::P720;
    board.fps = 30;
    board.aspect = Aspect::Square1x1;
    Shot a;
    a.id = QStringLiteral("shot-a");
    a.prompt = QStringLiteral("A girl shoots a basketball; it rebounds off the backboard.");
    a.durationDs = 65;
    a.camera = CameraMove::DollyIn;
    a.framing = Framing::CloseUp;
    a.style = Style::Noir;
    DialogueLine line;
    line.id = QStringLiteral("d-1");
    line.speaker = QStringLiteral("MAYA");
    line.language = QStringLiteral("en");
    line.text = QStringLiteral("Again.");
    line.parenthetical = QStringLiteral("under her breath");
    line.startMs = 4200;
    a.dialogue = {line};
    a.cameos = {CameoSlot{QStringLiteral("@maya"), QStringLiteral("Maya")}};
    a.seed = 4000000000u; // above INT32_MAX: must survive as an unsigned seed
    a.seedLocked = true;
    a.continuity = Continuity::NewScene;
    a.notes = QStringLiteral("Real physics.");
    Shot b;
    b.id = QStringLiteral("shot-b");
    b.prompt = QStringLiteral("A dog on a beach at sunset.");
    b.durationDs = 200;
    b.camera = CameraMove::Tracking;
    b.framing = Framing::Medium;
    b.style = Style::Documentary;
    b.seed = 99;
    b.seedLocked = false;
    b.continuity = Continuity::ContinuePrevious;
    board.shots = {a, b};
    return board;
}

bool createVersionOneFile(const QString &path)
{
    QStringList sql = store::migrationStatements(1);
    sql << QStringLiteral("PRAGMA application_id = %1").arg(store::kApplicationId)
        << QStringLiteral("PRAGMA user_version = 1")
        << QStringLiteral("UPDATE storyboard SET title = 'Old project – 1', resolution = '720p', fps = 30, "
                          "aspect = '1:1' WHERE id = 1")
        // Inserted out of order: position, not rowid, decides the order.
        << QStringLiteral("INSERT INTO shots (id, position, prompt, duration_ds, camera, framing, style, "
                          "dialogue, cameos, seed, seed_locked, continuity, notes) VALUES ('shot-b', 2048, "
                          "'A dog on a beach at sunset.', 200, 'tracking', 'medium', 'documentary', '[]', "
                          "'[]', 99, 0, 'continue', '')")
        << QStringLiteral("INSERT INTO shots (id, position, prompt, duration_ds, camera, framing, style, "
                          "dialogue, cameos, seed, seed_locked, continuity, notes) VALUES ('shot-a', 1024, "
                          "'A girl shoots a basketball; it rebounds off the backboard.', 65, 'dolly-in', "
                          "'close-up', 'noir', '[{\"id\":\"d-1\",\"speaker\":\"MAYA\",\"language\":\"en\","
                          "\"text\":\"Again.\",\"parenthetical\":\"under her breath\",\"startMs\":4200}]', "
                          "'[{\"cameo\":\"@maya\",\"role\":\"Maya\"}]', 4000000000, 1, 'new-scene', "
                          "'Real physics.')");
    return runRaw(path, sql);
}

// A healthy current project with the sample storyboard, written the way the CLI writes it.
QString writeRealProject(const QString &dir, int shots = 5)
{
    const QString path = dir + QStringLiteral("/real.kinora");
    auto board = readStoryboardFile(QStringLiteral(KINORA_TEST_DATA "/sample-storyboard.json"));
    if (!board)
        qFatal("cannot read the sample storyboard");
    Storyboard content = board.value();
    for (int i = int(content.shots.size()); i < shots; ++i)
        content.shots << makeShot(QStringLiteral("Extra shot %1: ").arg(i).repeated(8));
    if (!writeStoryboardFile(content, path))
        qFatal("cannot write the reference project");
    return path;
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionOneUpgradesAndKeepsShots();
    void failedUpgradeKeepsLastGoodVersion();
    void newProjectIsCurrentVersion();
    void newerVersionIsRefusedUntouched();
    void foreignDatabaseIsRefusedUntouched_data();
    void foreignDatabaseIsRefusedUntouched();
    void textFileIsRefusedUntouched();
    void inspectingAnOpenProjectKeepsItsLocks();
    void truncatedProjectIsRefusedUntouched_data();
    void truncatedProjectIsRefusedUntouched();
    void missingFileIsRefused();
};

void TestSchema::versionOneUpgradesAndKeepsShots()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.kinora"));
    QVERIFY(createVersionOneFile(path));

    {
        auto project = store::ProjectDatabase::open(path);
        QVERIFY2(project.ok(), qPrintable(project.error().toString()));
        QSqlDatabase &db = project.value()->db();
        QCOMPARE(store::scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), store::kSchemaVersion);
        QCOMPARE(store::scalar(db, QStringLiteral("PRAGMA application_id")).toInt(), store::kApplicationId);

        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT id, status, thumbnail FROM shots ORDER BY position")));
        QVERIFY(q.record().indexOf(QStringLiteral("status")) >= 0);
        QVERIFY(q.record().indexOf(QStringLiteral("thumbnail")) >= 0);
        QStringList seen;
        while (q.next()) {
            seen << q.value(0).toString();
            QCOMPARE(q.value(1).toString(), QStringLiteral("draft"));
            QVERIFY(q.value(2).isNull());
        }
        QCOMPARE(seen, (QStringList{"shot-a", "shot-b"}));

        StoryboardRepository repo(db);
        auto board = repo.load();
        QVERIFY2(board.ok(), qPrintable(board.error().toString()));
        QCOMPARE(board.value(), versionOneBoard());
        QCOMPARE(board.value().shots.at(0).seed, 4000000000u);
    }

    // The upgrade is kept: opening again needs no migration and returns the same board.
    QCOMPARE(store::ProjectDatabase::inspect(path).ok(), true);
    auto again = readStoryboardFile(path);
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(again.value(), versionOneBoard());
    QVERIFY(QFileInfo(store::ProjectDatabase::mediaFolderFor(path)).isDir());
}

void TestSchema::failedUpgradeKeepsLastGoodVersion()
{
    // A version-1 file where a column of step 2 already exists: the second statement of the
    // step fails, and the first one (status) must be rolled back with it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("odd.kinora"));
    QVERIFY(createVersionOneFile(path));
    QVERIFY(runRaw(path, {QStringLiteral("ALTER TABLE shots ADD COLUMN thumbnail TEXT")}));

    {
        auto project = store::ProjectDatabase::open(path);
        QVERIFY(!project.ok());
        QVERIFY2(project.error().message.contains(QStringLiteral("upgrade the project file to schema 2")),
                 qPrintable(project.error().message));
    }
    const QString name = QStringLiteral("check-odd");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QCOMPARE(store::scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM shots ORDER BY position")));
        QCOMPARE(q.record().indexOf(QStringLiteral("status")), -1);
        QStringList ids;
        while (q.next())
            ids << q.value(QStringLiteral("id")).toString();
        QCOMPARE(ids, (QStringList{"shot-a", "shot-b"}));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestSchema::newProjectIsCurrentVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.kinora"));
    auto project = store::ProjectDatabase::create(path);
    QVERIFY2(project.ok(), qPrintable(project.error().toString()));
    QSqlDatabase &db = project.value()->db();
    QCOMPARE(store::scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), store::kSchemaVersion);
    QCOMPARE(store::scalar(db, QStringLiteral("PRAGMA application_id")).toInt(), store::kApplicationId);
    QCOMPARE(store::scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QVERIFY(store::exec(db, QStringLiteral("INSERT INTO shots (id, position, prompt, duration_ds, camera, "
                                           "framing, style, seed, seed_locked, continuity, notes) VALUES "
                                           "('x', 1, '', 50, 'static', 'wide', 'cinematic', 1, 0, 'continue', '')"),
                        QStringLiteral("insert")).ok());
    QCOMPARE(store::scalar(db, QStringLiteral("SELECT status FROM shots")).toString(), QStringLiteral("draft"));
    // create() never replaces an existing file.
    auto twice = store::ProjectDatabase::create(path);
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().message.contains(QStringLiteral("already exists")));
}

void TestSchema::newerVersionIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = writeRealProject(dir.path());
    QVERIFY(runRaw(path, {QStringLiteral("PRAGMA user_version = %1").arg(store::kSchemaVersion + 1)}));
    const QByteArray before = readBytes(path);
    QVERIFY(before.startsWith("SQLite format 3"));
    const QStringList filesBefore = folderListing(dir.path());

    auto project = store::ProjectDatabase::open(path);
    QVERIFY(!project.ok());
    QVERIFY2(project.error().message.contains(QStringLiteral("newer")), qPrintable(project.error().message));
    QVERIFY(project.error().message.contains(QString::number(store::kSchemaVersion + 1)));
    auto read = readStoryboardFile(path);
    QVERIFY(!read.ok());
    QVERIFY(read.error().message.contains(QStringLiteral("newer")));

    QCOMPARE(readBytes(path), before);
    QCOMPARE(folderListing(dir.path()), filesBefore);
}

void TestSchema::foreignDatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<int>("applicationId");
    QTest::newRow("plain sqlite") << 0;
    QTest::newRow("other program") << 0x47504B47; // GeoPackage
}

void TestSchema::foreignDatabaseIsRefusedUntouched()
{
    QFETCH(int, applicationId);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.kinora"));
    QVERIFY(runRaw(path, {QStringLiteral("PRAGMA application_id = %1").arg(applicationId),
                          QStringLiteral("CREATE TABLE shots (id TEXT, position INTEGER)"),
                          QStringLiteral("INSERT INTO shots VALUES ('mine', 1)")}));
    const QByteArray before = readBytes(path);
    QVERIFY(before.startsWith("SQLite format 3"));
    const QStringList filesBefore = folderListing(dir.path());

    auto project = store::ProjectDatabase::open(path);
    QVERIFY(!project.ok());
    QVERIFY2(project.error().message.contains(QStringLiteral("not a Kinora project")),
             qPrintable(project.error().message));
    QVERIFY(project.error().message.contains(QStringLiteral("another program")));
    QCOMPARE(readBytes(path), before);
    QCOMPARE(folderListing(dir.path()), filesBefore);
}

// A plain read of the header used to close a descriptor of the open project, which drops every
// POSIX lock the process holds on it; the worker then thought it was the project's last user and
// deleted -wal and -shm under the studio's connections.
void TestSchema::inspectingAnOpenProjectKeepsItsLocks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("open.kinora"));
    auto project = store::ProjectDatabase::create(path);
    QVERIFY(project.ok());
    QSqlQuery read(project.value()->db());
    QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM shots")) && read.next());
    // Whether another process sees this one's shared lock on the database file (SQLite's shared
    // range), asked from a forked child with a raw fcntl and nothing else.
    const QByteArray file = QFile::encodeName(path);
    auto lockedForOthers = [&] {
        const pid_t child = fork();
        if (child == 0) {
            const int fd = ::open(file.constData(), O_RDONLY);
            struct flock probe {};
            probe.l_type = F_WRLCK;
            probe.l_whence = SEEK_SET;
            probe.l_start = 1073741826; // SQLite's SHARED_FIRST
            probe.l_len = 510;
            const bool held = fd >= 0 && fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
            _exit(held ? 1 : 0);
        }
        int status = 0;
        waitpid(child, &status, 0);
        return WIFEXITED(status) && WEXITSTATUS(status) == 1;
    };
    QVERIFY(lockedForOthers());
    QVERIFY(store::ProjectDatabase::inspect(path).ok());
    QVERIFY2(lockedForOthers(), "inspect() released the open connection's locks");
}

void TestSchema::textFileIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.kinora"));
    const QByteArray text = "INT. GYM - NIGHT\n\nMaya shoots. The ball rebounds.\n";
    writeBytes(path, text);
    const QStringList filesBefore = folderListing(dir.path());

    auto project = store::ProjectDatabase::open(path);
    QVERIFY(!project.ok());
    QVERIFY2(project.error().message.contains(QStringLiteral("not a SQLite")), qPrintable(project.error().message));
    QCOMPARE(readBytes(path), text);
    QCOMPARE(folderListing(dir.path()), filesBefore);
}

void TestSchema::truncatedProjectIsRefusedUntouched_data()
{
    QTest::addColumn<int>("shots");
    QTest::addColumn<double>("keep"); // fraction of the file kept; negative: whole bytes kept
    QTest::newRow("first 2048 bytes") << 5 << -2048.0;
    QTest::newRow("first page") << 5 << -4096.0;
    QTest::newRow("half of a big project") << 400 << 0.5;
    QTest::newRow("all but the last page") << 400 << -1.0;
}

void TestSchema::truncatedProjectIsRefusedUntouched()
{
    QFETCH(int, shots);
    QFETCH(double, keep);
    QTemporaryDir dir;
    const QString real = writeRealProject(dir.path(), shots);
    const QByteArray full = readBytes(real);
    QVERIFY(full.size() > 4096);
    const int cut = keep == -1.0 ? int(full.size()) - 4096 : keep < 0 ? int(-keep) : int(full.size() * keep);
    const QByteArray kept = full.left(cut);
    QVERIFY(kept.size() < full.size());
    const QString path = dir.filePath(QStringLiteral("cut.kinora"));
    writeBytes(path, kept);
    const QStringList filesBefore = folderListing(dir.path());

    auto project = store::ProjectDatabase::open(path);
    QVERIFY(!project.ok());
    QVERIFY2(project.error().message.contains(QStringLiteral("damaged")), qPrintable(project.error().message));
    QVERIFY(!store::ProjectDatabase::inspect(path).ok());
    QCOMPARE(readBytes(path), kept);
    QCOMPARE(folderListing(dir.path()), filesBefore);
}

void TestSchema::missingFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.kinora"));
    auto project = store::ProjectDatabase::open(path);
    QVERIFY(!project.ok());
    QVERIFY(project.error().message.contains(QStringLiteral("no project")));
    QVERIFY(!QFileInfo::exists(path)); // opening never creates an empty project by accident
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
