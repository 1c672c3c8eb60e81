// StoryboardDocument: the open storyboard in memory, and every edit as an undoable request.
// Views and the persistence session both follow its change signals, so undo and redo are saved
// exactly like the edits they reverse.
#pragma once

#include "story/storyboard.h"
#include "story/undostack.h"

#include <QObject>
#include <QStringList>

namespace kinora::story {

struct StoryboardSettings
{
    QString title;
    Resolution resolution = Resolution::P1080;
    int fps = 24;
    Aspect aspect = Aspect::Wide16x9;
};

class StoryboardDocument : public QObject
{
    Q_OBJECT

public:
    explicit StoryboardDocument(QObject *parent = nullptr);

    const Storyboard &storyboard() const { return m_board; }
    StoryboardSettings settings() const;
    UndoStack *undoStack() { return &m_undo; }

    /// @brief Replaces everything (a project was opened); clears the undo history.
    void reset(const Storyboard &board);

    bool requestInsertShots(int index, const QList<Shot> &shots, const QString &text);
    bool requestAddShot(int index);
    /// @brief Each duplicate lands right after the last of the selected shots, in order.
    bool requestDuplicateShots(const QStringList &ids);
    bool requestRemoveShots(const QStringList &ids);
    /// @brief Moves the shots (kept in their current relative order) so the first of them lands
    /// at @p toIndex of the resulting list.
    bool requestMoveShots(const QStringList &ids, int toIndex);
    /// @brief Replaces the shot with the same id. Same @p mergeKey in a row = one undo step.
    bool requestUpdateShot(const Shot &after, const QString &mergeKey = {});
    bool requestSetSettings(const StoryboardSettings &after, const QString &mergeKey = {});
    /// @brief Sets the non-destructive trims of a shot (deciseconds cut from the start and the
    /// end of its take). Refused when a trim is negative or less than kMinKeptDs would remain.
    /// With @p merge, consecutive trims of the same shot are one undo step (a handle drag);
    /// the drag ends with undoStack()->closeMerge().
    bool requestTrim(const QString &shotId, int trimInDs, int trimOutDs, bool merge = false);

Q_SIGNALS:
    void aboutToReset();
    void resetDone();
    void aboutToInsertShot(int index);
    void shotInserted(int index);
    void aboutToRemoveShot(int index);
    void shotRemoved(int index, const QString &id);
    void aboutToMoveShot(int from, int to);
    void shotMoved(int from, int to);
    void shotChanged(int index);
    void settingsChanged();

private:
    bool insertAt(int index, const Shot &shot);
    bool removeAt(int index);
    bool move(int from, int to);
    bool replace(const Shot &shot);
    bool applySettings(const StoryboardSettings &s);
    QList<int> sortedRows(const QStringList &ids) const;

    Storyboard m_board;
    UndoStack m_undo;
};

} // namespace kinora::story
