// Undoable storyboard edits. Every request is built from four primitives (insert, remove, move,
// replace) plus settings; each request applies its redo, and pushes undo/redo only on success.
#include "story/storyboarddocument.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace kinora::story {

StoryboardDocument::StoryboardDocument(QObject *parent) : QObject(parent) {}

StoryboardSettings StoryboardDocument::settings() const
{
    return {m_board.title, m_board.resolution, m_board.fps, m_board.aspect};
}

void StoryboardDocument::reset(const Storyboard &board)
{
    Q_EMIT aboutToReset();
    m_board = board;
    m_undo.clear();
    Q_EMIT resetDone();
}

bool StoryboardDocument::insertAt(int index, const Shot &shot)
{
    if (index < 0 || index > m_board.shots.size() || m_board.indexOf(shot.id) >= 0)
        return false;
    Q_EMIT aboutToInsertShot(index);
    m_board.shots.insert(index, shot);
    Q_EMIT shotInserted(index);
    return true;
}

bool StoryboardDocument::removeAt(int index)
{
    if (index < 0 || index >= m_board.shots.size())
        return false;
    Q_EMIT aboutToRemoveShot(index);
    const QString id = m_board.shots.takeAt(index).id;
    Q_EMIT shotRemoved(index, id);
    return true;
}

bool StoryboardDocument::move(int from, int to)
{
    const int n = int(m_board.shots.size());
    if (from < 0 || from >= n || to < 0 || to >= n)
        return false;
    if (from == to)
        return true;
    Q_EMIT aboutToMoveShot(from, to);
    m_board.shots.move(from, to);
    Q_EMIT shotMoved(from, to);
    return true;
}

bool StoryboardDocument::replace(const Shot &shot)
{
    const int index = m_board.indexOf(shot.id);
    if (index < 0)
        return false;
    m_board.shots[index] = shot;
    Q_EMIT shotChanged(index);
    return true;
}

bool StoryboardDocument::applySettings(const StoryboardSettings &s)
{
    m_board.title = s.title;
    m_board.resolution = s.resolution;
    m_board.fps = s.fps;
    m_board.aspect = s.aspect;
    Q_EMIT settingsChanged();
    return true;
}

QList<int> StoryboardDocument::sortedRows(const QStringList &ids) const
{
    QList<int> rows;
    for (const QString &id : ids) {
        const int row = m_board.indexOf(id);
        if (row >= 0 && !rows.contains(row))
            rows << row;
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool StoryboardDocument::requestInsertShots(int index, const QList<Shot> &shots, const QString &text)
{
    if (shots.isEmpty() || index < 0 || index > m_board.shots.size())
        return false;
    QSet<QString> ids;
    for (const Shot &shot : shots) { // refuse up front: a half-done insert must never need undoing
        if (shot.id.isEmpty() || m_board.indexOf(shot.id) >= 0 || ids.contains(shot.id))
            return false;
        ids.insert(shot.id);
    }
    UndoFn redo = [] { return true; };
    UndoFn undo = [] { return true; };
    for (int i = 0; i < shots.size(); ++i) {
        const Shot shot = shots.at(i);
        const int at = index + i;
        redo = chain(redo, [this, at, shot] { return insertAt(at, shot); });
        undo = chain([this, at] { return removeAt(at); }, undo);
    }
    if (!redo()) {
        undo();
        return false;
    }
    m_undo.push(text, undo, redo);
    return true;
}

bool StoryboardDocument::requestAddShot(int index)
{
    const int at = std::clamp(index, 0, int(m_board.shots.size()));
    Shot shot = makeShot();
    // A new shot inherits the look of its neighbour so a sequence stays consistent.
    if (at > 0) {
        const Shot &before = m_board.shots.at(at - 1);
        shot.style = before.style;
        shot.framing = before.framing;
    }
    return requestInsertShots(at, {shot}, QCoreApplication::translate("Storyboard", "Add shot"));
}

bool StoryboardDocument::requestDuplicateShots(const QStringList &ids)
{
    const QList<int> rows = sortedRows(ids);
    if (rows.isEmpty())
        return false;
    QList<Shot> copies;
    for (int row : rows)
        copies << duplicateShot(m_board.shots.at(row));
    const QString text = rows.size() == 1
        ? QCoreApplication::translate("Storyboard", "Duplicate shot")
        : QCoreApplication::translate("Storyboard", "Duplicate %n shots", nullptr, int(rows.size()));
    return requestInsertShots(rows.last() + 1, copies, text);
}

bool StoryboardDocument::requestRemoveShots(const QStringList &ids)
{
    const QList<int> rows = sortedRows(ids);
    if (rows.isEmpty())
        return false;
    UndoFn redo = [] { return true; };
    UndoFn undo = [] { return true; };
    // Remove from the bottom so earlier rows keep their index; undo re-inserts top-down.
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        const int row = *it;
        const Shot shot = m_board.shots.at(row);
        redo = chain(redo, [this, row] { return removeAt(row); });
        undo = chain([this, row, shot] { return insertAt(row, shot); }, undo);
    }
    if (!redo()) {
        undo();
        return false;
    }
    const QString text = rows.size() == 1
        ? QCoreApplication::translate("Storyboard", "Delete shot")
        : QCoreApplication::translate("Storyboard", "Delete %n shots", nullptr, int(rows.size()));
    m_undo.push(text, undo, redo);
    return true;
}

bool StoryboardDocument::requestMoveShots(const QStringList &ids, int toIndex)
{
    const QList<int> rows = sortedRows(ids);
    const int n = int(m_board.shots.size());
    if (rows.isEmpty())
        return false;
    const int target = std::clamp(toIndex, 0, n - int(rows.size()));
    // The final order: the other shots, with the selection spliced in at target. Then derive
    // single-row moves that turn the current order into it, front to back.
    QStringList order;
    for (const Shot &shot : m_board.shots)
        order << shot.id;
    QStringList selected, rest;
    for (int i = 0; i < n; ++i)
        (rows.contains(i) ? selected : rest) << order.at(i);
    QStringList wanted = rest;
    for (int k = 0; k < selected.size(); ++k)
        wanted.insert(target + k, selected.at(k));
    QList<QPair<int, int>> moves;
    for (int p = 0; p < n; ++p) {
        const int q = int(order.indexOf(wanted.at(p)));
        if (q != p) {
            moves.append({q, p});
            order.move(q, p);
        }
    }
    if (moves.isEmpty())
        return false;
    UndoFn redo = [] { return true; };
    UndoFn undo = [] { return true; };
    for (const auto &[from, to] : moves) {
        redo = chain(redo, [this, from = from, to = to] { return move(from, to); });
        undo = chain([this, from = from, to = to] { return move(to, from); }, undo);
    }
    if (!redo()) {
        undo();
        return false;
    }
    const QString text = rows.size() == 1
        ? QCoreApplication::translate("Storyboard", "Move shot")
        : QCoreApplication::translate("Storyboard", "Move %n shots", nullptr, int(rows.size()));
    m_undo.push(text, undo, redo);
    return true;
}

bool StoryboardDocument::requestUpdateShot(const Shot &edited, const QString &mergeKey)
{
    const int row = m_board.indexOf(edited.id);
    if (row < 0)
        return false;
    // A shorter duration eats into the trims first (the end, then the start), so a shot always
    // keeps kMinKeptDs of picture and the board stays valid.
    Shot after = edited;
    const int excess = kMinKeptDs - after.trimmedDurationDs();
    if (excess > 0) {
        const int fromOut = std::min(excess, after.trimOutDs);
        after.trimOutDs -= fromOut;
        after.trimInDs = std::max(0, after.trimInDs - (excess - fromOut));
    }
    const Shot before = m_board.shots.at(row);
    if (before == after)
        return true;
    if (!replace(after))
        return false;
    m_undo.push(QCoreApplication::translate("Storyboard", "Edit shot %1").arg(row + 1),
                [this, before] { return replace(before); }, [this, after] { return replace(after); },
                mergeKey.isEmpty() ? QString() : after.id + QLatin1Char('/') + mergeKey);
    return true;
}

bool StoryboardDocument::requestSetSettings(const StoryboardSettings &after, const QString &mergeKey)
{
    const StoryboardSettings before = settings();
    applySettings(after);
    m_undo.push(QCoreApplication::translate("Storyboard", "Change storyboard settings"),
                [this, before] { return applySettings(before); },
                [this, after] { return applySettings(after); },
                mergeKey.isEmpty() ? QString() : QStringLiteral("settings/") + mergeKey);
    return true;
}

bool StoryboardDocument::requestTrim(const QString &shotId, int trimInDs, int trimOutDs, bool merge)
{
    const int row = m_board.indexOf(shotId);
    if (row < 0 || trimInDs < 0 || trimOutDs < 0)
        return false;
    const Shot before = m_board.shots.at(row);
    Shot after = before;
    after.trimInDs = trimInDs;
    after.trimOutDs = trimOutDs;
    if (after.trimmedDurationDs() < kMinKeptDs)
        return false;
    if (before == after)
        return true;
    if (!replace(after))
        return false;
    m_undo.push(QCoreApplication::translate("Storyboard", "Trim shot %1").arg(row + 1),
                [this, before] { return replace(before); }, [this, after] { return replace(after); },
                merge ? shotId + QStringLiteral("/trim") : QString());
    return true;
}

} // namespace kinora::story
