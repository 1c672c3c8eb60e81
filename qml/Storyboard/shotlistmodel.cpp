// ShotListModel implementation. Start times and numbers depend on the rows before, so a change
// refreshes from the changed row down.
#include "shotlistmodel.h"

#include "story/storyboarddocument.h"

namespace kinora::storyboard {

using story::Shot;

ShotListModel::ShotListModel(story::StoryboardDocument *document, QObject *parent)
    : QAbstractListModel(parent), m_document(document)
{
    using story::StoryboardDocument;
    connect(document, &StoryboardDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(document, &StoryboardDocument::resetDone, this, [this] {
        m_selected.clear();
        endResetModel();
        Q_EMIT countChanged();
        Q_EMIT selectionChanged();
        setCurrentRow(rowCount() > 0 ? 0 : -1);
    });
    connect(document, &StoryboardDocument::aboutToInsertShot, this,
            [this](int row) { beginInsertRows({}, row, row); });
    connect(document, &StoryboardDocument::shotInserted, this, [this](int row) {
        endInsertRows();
        Q_EMIT countChanged();
        refreshFrom(row + 1);
        m_selected = {m_document->storyboard().shots.at(row).id};
        Q_EMIT selectionChanged();
        emitSelectionRoles();
        m_anchor = row;
        setCurrentRow(row);
    });
    connect(document, &StoryboardDocument::aboutToRemoveShot, this,
            [this](int row) { beginRemoveRows({}, row, row); });
    connect(document, &StoryboardDocument::shotRemoved, this, [this](int row, const QString &id) {
        endRemoveRows();
        Q_EMIT countChanged();
        refreshFrom(row);
        if (m_selected.remove(id))
            Q_EMIT selectionChanged();
        if (m_currentRow >= rowCount())
            setCurrentRow(rowCount() - 1);
        else
            Q_EMIT currentRowChanged();
    });
    connect(document, &StoryboardDocument::aboutToMoveShot, this, [this](int from, int to) {
        m_currentIdBeforeMove = idAt(m_currentRow);
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    });
    connect(document, &StoryboardDocument::shotMoved, this, [this](int from, int to) {
        endMoveRows();
        refreshFrom(std::min(from, to));
        // The current shot stays the same shot, wherever the move put it.
        const int row = m_document->storyboard().indexOf(m_currentIdBeforeMove);
        if (row != m_currentRow && row >= 0)
            setCurrentRow(row);
        else
            Q_EMIT currentRowChanged();
    });
    connect(document, &StoryboardDocument::shotChanged, this, [this](int row) {
        refreshFrom(row);
        if (row == m_currentRow)
            Q_EMIT currentRowChanged();
    });
}

int ShotListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document->storyboard().shots.size());
}

QVariant ShotListModel::data(const QModelIndex &index, int role) const
{
    const auto &shots = m_document->storyboard().shots;
    if (!index.isValid() || index.row() >= shots.size())
        return {};
    const Shot &s = shots.at(index.row());
    switch (role) {
    case ShotIdRole: return s.id;
    case NumberRole: return index.row() + 1;
    case PromptRole: return s.prompt;
    case DurationRole: return s.durationDs / 10.0;
    case StartRole: {
        int start = 0;
        for (int i = 0; i < index.row(); ++i)
            start += shots.at(i).durationDs;
        return start / 10.0;
    }
    case CameraRole: return story::toString(s.camera);
    case FramingRole: return story::toString(s.framing);
    case StyleRole: return story::toString(s.style);
    case ContinuityRole: return story::toString(s.continuity);
    case SeedRole: return qint64(s.seed);
    case SeedLockedRole: return s.seedLocked;
    case NotesRole: return s.notes;
    case DialogueCountRole: return int(s.dialogue.size());
    case CameoNamesRole: {
        QStringList names;
        for (const auto &c : s.cameos)
            names << c.cameo;
        return names;
    }
    case SelectedRole: return m_selected.contains(s.id);
    case StatusRole: return QStringLiteral("draft");
    default: return {};
    }
}

QHash<int, QByteArray> ShotListModel::roleNames() const
{
    return {{ShotIdRole, "shotId"}, {NumberRole, "number"}, {PromptRole, "prompt"},
            {DurationRole, "durationSeconds"}, {StartRole, "startSeconds"}, {CameraRole, "camera"},
            {FramingRole, "framing"}, {StyleRole, "shotStyle"}, {ContinuityRole, "continuity"},
            {SeedRole, "seed"}, {SeedLockedRole, "seedLocked"}, {NotesRole, "notes"},
            {DialogueCountRole, "dialogueCount"}, {CameoNamesRole, "cameoNames"},
            {SelectedRole, "selected"}, {StatusRole, "status"}};
}

void ShotListModel::refreshFrom(int row)
{
    if (row < rowCount())
        Q_EMIT dataChanged(index(row), index(rowCount() - 1));
}

void ShotListModel::emitSelectionRoles()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {SelectedRole});
}

void ShotListModel::setCurrentRow(int row)
{
    row = std::clamp(row, -1, rowCount() - 1);
    if (row == m_currentRow)
        return;
    m_currentRow = row;
    Q_EMIT currentRowChanged();
}

void ShotListModel::select(int row, bool toggle, bool extend)
{
    if (row < 0 || row >= rowCount())
        return;
    const auto &shots = m_document->storyboard().shots;
    const QString id = shots.at(row).id;
    if (extend && m_anchor >= 0 && m_anchor < rowCount()) {
        m_selected.clear();
        for (int i = std::min(m_anchor, row); i <= std::max(m_anchor, row); ++i)
            m_selected.insert(shots.at(i).id);
    } else if (toggle) {
        if (!m_selected.remove(id))
            m_selected.insert(id);
        m_anchor = row;
    } else {
        m_selected = {id};
        m_anchor = row;
    }
    setCurrentRow(row);
    Q_EMIT selectionChanged();
    emitSelectionRoles();
}

void ShotListModel::selectAll()
{
    m_selected.clear();
    for (const Shot &s : m_document->storyboard().shots)
        m_selected.insert(s.id);
    Q_EMIT selectionChanged();
    emitSelectionRoles();
}

void ShotListModel::selectIds(const QStringList &ids)
{
    m_selected = QSet<QString>(ids.begin(), ids.end());
    Q_EMIT selectionChanged();
    emitSelectionRoles();
}

bool ShotListModel::isSelected(int row) const
{
    return row >= 0 && row < rowCount() && m_selected.contains(m_document->storyboard().shots.at(row).id);
}

QStringList ShotListModel::selectedIds() const
{
    QStringList ids;
    for (const Shot &s : m_document->storyboard().shots)
        if (m_selected.contains(s.id))
            ids << s.id;
    if (ids.isEmpty() && m_currentRow >= 0)
        ids << idAt(m_currentRow);
    return ids;
}

QString ShotListModel::idAt(int row) const
{
    const auto &shots = m_document->storyboard().shots;
    return row >= 0 && row < shots.size() ? shots.at(row).id : QString();
}

} // namespace kinora::storyboard
