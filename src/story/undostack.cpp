// UndoStack implementation: a linear history with an index; pushing drops the redo tail.
#include "story/undostack.h"

namespace kinora::story {
namespace {
constexpr qint64 kMergeWindowMs = 3000;
}

UndoStack::UndoStack(QObject *parent) : QObject(parent) {}

void UndoStack::push(const QString &text, UndoFn undo, UndoFn redo, const QString &mergeKey)
{
    const bool merge = m_mergeOpen && !mergeKey.isEmpty() && m_index == m_entries.size()
        && m_index > 0 && m_entries.last().mergeKey == mergeKey
        && m_sinceLastPush.isValid() && m_sinceLastPush.elapsed() < kMergeWindowMs;
    if (merge) {
        m_entries.last().redo = std::move(redo); // keep the oldest undo, the newest redo
    } else {
        m_entries.erase(m_entries.begin() + m_index, m_entries.end());
        m_entries.append(Entry{text, std::move(undo), std::move(redo), mergeKey});
        m_index = int(m_entries.size());
    }
    m_mergeOpen = !mergeKey.isEmpty();
    m_sinceLastPush.start();
    Q_EMIT changed();
}

void UndoStack::closeMerge()
{
    m_mergeOpen = false;
}

QString UndoStack::undoText() const
{
    return canUndo() ? m_entries.at(m_index - 1).text : QString();
}

QString UndoStack::redoText() const
{
    return canRedo() ? m_entries.at(m_index).text : QString();
}

bool UndoStack::undo()
{
    if (!canUndo())
        return false;
    m_mergeOpen = false;
    if (!m_entries.at(m_index - 1).undo())
        return false;
    --m_index;
    Q_EMIT changed();
    return true;
}

bool UndoStack::redo()
{
    if (!canRedo())
        return false;
    m_mergeOpen = false;
    if (!m_entries.at(m_index).redo())
        return false;
    ++m_index;
    Q_EMIT changed();
    return true;
}

void UndoStack::clear()
{
    m_entries.clear();
    m_index = 0;
    m_mergeOpen = false;
    Q_EMIT changed();
}

UndoFn chain(UndoFn first, UndoFn next)
{
    return [first = std::move(first), next = std::move(next)]() { return first() && next(); };
}

} // namespace kinora::story
