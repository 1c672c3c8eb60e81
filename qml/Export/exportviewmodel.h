// ExportViewModel: the Export page's view-model. Builds the cut of the open project (hero takes in
// storyboard order, trims applied), then encodes it on a worker thread with a progress bar and
// Cancel; the watermark carries the creator's handle, remembered between sessions.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <memory>

namespace kinora::exporting {

class ExportViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *storyboard READ storyboard WRITE setStoryboard NOTIFY storyboardChanged)
    Q_PROPERTY(QString preset MEMBER m_preset NOTIFY settingsChanged)
    Q_PROPERTY(QString quality MEMBER m_quality NOTIFY settingsChanged)
    Q_PROPERTY(QString subtitles MEMBER m_subtitles NOTIFY settingsChanged)
    Q_PROPERTY(QString handle READ handle WRITE setHandle NOTIFY settingsChanged)
    Q_PROPERTY(QString shots MEMBER m_shots NOTIFY settingsChanged)     ///< "" = all, else "1,3-4"
    Q_PROPERTY(QString range MEMBER m_range NOTIFY settingsChanged)     ///< "" = whole, else "2.5-10"
    Q_PROPERTY(bool skipMissing MEMBER m_skipMissing NOTIFY settingsChanged)
    Q_PROPERTY(bool savePoster MEMBER m_savePoster NOTIFY settingsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString lastOutput READ lastOutput NOTIFY stateChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(QStringList presetOptions READ presetOptions CONSTANT)

public:
    explicit ExportViewModel(QObject *parent = nullptr);
    ~ExportViewModel() override;

    QObject *storyboard() const { return m_storyboard; }
    void setStoryboard(QObject *storyboard);
    QString handle() const { return m_handle; }
    void setHandle(const QString &handle);
    bool busy() const { return m_busy; }
    double progress() const { return m_progress; }
    QString status() const { return m_status; }
    QString error() const { return m_error; }
    QString lastOutput() const { return m_lastOutput; }
    QString summary() const { return m_summary; }
    QStringList presetOptions() const;

    /// @brief Recomputes what would be exported (shots, length, shots without takes).
    Q_INVOKABLE void refresh();
    /// @brief Exports to @p file (an .mp4 is appended when missing) on a worker thread.
    Q_INVOKABLE void start(const QUrl &file);
    /// @brief Stops the running export; nothing is left behind.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void storyboardChanged();
    void settingsChanged();
    void stateChanged();
    void progressChanged();
    void summaryChanged();
    void finished(bool ok);

private:
    void finish(bool ok, const QString &message, const QString &output);
    QString projectPath() const;

    QPointer<QObject> m_storyboard;
    QString m_preset = QStringLiteral("landscape-1080");
    QString m_quality = QStringLiteral("balanced");
    QString m_subtitles = QStringLiteral("soft");
    QString m_handle;
    QString m_shots;
    QString m_range;
    bool m_skipMissing = false;
    bool m_savePoster = true;
    bool m_busy = false;
    double m_progress = 0;
    QString m_status;
    QString m_error;
    QString m_lastOutput;
    QString m_summary;
    int m_summaryRequest = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace kinora::exporting
