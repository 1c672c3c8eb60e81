// Tests for StoryboardDocument and its UndoStack: every undoable request is done, checked, undone
// back to the exact original, and redone. Views follow the document's signals, so every test also
// checks that a list replaying those signals ends up in the document's order.
#include "story/storyboarddocument.h"
#include "story/storyboardjson.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

using namespace kinora::story;

// Failure messages show the whole board as exchange-format JSON (found by QCOMPARE through ADL).
namespace kinora::story {
char *toString(const Storyboard &board)
{
    return qstrdup(toJsonText(board).constData());
}
char *toString(const Shot &shot)
{
    Storyboard board;
    board.shots = {shot};
    return toString(board);
}
} // namespace kinora::story

namespace {

QStringList idsOf(const Storyboard &board)
{
    QStringList ids;
    for (const Shot &s : board.shots)
        ids << s.id;
    return ids;
}

// Seven shots that differ in every field, so a shot put back in the wrong place or with the wrong
// content can never compare equal.
Storyboard sevenShots()
{
    Storyboard board;
    board.title = QStringLiteral("Rebound");
    board.resolution = Resolution::P720;
    board.fps = 25;
    board.aspect = Aspect::Tall9x16;
    const CameraMove cameras[] = {CameraMove::Static, CameraMove::PanLeft, CameraMove::DollyIn,
                                  CameraMove::Crane, CameraMove::Handheld, CameraMove::Tracking,
                                  CameraMove::TiltUp};
    const Style styles[] = {Style::Cinematic, Style::Anime, Style::Noir, Style::Sketch,
                            Style::Documentary, Style::VintageFilm, Style::Claymation};
    for (int i = 0; i < 7; ++i) {
        Shot s;
        s.id = QStringLiteral("s%1").arg(i);
        s.prompt = QStringLiteral("prompt %1").arg(i);
        s.durationDs = 20 + 7 * i;
        s.camera = cameras[i];
        s.framing = i % 3 == 0 ? Framing::Wide : i % 3 == 1 ? Framing::Medium : Framing::CloseUp;
        s.style = styles[i];
        s.seed = 1000u + std::uint32_t(i);
        s.seedLocked = i % 2 == 1;
        s.continuity = i % 2 ? Continuity::NewScene : Continuity::ContinuePrevious;
        s.notes = QStringLiteral("note %1").arg(i);
        if (i % 2 == 0) {
            DialogueLine line;
            line.id = QStringLiteral("line-%1").arg(i);
            line.speaker = QStringLiteral("MAYA");
            line.text = QStringLiteral("Line %1").arg(i);
            line.startMs = 500 * i;
            s.dialogue << line;
        }
        if (i == 3)
            s.cameos << CameoSlot{QStringLiteral("@maya"), QStringLiteral("Maya")};
        board.shots << s;
    }
    return board;
}

Shot newShot(const QString &id)
{
    Shot s;
    s.id = id;
    s.prompt = QStringLiteral("new ") + id;
    s.seed = 77;
    return s;
}

// A view that follows the document only through its signals (as the shot list model does).
// Insert reads the new row's id at signal time; remove and change check the row they name.
class ViewMirror
{
public:
    explicit ViewMirror(StoryboardDocument *doc) : rows(idsOf(doc->storyboard()))
    {
        QObject::connect(doc, &StoryboardDocument::shotInserted, &m_ctx, [this, doc](int i) {
            if (i < 0 || i > rows.size())
            {
                problems << QStringLiteral("insert at %1 of %2").arg(i).arg(rows.size());
                return;
            }
            rows.insert(i, doc->storyboard().shots.at(i).id);
        });
        QObject::connect(doc, &StoryboardDocument::shotRemoved, &m_ctx, [this](int i, const QString &id) {
            if (i < 0 || i >= rows.size() || rows.at(i) != id)
            {
                problems << QStringLiteral("remove %1 at %2").arg(id).arg(i);
                return;
            }
            rows.removeAt(i);
        });
        QObject::connect(doc, &StoryboardDocument::shotMoved, &m_ctx, [this](int from, int to) {
            if (from < 0 || from >= rows.size() || to < 0 || to >= rows.size())
            {
                problems << QStringLiteral("move %1 -> %2").arg(from).arg(to);
                return;
            }
            rows.move(from, to);
        });
        QObject::connect(doc, &StoryboardDocument::shotChanged, &m_ctx, [this, doc](int i) {
            if (i < 0 || i >= rows.size() || rows.at(i) != doc->storyboard().shots.at(i).id)
                problems << QStringLiteral("change at %1").arg(i);
        });
        QObject::connect(doc, &StoryboardDocument::resetDone, &m_ctx,
                         [this, doc] { rows = idsOf(doc->storyboard()); });
    }

    QStringList rows;
    QStringList problems;

private:
    QObject m_ctx;
};

// The four row signals, recorded with QSignalSpy for exact argument checks and replays.
struct Spies
{
    explicit Spies(StoryboardDocument *doc)
        : inserted(doc, &StoryboardDocument::shotInserted), removed(doc, &StoryboardDocument::shotRemoved),
          moved(doc, &StoryboardDocument::shotMoved), changed(doc, &StoryboardDocument::shotChanged),
          settings(doc, &StoryboardDocument::settingsChanged)
    {
    }
    void clear()
    {
        inserted.clear();
        removed.clear();
        moved.clear();
        changed.clear();
        settings.clear();
    }
    QSignalSpy inserted, removed, moved, changed, settings;
};

QList<int> intArgs(const QSignalSpy &spy, int arg = 0)
{
    QList<int> out;
    for (const QList<QVariant> &call : spy)
        out << call.at(arg).toInt();
    return out;
}

// Replays recorded moves on a copy of the order a view had before the edit.
QStringList replayMoves(QStringList order, const QSignalSpy &moved)
{
    for (const QList<QVariant> &call : moved)
        order.move(call.at(0).toInt(), call.at(1).toInt());
    return order;
}

QStringList replayRemovals(QStringList order, const QSignalSpy &removed)
{
    for (const QList<QVariant> &call : removed) {
        const int row = call.at(0).toInt();
        if (row < 0 || row >= order.size() || order.at(row) != call.at(1).toString())
            return {QStringLiteral("<bad removal of %1 at %2>").arg(call.at(1).toString()).arg(row)};
        order.removeAt(row);
    }
    return order;
}

// Undo must restore the exact original and redo the exact result, with the view in step.
void verifyUndoRedo(StoryboardDocument &doc, const ViewMirror &view, const Storyboard &before,
                    const Storyboard &after)
{
    QCOMPARE(doc.storyboard(), after);
    QCOMPARE(view.rows, idsOf(after));
    QVERIFY(doc.undoStack()->canUndo());
    QVERIFY(!doc.undoStack()->canRedo());
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), before);
    QCOMPARE(view.rows, idsOf(before));
    QVERIFY(doc.undoStack()->canRedo());
    QVERIFY(doc.undoStack()->redo());
    QCOMPARE(doc.storyboard(), after);
    QCOMPARE(view.rows, idsOf(after));
    QVERIFY(!doc.undoStack()->canRedo());
    QVERIFY2(view.problems.isEmpty(), qPrintable(view.problems.join(QStringLiteral("; "))));
}

#define VERIFY_UNDO_REDO(doc, view, before, after)                                                 \
    do {                                                                                           \
        verifyUndoRedo(doc, view, before, after);                                                  \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// One edit of one field kind; the kinds a user can change on a shot card.
QStringList fieldKinds()
{
    return {QStringLiteral("prompt"),        QStringLiteral("duration"),      QStringLiteral("camera"),
            QStringLiteral("framing"),       QStringLiteral("style"),         QStringLiteral("dialogue-add"),
            QStringLiteral("dialogue-text"), QStringLiteral("dialogue-time"), QStringLiteral("dialogue-remove"),
            QStringLiteral("cameo-add"),     QStringLiteral("cameo-role"),    QStringLiteral("seed"),
            QStringLiteral("seed-lock"),     QStringLiteral("continuity"),    QStringLiteral("notes")};
}

Shot edited(Shot s, const QString &field, int variant = 0)
{
    const QString tag = QString::number(variant);
    if (field == QLatin1String("prompt")) {
        s.prompt += QStringLiteral(" and a dog ") + tag;
    } else if (field == QLatin1String("duration")) {
        s.durationDs = s.durationDs == kMaxDurationDs ? kMinDurationDs : s.durationDs + 1;
    } else if (field == QLatin1String("camera")) {
        s.camera = s.camera == CameraMove::Orbit ? CameraMove::DollyOut : CameraMove::Orbit;
    } else if (field == QLatin1String("framing")) {
        s.framing = s.framing == Framing::CloseUp ? Framing::Wide : Framing::CloseUp;
    } else if (field == QLatin1String("style")) {
        s.style = s.style == Style::Claymation ? Style::Noir : Style::Claymation;
    } else if (field.startsWith(QLatin1String("dialogue-"))
               && (field == QLatin1String("dialogue-add") || s.dialogue.isEmpty())) {
        DialogueLine line;
        line.id = QStringLiteral("added-") + s.id + tag;
        line.speaker = QStringLiteral("LUCÍA");
        line.language = QStringLiteral("es");
        line.text = QStringLiteral("¡Ven aquí!");
        s.dialogue << line;
    } else if (field == QLatin1String("dialogue-text")) {
        s.dialogue[0].text += QStringLiteral("!") + tag;
    } else if (field == QLatin1String("dialogue-time")) {
        s.dialogue[0].startMs = s.dialogue[0].startMs ? std::optional<int>() : std::optional<int>(1234);
    } else if (field == QLatin1String("dialogue-remove")) {
        s.dialogue.removeFirst();
    } else if (field.startsWith(QLatin1String("cameo-"))
               && (field == QLatin1String("cameo-add") || s.cameos.isEmpty())) {
        s.cameos << CameoSlot{QStringLiteral("@dale") + tag, QStringLiteral("Coach")};
    } else if (field == QLatin1String("cameo-role")) {
        s.cameos[0].role += QStringLiteral(" (older)");
    } else if (field == QLatin1String("seed")) {
        s.seed = s.seed * 31u + 7u;
    } else if (field == QLatin1String("seed-lock")) {
        s.seedLocked = !s.seedLocked;
    } else if (field == QLatin1String("continuity")) {
        s.continuity = s.continuity == Continuity::NewScene ? Continuity::ContinuePrevious : Continuity::NewScene;
    } else if (field == QLatin1String("notes")) {
        s.notes += QStringLiteral(" more rain ") + tag;
    } else {
        qFatal("unknown field %s", qPrintable(field));
    }
    return s;
}

} // namespace

class TestStoryboardDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addShot_data();
    void addShot();
    void insertShots();
    void insertShotsRejectsBadIndex();
    void insertShotsWithTakenIdLeavesBoardUnchanged();
    void duplicateSingle();
    void duplicateMultiple();
    void removeSingle();
    void removeMultipleNonContiguous();
    void moveShots_data();
    void moveShots();
    void moveThatChangesNothingIsNotAnUndoStep();
    void updateShot_data();
    void updateShot();
    void updateShotIgnoresUnknownAndUnchanged();
    void setSettings_data();
    void setSettings();
    void typedEditsMerge();
    void mergeEndsWithOtherKeyOtherEditOrClose();
    void mergeEndsAfterPause();
    void newEditDropsRedoTail();
    void undoTextAndFlags();
    void resetClearsHistory();
    void randomEditsUndoAndRedoExactly();
};

void TestStoryboardDocument::addShot_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("expectedRow");
    QTest::newRow("front") << 0 << 0;
    QTest::newRow("middle") << 3 << 3;
    QTest::newRow("end") << 7 << 7;
    QTest::newRow("past end clamps") << 99 << 7;
    QTest::newRow("negative clamps") << -5 << 0;
}

void TestStoryboardDocument::addShot()
{
    QFETCH(int, index);
    QFETCH(int, expectedRow);
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    QVERIFY(doc.requestAddShot(index));
    const Storyboard after = doc.storyboard();
    QCOMPARE(after.shots.size(), 8);
    QCOMPARE(intArgs(spies.inserted), QList<int>{expectedRow});
    QCOMPARE(spies.removed.count() + spies.moved.count() + spies.changed.count(), 0);
    const Shot &added = after.shots.at(expectedRow);
    QVERIFY(!added.id.isEmpty());
    QVERIFY(!idsOf(before).contains(added.id));
    QVERIFY(added.seed != 0);
    QVERIFY(added.prompt.isEmpty());
    QCOMPARE(added.durationDs, Shot().durationDs);
    if (expectedRow > 0) { // the look follows the shot before it
        QCOMPARE(toString(added.style), toString(before.shots.at(expectedRow - 1).style));
        QCOMPARE(toString(added.framing), toString(before.shots.at(expectedRow - 1).framing));
    } else {
        QCOMPARE(toString(added.style), toString(Shot().style));
        QCOMPARE(toString(added.framing), toString(Shot().framing));
    }
    Storyboard expected = before;
    expected.shots.insert(expectedRow, added);
    QCOMPARE(after, expected);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Add shot"));
    VERIFY_UNDO_REDO(doc, view, before, after);
    QCOMPARE(doc.storyboard().shots.at(expectedRow).id, added.id); // redo brings back the same shot
}

void TestStoryboardDocument::insertShots()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    QVERIFY(doc.requestInsertShots(2, {newShot(QStringLiteral("n1")), newShot(QStringLiteral("n2"))},
                                   QStringLiteral("Import 2 shots")));
    QCOMPARE(idsOf(doc.storyboard()), (QStringList{"s0", "s1", "n1", "n2", "s2", "s3", "s4", "s5", "s6"}));
    QCOMPARE(doc.storyboard().shots.at(2), newShot(QStringLiteral("n1")));
    QCOMPARE(doc.storyboard().shots.at(3), newShot(QStringLiteral("n2")));
    QCOMPARE(intArgs(spies.inserted), (QList<int>{2, 3}));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Import 2 shots"));
    QCOMPARE(doc.undoStack()->count(), 1);
    const Storyboard after = doc.storyboard();

    spies.clear();
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), before);
    QCOMPARE(intArgs(spies.removed), (QList<int>{3, 2})); // last inserted goes first
    QCOMPARE(replayRemovals(idsOf(after), spies.removed), idsOf(before));
    QVERIFY(doc.undoStack()->redo());
    QCOMPARE(doc.storyboard(), after);
    QCOMPARE(view.rows, idsOf(after));

    // At the very end, too.
    QVERIFY(doc.requestInsertShots(9, {newShot(QStringLiteral("n3"))}, QStringLiteral("Paste")));
    QCOMPARE(doc.storyboard().shots.last().id, QStringLiteral("n3"));
    const Storyboard withN3 = doc.storyboard();
    VERIFY_UNDO_REDO(doc, view, after, withN3);
}

void TestStoryboardDocument::insertShotsRejectsBadIndex()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    QVERIFY(!doc.requestInsertShots(8, {newShot(QStringLiteral("n1"))}, QStringLiteral("x")));
    QVERIFY(!doc.requestInsertShots(-1, {newShot(QStringLiteral("n1"))}, QStringLiteral("x")));
    QVERIFY(!doc.requestInsertShots(0, {}, QStringLiteral("x")));
    QCOMPARE(doc.storyboard(), sevenShots());
    QVERIFY(!doc.undoStack()->canUndo());
}

void TestStoryboardDocument::insertShotsWithTakenIdLeavesBoardUnchanged()
{
    // The second shot reuses an id already on the board: the request must fail as a whole and
    // leave every existing shot where it was.
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Shot clash = newShot(QStringLiteral("s4"));
    QVERIFY(!doc.requestInsertShots(0, {newShot(QStringLiteral("n1")), clash}, QStringLiteral("Paste")));
    QVERIFY(!doc.undoStack()->canUndo());
    QVERIFY2(view.problems.isEmpty(), qPrintable(view.problems.join(QStringLiteral("; "))));
    QCOMPARE(view.rows, idsOf(doc.storyboard()));
    QCOMPARE(idsOf(doc.storyboard()), idsOf(sevenShots()));
}

void TestStoryboardDocument::duplicateSingle()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    QVERIFY(doc.requestDuplicateShots({QStringLiteral("s2")}));
    const Storyboard after = doc.storyboard();
    QCOMPARE(after.shots.size(), 8);
    QCOMPARE(intArgs(spies.inserted), QList<int>{3});
    const Shot &original = before.shots.at(2);
    const Shot &copy = after.shots.at(3);
    QVERIFY(copy.id != original.id);
    QVERIFY(!idsOf(before).contains(copy.id));
    QCOMPARE(copy.seed, original.seed); // same seed: the duplicate renders the same take
    QCOMPARE(copy.dialogue.size(), 1);
    QVERIFY(copy.dialogue.at(0).id != original.dialogue.at(0).id);
    Shot sameButIds = copy;
    sameButIds.id = original.id;
    sameButIds.dialogue[0].id = original.dialogue.at(0).id;
    QCOMPARE(sameButIds, original);
    Storyboard expected = before;
    expected.shots.insert(3, copy);
    QCOMPARE(after, expected);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Duplicate shot"));
    VERIFY_UNDO_REDO(doc, view, before, after);
}

void TestStoryboardDocument::duplicateMultiple()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    // Selection order does not matter: copies follow board order, after the last selected shot.
    QVERIFY(doc.requestDuplicateShots({QStringLiteral("s4"), QStringLiteral("s1"), QStringLiteral("s4")}));
    const Storyboard after = doc.storyboard();
    QCOMPARE(after.shots.size(), 9);
    QCOMPARE(intArgs(spies.inserted), (QList<int>{5, 6}));
    const QStringList ids = idsOf(after);
    QCOMPARE(ids.mid(0, 5), (QStringList{"s0", "s1", "s2", "s3", "s4"}));
    QCOMPARE(ids.mid(7), (QStringList{"s5", "s6"}));
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 9);
    QCOMPARE(after.shots.at(5).prompt, QStringLiteral("prompt 1"));
    QCOMPARE(after.shots.at(5).seed, before.shots.at(1).seed);
    QCOMPARE(after.shots.at(6).prompt, QStringLiteral("prompt 4"));
    QCOMPARE(after.shots.at(6).seed, before.shots.at(4).seed);
    QVERIFY(after.shots.at(6).dialogue.at(0).id != before.shots.at(4).dialogue.at(0).id);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Duplicate 2 shots"));
    VERIFY_UNDO_REDO(doc, view, before, after);

    QVERIFY(!doc.requestDuplicateShots({QStringLiteral("nope")}));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestStoryboardDocument::removeSingle()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    QVERIFY(doc.requestRemoveShots({QStringLiteral("s3")}));
    QCOMPARE(idsOf(doc.storyboard()), (QStringList{"s0", "s1", "s2", "s4", "s5", "s6"}));
    QCOMPARE(spies.removed.count(), 1);
    QCOMPARE(spies.removed.at(0).at(0).toInt(), 3);
    QCOMPARE(spies.removed.at(0).at(1).toString(), QStringLiteral("s3"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete shot"));
    Storyboard expected = before;
    expected.shots.removeAt(3);
    QCOMPARE(doc.storyboard(), expected);
    spies.clear();
    VERIFY_UNDO_REDO(doc, view, before, expected);
    QCOMPARE(intArgs(spies.inserted), QList<int>{3}); // undo put it back at its row
}

void TestStoryboardDocument::removeMultipleNonContiguous()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    QVERIFY(doc.requestRemoveShots({QStringLiteral("s5"), QStringLiteral("s0"), QStringLiteral("s2"),
                                    QStringLiteral("missing")}));
    QCOMPARE(idsOf(doc.storyboard()), (QStringList{"s1", "s3", "s4", "s6"}));
    QCOMPARE(replayRemovals(idsOf(before), spies.removed), idsOf(doc.storyboard()));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete 3 shots"));
    const Storyboard after = doc.storyboard();
    QCOMPARE(after.shots.at(0), before.shots.at(1));
    QCOMPARE(after.shots.at(3), before.shots.at(6));

    spies.clear();
    VERIFY_UNDO_REDO(doc, view, before, after);
    QCOMPARE(intArgs(spies.inserted), (QList<int>{0, 2, 5})); // undo re-inserts top-down

    // Everything at once, then nothing left to remove.
    const QStringList all = idsOf(after);
    QVERIFY(doc.requestRemoveShots(all));
    QVERIFY(doc.storyboard().shots.isEmpty());
    VERIFY_UNDO_REDO(doc, view, after, Storyboard(doc.storyboard()));
    QVERIFY(!doc.requestRemoveShots(all));
}

void TestStoryboardDocument::moveShots_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("toIndex");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("text");
    const QString one = QStringLiteral("Move shot");
    QTest::newRow("single up") << QStringList{"s4"} << 1
                               << QStringList{"s0", "s4", "s1", "s2", "s3", "s5", "s6"} << one;
    QTest::newRow("single down") << QStringList{"s1"} << 4
                                 << QStringList{"s0", "s2", "s3", "s4", "s1", "s5", "s6"} << one;
    QTest::newRow("single down by one") << QStringList{"s2"} << 3
                                        << QStringList{"s0", "s1", "s3", "s2", "s4", "s5", "s6"} << one;
    QTest::newRow("single to front") << QStringList{"s6"} << 0
                                     << QStringList{"s6", "s0", "s1", "s2", "s3", "s4", "s5"} << one;
    QTest::newRow("single to end") << QStringList{"s0"} << 6
                                   << QStringList{"s1", "s2", "s3", "s4", "s5", "s6", "s0"} << one;
    QTest::newRow("single past end clamps") << QStringList{"s2"} << 50
                                            << QStringList{"s0", "s1", "s3", "s4", "s5", "s6", "s2"} << one;
    QTest::newRow("multi forward") << QStringList{"s1", "s3"} << 3
                                   << QStringList{"s0", "s2", "s4", "s1", "s3", "s5", "s6"}
                                   << QStringLiteral("Move 2 shots");
    QTest::newRow("multi backward") << QStringList{"s6", "s4"} << 1
                                    << QStringList{"s0", "s4", "s6", "s1", "s2", "s3", "s5"}
                                    << QStringLiteral("Move 2 shots");
    QTest::newRow("multi to front") << QStringList{"s2", "s5", "s6"} << 0
                                    << QStringList{"s2", "s5", "s6", "s0", "s1", "s3", "s4"}
                                    << QStringLiteral("Move 3 shots");
    QTest::newRow("multi to end") << QStringList{"s0", "s3"} << 5
                                  << QStringList{"s1", "s2", "s4", "s5", "s6", "s0", "s3"}
                                  << QStringLiteral("Move 2 shots");
    QTest::newRow("multi interleaved") << QStringList{"s0", "s2", "s4", "s6"} << 1
                                       << QStringList{"s1", "s0", "s2", "s4", "s6", "s3", "s5"}
                                       << QStringLiteral("Move 4 shots");
}

void TestStoryboardDocument::moveShots()
{
    QFETCH(QStringList, ids);
    QFETCH(int, toIndex);
    QFETCH(QStringList, expected);
    QFETCH(QString, text);
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    QVERIFY(doc.requestMoveShots(ids, toIndex));
    QCOMPARE(idsOf(doc.storyboard()), expected);
    for (const Shot &s : doc.storyboard().shots) // content travels with the shot
        QCOMPARE(s, before.shots.at(before.indexOf(s.id)));
    QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.changed.count(), 0);
    QVERIFY(spies.moved.count() >= 1);
    QCOMPARE(replayMoves(idsOf(before), spies.moved), expected);
    QCOMPARE(doc.undoStack()->undoText(), text);
    QCOMPARE(doc.undoStack()->count(), 1);
    const Storyboard after = doc.storyboard();

    spies.clear();
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), before);
    QCOMPARE(replayMoves(expected, spies.moved), idsOf(before));
    spies.clear();
    QVERIFY(doc.undoStack()->redo());
    QCOMPARE(doc.storyboard(), after);
    QCOMPARE(replayMoves(idsOf(before), spies.moved), expected);
    VERIFY_UNDO_REDO(doc, view, before, after);
}

void TestStoryboardDocument::moveThatChangesNothingIsNotAnUndoStep()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    QSignalSpy moved(&doc, &StoryboardDocument::shotMoved);
    QVERIFY(!doc.requestMoveShots({QStringLiteral("s2")}, 2));
    QVERIFY(!doc.requestMoveShots({QStringLiteral("s5"), QStringLiteral("s6")}, 9));
    QVERIFY(!doc.requestMoveShots({QStringLiteral("missing")}, 0));
    QCOMPARE(moved.count(), 0);
    QCOMPARE(doc.storyboard(), sevenShots());
    QVERIFY(!doc.undoStack()->canUndo());
}

void TestStoryboardDocument::updateShot_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("row");
    for (const QString &field : fieldKinds()) {
        // Dialogue edits need a shot with dialogue (even rows), cameo edits the shot with a cameo.
        const int row = field.startsWith(QLatin1String("cameo-role")) ? 3
            : field.startsWith(QLatin1String("dialogue-"))            ? 4
                                                                      : 5;
        QTest::newRow(qPrintable(field)) << field << row;
    }
}

void TestStoryboardDocument::updateShot()
{
    QFETCH(QString, field);
    QFETCH(int, row);
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();
    const Shot changed = edited(before.shots.at(row), field);
    QVERIFY(changed != before.shots.at(row));

    QVERIFY(doc.requestUpdateShot(changed));
    Storyboard expected = before;
    expected.shots[row] = changed;
    QCOMPARE(doc.storyboard(), expected);
    QCOMPARE(intArgs(spies.changed), QList<int>{row});
    QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.moved.count(), 0);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Edit shot %1").arg(row + 1));
    spies.clear();
    VERIFY_UNDO_REDO(doc, view, before, expected);
    QCOMPARE(intArgs(spies.changed), (QList<int>{row, row}));
}

void TestStoryboardDocument::updateShotIgnoresUnknownAndUnchanged()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    QSignalSpy changed(&doc, &StoryboardDocument::shotChanged);
    QVERIFY(!doc.requestUpdateShot(newShot(QStringLiteral("missing"))));
    QVERIFY(doc.requestUpdateShot(doc.storyboard().shots.at(2))); // same content: nothing to undo
    QCOMPARE(changed.count(), 0);
    QVERIFY(!doc.undoStack()->canUndo());
    QCOMPARE(doc.storyboard(), sevenShots());
}

void TestStoryboardDocument::setSettings_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("resolution");
    QTest::addColumn<int>("fps");
    QTest::addColumn<int>("aspect");
    QTest::newRow("title") << QStringLiteral("Rebound – final") << int(Resolution::P720) << 25
                           << int(Aspect::Tall9x16);
    QTest::newRow("resolution") << QStringLiteral("Rebound") << int(Resolution::P480) << 25
                                << int(Aspect::Tall9x16);
    QTest::newRow("fps") << QStringLiteral("Rebound") << int(Resolution::P720) << 30 << int(Aspect::Tall9x16);
    QTest::newRow("aspect") << QStringLiteral("Rebound") << int(Resolution::P720) << 25
                            << int(Aspect::Square1x1);
    QTest::newRow("all") << QString() << int(Resolution::P1080) << 24 << int(Aspect::Wide16x9);
}

void TestStoryboardDocument::setSettings()
{
    QFETCH(QString, title);
    QFETCH(int, resolution);
    QFETCH(int, fps);
    QFETCH(int, aspect);
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    Spies spies(&doc);
    const Storyboard before = doc.storyboard();

    StoryboardSettings s{title, Resolution(resolution), fps, Aspect(aspect)};
    QVERIFY(doc.requestSetSettings(s));
    Storyboard expected = before;
    expected.title = title;
    expected.resolution = Resolution(resolution);
    expected.fps = fps;
    expected.aspect = Aspect(aspect);
    QVERIFY(expected != before);
    QCOMPARE(doc.storyboard(), expected);
    QCOMPARE(spies.settings.count(), 1);
    QCOMPARE(spies.inserted.count() + spies.removed.count() + spies.moved.count() + spies.changed.count(), 0);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Change storyboard settings"));
    VERIFY_UNDO_REDO(doc, view, before, expected);
    QCOMPARE(spies.settings.count(), 3);
    QCOMPARE(doc.settings().title, title);
}

void TestStoryboardDocument::typedEditsMerge()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    const Storyboard before = doc.storyboard();
    Shot s = before.shots.at(1);
    for (const char *typed : {"prompt 1 a", "prompt 1 a d", "prompt 1 a dog"}) {
        s.prompt = QString::fromLatin1(typed);
        QVERIFY(doc.requestUpdateShot(s, QStringLiteral("prompt")));
    }
    QCOMPARE(doc.undoStack()->count(), 1); // typing a prompt is one undo step
    QCOMPARE(doc.storyboard().shots.at(1).prompt, QStringLiteral("prompt 1 a dog"));
    const Storyboard typed = doc.storyboard();
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), before);
    QVERIFY(!doc.undoStack()->canUndo());
    QVERIFY(doc.undoStack()->redo());
    QCOMPARE(doc.storyboard(), typed); // redo restores the last keystroke, not the first

    // Settings typed the same way (the title field) merge too.
    StoryboardSettings settings = doc.settings();
    for (const char *title : {"R", "Re", "Reb"}) {
        settings.title = QString::fromLatin1(title);
        QVERIFY(doc.requestSetSettings(settings, QStringLiteral("title")));
    }
    QCOMPARE(doc.undoStack()->count(), 2);
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), typed);
}

void TestStoryboardDocument::mergeEndsWithOtherKeyOtherEditOrClose()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    const Storyboard original = doc.storyboard();
    Shot s = original.shots.at(2);

    // Different keys on the same shot: two steps.
    s.prompt = QStringLiteral("p1");
    QVERIFY(doc.requestUpdateShot(s, QStringLiteral("prompt")));
    s.notes = QStringLiteral("n1");
    QVERIFY(doc.requestUpdateShot(s, QStringLiteral("notes")));
    QCOMPARE(doc.undoStack()->count(), 2);

    // Same key, but another edit in between: separate steps.
    s.notes = QStringLiteral("n2");
    QVERIFY(doc.requestUpdateShot(s, QStringLiteral("notes")));
    QCOMPARE(doc.undoStack()->count(), 2); // merged with "n1"
    QVERIFY(doc.requestMoveShots({QStringLiteral("s6")}, 0));
    s.notes = QStringLiteral("n3");
    QVERIFY(doc.requestUpdateShot(s, QStringLiteral("notes")));
    QCOMPARE(doc.undoStack()->count(), 4);

    // Same key on another shot: separate steps.
    Shot other = doc.storyboard().shots.at(0);
    other.notes = QStringLiteral("other");
    QVERIFY(doc.requestUpdateShot(other, QStringLiteral("notes")));
    QCOMPARE(doc.undoStack()->count(), 5);

    // closeMerge (focus left the field): separate steps.
    other.notes = QStringLiteral("other 2");
    doc.undoStack()->closeMerge();
    QVERIFY(doc.requestUpdateShot(other, QStringLiteral("notes")));
    QCOMPARE(doc.undoStack()->count(), 6);

    // No key: never merges.
    other.notes = QStringLiteral("other 3");
    QVERIFY(doc.requestUpdateShot(other));
    other.notes = QStringLiteral("other 4");
    QVERIFY(doc.requestUpdateShot(other));
    QCOMPARE(doc.undoStack()->count(), 8);

    // After an undo, typing again starts a new step instead of rewriting the undone one.
    QVERIFY(doc.undoStack()->undo());
    other.notes = QStringLiteral("other 5");
    QVERIFY(doc.requestUpdateShot(other, QStringLiteral("notes")));
    other.notes = QStringLiteral("other 6");
    QVERIFY(doc.requestUpdateShot(other, QStringLiteral("notes")));
    QCOMPARE(doc.undoStack()->count(), 8);
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard().shots.at(0).notes, QStringLiteral("other 3"));

    while (doc.undoStack()->canUndo())
        QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), original);
    QCOMPARE(doc.undoStack()->index(), 0);
}

void TestStoryboardDocument::mergeEndsAfterPause()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    Shot s = doc.storyboard().shots.at(0);
    s.prompt = QStringLiteral("first burst");
    QVERIFY(doc.requestUpdateShot(s, QStringLiteral("prompt")));
    QTest::qSleep(3200); // longer than the merge window: a pause starts a new undo step
    s.prompt = QStringLiteral("second burst");
    QVERIFY(doc.requestUpdateShot(s, QStringLiteral("prompt")));
    QCOMPARE(doc.undoStack()->count(), 2);
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard().shots.at(0).prompt, QStringLiteral("first burst"));
}

void TestStoryboardDocument::newEditDropsRedoTail()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    const Storyboard original = doc.storyboard();
    QVERIFY(doc.requestRemoveShots({QStringLiteral("s1")}));
    const Storyboard afterA = doc.storyboard();
    QVERIFY(doc.requestMoveShots({QStringLiteral("s6")}, 0));
    QVERIFY(doc.undoStack()->undo());
    QVERIFY(doc.undoStack()->canRedo());
    QCOMPARE(doc.undoStack()->redoText(), QStringLiteral("Move shot"));

    QVERIFY(doc.requestDuplicateShots({QStringLiteral("s0")}));
    const Storyboard afterC = doc.storyboard();
    QVERIFY(!doc.undoStack()->canRedo());
    QCOMPARE(doc.undoStack()->count(), 2);
    QVERIFY(!doc.undoStack()->redo());
    QCOMPARE(doc.storyboard(), afterC);

    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), afterA);
    QVERIFY(doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), original);
    QVERIFY(!doc.undoStack()->undo());
    QVERIFY(doc.undoStack()->redo());
    QVERIFY(doc.undoStack()->redo());
    QCOMPARE(doc.storyboard(), afterC); // the dropped move never comes back
}

void TestStoryboardDocument::undoTextAndFlags()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    UndoStack *stack = doc.undoStack();
    QSignalSpy changed(stack, &UndoStack::changed);
    QVERIFY(!stack->canUndo());
    QVERIFY(!stack->canRedo());
    QCOMPARE(stack->undoText(), QString());
    QCOMPARE(stack->redoText(), QString());
    QVERIFY(!stack->undo());
    QVERIFY(!stack->redo());
    QCOMPARE(changed.count(), 0);

    QVERIFY(doc.requestAddShot(7));
    QVERIFY(doc.requestRemoveShots({QStringLiteral("s0"), QStringLiteral("s1")}));
    QCOMPARE(changed.count(), 2);
    QVERIFY(stack->canUndo());
    QVERIFY(!stack->canRedo());
    QCOMPARE(stack->undoText(), QStringLiteral("Delete 2 shots"));
    QCOMPARE(stack->redoText(), QString());

    QVERIFY(stack->undo());
    QCOMPARE(stack->undoText(), QStringLiteral("Add shot"));
    QCOMPARE(stack->redoText(), QStringLiteral("Delete 2 shots"));
    QVERIFY(stack->canUndo());
    QVERIFY(stack->canRedo());
    QVERIFY(stack->undo());
    QVERIFY(!stack->canUndo());
    QCOMPARE(stack->undoText(), QString());
    QCOMPARE(stack->redoText(), QStringLiteral("Add shot"));
    QCOMPARE(changed.count(), 4);
    QCOMPARE(stack->index(), 0);
    QCOMPARE(stack->count(), 2);
}

void TestStoryboardDocument::resetClearsHistory()
{
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    QVERIFY(doc.requestRemoveShots({QStringLiteral("s3")}));
    Storyboard other;
    other.shots = {newShot(QStringLiteral("x"))};
    doc.reset(other);
    QCOMPARE(doc.storyboard(), other);
    QCOMPARE(view.rows, QStringList{QStringLiteral("x")});
    QVERIFY(!doc.undoStack()->canUndo());
    QVERIFY(!doc.undoStack()->undo());
    QCOMPARE(doc.storyboard(), other);
}

void TestStoryboardDocument::randomEditsUndoAndRedoExactly()
{
    QRandomGenerator rng(20240611u);
    StoryboardDocument doc;
    doc.reset(sevenShots());
    ViewMirror view(&doc);
    QList<Storyboard> states{doc.storyboard()};
    QMap<QString, int> kinds;
    int attempts = 0;
    while (states.size() <= 50 && ++attempts < 1000) {
        const QStringList ids = idsOf(doc.storyboard());
        const int n = int(ids.size());
        auto pick = [&](int count) {
            QStringList out;
            while (out.size() < std::min(count, n)) {
                const QString id = ids.at(int(rng.bounded(n)));
                if (!out.contains(id))
                    out << id;
            }
            return out;
        };
        QString kind;
        switch (rng.bounded(7)) {
        case 0:
            kind = QStringLiteral("add");
            doc.requestAddShot(int(rng.bounded(n + 1)));
            break;
        case 1: {
            kind = QStringLiteral("insert");
            QList<Shot> shots;
            for (int i = 0, c = 1 + int(rng.bounded(3)); i < c; ++i)
                shots << newShot(QStringLiteral("r%1-%2").arg(attempts).arg(i));
            doc.requestInsertShots(int(rng.bounded(n + 1)), shots, QStringLiteral("Paste"));
            break;
        }
        case 2:
            kind = QStringLiteral("duplicate");
            doc.requestDuplicateShots(pick(1 + int(rng.bounded(3))));
            break;
        case 3:
            kind = QStringLiteral("remove");
            if (n > 4)
                doc.requestRemoveShots(pick(1 + int(rng.bounded(3))));
            break;
        case 4:
            kind = QStringLiteral("move");
            doc.requestMoveShots(pick(1 + int(rng.bounded(3))), int(rng.bounded(n + 2)) - 1);
            break;
        case 5: {
            kind = QStringLiteral("update");
            const Shot &s = doc.storyboard().shots.at(int(rng.bounded(n)));
            const QStringList fields = fieldKinds();
            doc.requestUpdateShot(edited(s, fields.at(int(rng.bounded(int(fields.size())))), attempts));
            break;
        }
        default: {
            kind = QStringLiteral("settings");
            StoryboardSettings s = doc.settings();
            s.title = QStringLiteral("Take %1").arg(attempts);
            s.fps = kShotsFps[rng.bounded(3)];
            doc.requestSetSettings(s);
            break;
        }
        }
        QCOMPARE(view.rows, idsOf(doc.storyboard()));
        if (doc.undoStack()->count() == states.size()) {
            states << doc.storyboard();
            ++kinds[kind];
        } else {
            QCOMPARE(doc.undoStack()->count(), states.size() - 1); // a refused edit changes nothing
            QCOMPARE(doc.storyboard(), states.last());
        }
    }
    QCOMPARE(states.size(), 51);
    QCOMPARE(kinds.size(), 7); // every kind of edit took part
    QVERIFY2(view.problems.isEmpty(), qPrintable(view.problems.join(QStringLiteral("; "))));

    for (int i = 49; i >= 0; --i) {
        QVERIFY(doc.undoStack()->undo());
        QCOMPARE(doc.storyboard(), states.at(i));
        QCOMPARE(view.rows, idsOf(states.at(i)));
    }
    QVERIFY(!doc.undoStack()->canUndo());
    QCOMPARE(doc.storyboard(), sevenShots());
    for (int i = 1; i <= 50; ++i) {
        QVERIFY(doc.undoStack()->redo());
        QCOMPARE(doc.storyboard(), states.at(i));
        QCOMPARE(view.rows, idsOf(states.at(i)));
    }
    QVERIFY(!doc.undoStack()->canRedo());
    QCOMPARE(doc.storyboard(), states.last());
    QVERIFY2(view.problems.isEmpty(), qPrintable(view.problems.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestStoryboardDocument)
#include "tst_storyboarddocument.moc"
