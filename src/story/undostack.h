// UndoStack: undoable edits as composed undo/redo lambdas (the Kdenlive model). An operation
// applies itself first, then pushes the lambdas that reverse and repeat it.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace kinora::story {

using UndoFn = std::function<bool()>;

class UndoStack : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY changed)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY changed)
    Q_PROPERTY(QString undoText READ undoText NOTIFY changed)
    Q_PROPERTY(QString redoText READ redoText NOTIFY changed)

public:
    explicit UndoStack(QObject *parent = nullptr);

    /// @brief Records an already applied edit. Edits with the same non-empty @p mergeKey pushed
    /// within a few seconds of each other merge into one step (typing a prompt is one undo).
    void push(const QString &text, UndoFn undo, UndoFn redo, const QString &mergeKey = {});
    /// @brief Ends merging: the next edit starts a new step even with the same merge key.
    void closeMerge();

    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index < m_entries.size(); }
    QString undoText() const;
    QString redoText() const;
    int count() const { return int(m_entries.size()); }
    int index() const { return m_index; }

    Q_INVOKABLE bool undo();
    Q_INVOKABLE bool redo();
    void clear();

Q_SIGNALS:
    void changed();

private:
    struct Entry
    {
        QString text;
        UndoFn undo;
        UndoFn redo;
        QString mergeKey;
    };
    QList<Entry> m_entries;
    int m_index = 0;
    QElapsedTimer m_sinceLastPush;
    bool m_mergeOpen = false;
};

/// @brief Composes @p next after @p first: running the result runs both, in order.
UndoFn chain(UndoFn first, UndoFn next);

} // namespace kinora::story
