// StoryboardViewModel: the storyboard screen's view-model. Owns the open document, its undo
// history and the project session that saves every edit; exposes both to QML.
#pragma once

#include "story/undostack.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace kinora::story {
class StoryboardDocument;
class ProjectSession;
struct Shot;
struct Storyboard;
} // namespace kinora::story

namespace kinora::storyboard {

class ShotListModel;
class GenerationViewModel;
class ShotPlanViewModel;

class StoryboardViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(kinora::storyboard::ShotListModel *shots READ shots CONSTANT)
    Q_PROPERTY(kinora::story::UndoStack *undoStack READ undoStack CONSTANT)
    Q_PROPERTY(kinora::storyboard::GenerationViewModel *generation READ generation CONSTANT)
    Q_PROPERTY(kinora::storyboard::ShotPlanViewModel *plan READ plan CONSTANT)
    Q_PROPERTY(bool isOpen READ isOpen NOTIFY projectChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString projectPath READ projectPath NOTIFY projectChanged)
    Q_PROPERTY(QString projectName READ projectName NOTIFY projectChanged)
    Q_PROPERTY(QString saveStatus READ saveStatus NOTIFY saveStatusChanged)
    Q_PROPERTY(bool saveFailing READ saveFailing NOTIFY saveStatusChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QStringList recentProjects READ recentProjects NOTIFY recentProjectsChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY settingsChanged)
    Q_PROPERTY(QString resolution READ resolution WRITE setResolution NOTIFY settingsChanged)
    Q_PROPERTY(int fps READ fps WRITE setFps NOTIFY settingsChanged)
    Q_PROPERTY(QString aspect READ aspect WRITE setAspect NOTIFY settingsChanged)
    Q_PROPERTY(double totalSeconds READ totalSeconds NOTIFY totalChanged)
    Q_PROPERTY(QVariantMap currentShot READ currentShot NOTIFY currentShotChanged)
    Q_PROPERTY(QStringList cameraOptions READ cameraOptions CONSTANT)
    Q_PROPERTY(QStringList framingOptions READ framingOptions CONSTANT)
    Q_PROPERTY(QStringList styleOptions READ styleOptions CONSTANT)
    Q_PROPERTY(QStringList resolutionOptions READ resolutionOptions CONSTANT)
    Q_PROPERTY(QStringList aspectOptions READ aspectOptions CONSTANT)

public:
    explicit StoryboardViewModel(QObject *parent = nullptr);
    ~StoryboardViewModel() override;

    ShotListModel *shots() const { return m_shots; }
    GenerationViewModel *generation() const { return m_generation; }
    ShotPlanViewModel *plan() const { return m_plan; }
    const story::Storyboard &storyboardSnapshot() const;
    QStringList selectedShotIds() const;
    /// @brief Gives an unlocked shot a new random seed (one undoable edit).
    bool renewSeed(int row);
    story::UndoStack *undoStack() const;
    bool isOpen() const;
    bool busy() const { return m_busy; }
    QString projectPath() const;
    QString projectName() const;
    QString saveStatus() const { return m_saveStatus; }
    bool saveFailing() const { return m_saveFailing; }
    QString errorMessage() const { return m_errorMessage; }
    QStringList recentProjects() const;
    QString title() const;
    QString resolution() const;
    int fps() const;
    QString aspect() const;
    double totalSeconds() const;
    QVariantMap currentShot() const;
    QStringList cameraOptions() const;
    QStringList framingOptions() const;
    QStringList styleOptions() const;
    QStringList resolutionOptions() const;
    QStringList aspectOptions() const;

    void setTitle(const QString &title);
    void setResolution(const QString &resolution);
    void setFps(int fps);
    void setAspect(const QString &aspect);

    // Project files (answers arrive through projectChanged / errorMessage).
    Q_INVOKABLE void newProject(const QUrl &file);
    Q_INVOKABLE void openProject(const QUrl &file);
    Q_INVOKABLE void saveAs(const QUrl &file);
    Q_INVOKABLE void closeProject();
    /// @brief Appends the shots of a .fountain, .json or .kinora file (one undo step).
    Q_INVOKABLE void importFile(const QUrl &file);
    /// @brief Writes the storyboard as kinora.storyboard.v1 JSON.
    Q_INVOKABLE void exportJson(const QUrl &file);
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void forgetRecent(const QString &path);
    Q_INVOKABLE bool flush(int timeoutMs = 10000);

    // Shot edits (all undoable).
    Q_INVOKABLE void addShot();
    Q_INVOKABLE void duplicateSelected();
    Q_INVOKABLE void deleteSelected();
    Q_INVOKABLE void moveSelected(int delta);
    Q_INVOKABLE void moveShot(int from, int to);
    Q_INVOKABLE void setShotField(const QString &field, const QVariant &value);
    Q_INVOKABLE void addDialogueLine();
    Q_INVOKABLE void removeDialogueLine(int index);
    Q_INVOKABLE void setDialogueField(int index, const QString &field, const QVariant &value);
    Q_INVOKABLE void setCameo(int slot, const QString &handle);
    Q_INVOKABLE void rerollSeed();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    Q_INVOKABLE QString formatDuration(double seconds) const;

Q_SIGNALS:
    void projectChanged();
    void busyChanged();
    void saveStatusChanged();
    void errorMessageChanged();
    void recentProjectsChanged();
    void settingsChanged();
    void totalChanged();
    void currentShotChanged();

private:
    void setBusy(bool busy);
    void setError(const QString &message);
    void rememberRecent(const QString &path);
    void onOpened(const QString &path, const story::Storyboard &board);
    bool editCurrent(const std::function<bool(story::Shot &)> &change, const QString &mergeKey);

    story::StoryboardDocument *m_document;
    story::ProjectSession *m_session;
    ShotListModel *m_shots;
    GenerationViewModel *m_generation;
    ShotPlanViewModel *m_plan;
    bool m_busy = false;
    bool m_saveFailing = false;
    QString m_saveStatus;
    QString m_errorMessage;
};

} // namespace kinora::storyboard
