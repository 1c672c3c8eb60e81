// GenerationViewModel: the storyboard's link to the generation engine: queue shots, show each
// shot's progress and ETA, cancel, pause and resume, regenerate, and choose the hero take.
// Database work runs on the global thread pool; the worker runs in its own process.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace kinora::engine {
class EngineSupervisor;
}

namespace kinora::storyboard {

class StoryboardViewModel;

class GenerationViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("GenerationViewModel comes from StoryboardViewModel.generation")
    Q_PROPERTY(bool paused READ paused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(int activeJobs READ activeJobs NOTIFY statusChanged)
    Q_PROPERTY(int revision READ revision NOTIFY statusChanged)
    Q_PROPERTY(QString workerMessage READ workerMessage NOTIFY workerMessageChanged)
    /// Running and queued jobs in the order the worker takes them: id, shot, state, progress.
    Q_PROPERTY(QVariantList queue READ queue NOTIFY statusChanged)

public:
    explicit GenerationViewModel(StoryboardViewModel *storyboard);
    ~GenerationViewModel() override;

    bool paused() const { return m_paused; }
    void setPaused(bool paused);
    int activeJobs() const;
    QString workerMessage() const { return m_workerMessage; }
    int revision() const { return m_revision; }
    QVariantList queue() const { return m_queue; }

    /// @brief Status of a shot for its card: state, stage, progress 0..1, etaSeconds, takes, error.
    Q_INVOKABLE QVariantMap statusFor(const QString &shotId) const;
    /// @brief Queues the selected shots (a shot whose spec was rendered before reuses its take).
    Q_INVOKABLE void generateSelected();
    Q_INVOKABLE void generateAll();
    /// @brief A new take with a new seed (unless the seed is locked), leaving other shots alone.
    Q_INVOKABLE void regenerate(const QString &shotId);
    Q_INVOKABLE void cancel(const QString &shotId);
    Q_INVOKABLE QVariantList takesFor(const QString &shotId) const;
    Q_INVOKABLE void setHeroTake(const QString &takeId);
    /// @brief Moves a queued job to position @p index among the queued jobs (0 = next).
    Q_INVOKABLE void moveInQueue(const QString &jobId, int index);
    /// @brief Cancels one job (from the queue list).
    Q_INVOKABLE void cancelJob(const QString &jobId);

    /// Called by StoryboardViewModel when a project opens or closes.
    void projectChanged(const QString &path);

Q_SIGNALS:
    void pausedChanged();
    void statusChanged();
    void workerMessageChanged();

private:
    void enqueue(const QList<int> &rows, bool newSeed);
    void refresh();
    void applySnapshot(const QVariantMap &snapshot);

    StoryboardViewModel *m_storyboard;
    engine::EngineSupervisor *m_supervisor = nullptr;
    QString m_projectPath;
    QTimer m_poll;
    bool m_paused = false;
    bool m_refreshing = false;
    int m_revision = 0;
    QString m_workerMessage;
    QHash<QString, QVariantMap> m_status; ///< shot id -> status
    QHash<QString, QVariantList> m_takes; ///< shot id -> takes
    QVariantList m_queue;
    QHash<QString, QElapsedTimer> m_runningSince; ///< job id -> since its render began
};

} // namespace kinora::storyboard
