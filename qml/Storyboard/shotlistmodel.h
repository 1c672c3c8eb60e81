// ShotListModel: the storyboard's shots as a list model for the shot strip, plus the selection.
// It follows the document's fine-grained signals, so views animate inserts, moves and removals.
#pragma once

#include <QAbstractListModel>
#include <QSet>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace kinora::story {
class StoryboardDocument;
}

namespace kinora::storyboard {

class ShotListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ShotListModel comes from StoryboardViewModel.shots")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    Q_PROPERTY(int currentRow READ currentRow WRITE setCurrentRow NOTIFY currentRowChanged)

public:
    enum Role {
        ShotIdRole = Qt::UserRole + 1, NumberRole, PromptRole, DurationRole, StartRole, CameraRole,
        FramingRole, StyleRole, ContinuityRole, SeedRole, SeedLockedRole, NotesRole, DialogueCountRole,
        CameoNamesRole, SelectedRole, StatusRole
    };
    Q_ENUM(Role)

    explicit ShotListModel(story::StoryboardDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return rowCount(); }
    int currentRow() const { return m_currentRow; }
    void setCurrentRow(int row);
    int selectedCount() const { return int(m_selected.size()); }

    /// @brief Click semantics: plain selects one, ctrl toggles, shift extends from the anchor.
    Q_INVOKABLE void select(int row, bool toggle = false, bool extend = false);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void selectIds(const QStringList &ids);
    Q_INVOKABLE bool isSelected(int row) const;
    /// @brief Selected ids in storyboard order (the current shot when nothing is selected).
    QStringList selectedIds() const;
    Q_INVOKABLE QString idAt(int row) const;

Q_SIGNALS:
    void countChanged();
    void selectionChanged();
    void currentRowChanged();

private:
    void refreshFrom(int row);
    void emitSelectionRoles();

    story::StoryboardDocument *m_document;
    QSet<QString> m_selected;
    int m_currentRow = -1;
    int m_anchor = -1;
    QString m_currentIdBeforeMove;
};

} // namespace kinora::storyboard
