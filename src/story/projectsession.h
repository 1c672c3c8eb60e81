// ProjectSession: the open project file, written on a thread of its own. It follows a
// StoryboardDocument and saves every change as it happens; the GUI thread never waits on disk.
#pragma once

#include "core/result.h"
#include "story/storyboard.h"

#include <QObject>
#include <QString>
#include <memory>

class QThread;

namespace kinora::story {

class StoryboardDocument;
class ProjectWriter;

class ProjectSession : public QObject
{
    Q_OBJECT

public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    /// @brief Opens @p path (locks it, checks it, upgrades it); answers with opened or failed.
    void openProject(const QString &path);
    /// @brief Creates @p path holding @p board; answers with opened or failed.
    void createProject(const QString &path, const Storyboard &board);
    /// @brief Writes a copy of the open project to @p path and continues there; answers with
    /// savedAs or failed. An existing file at @p path is replaced only once the copy is complete.
    void saveAs(const QString &path);
    /// @brief Saves what is pending, then releases the file.
    void closeProject();

    /// @brief Follows @p document: each change becomes a write (undo and redo included).
    void attach(StoryboardDocument *document);

    QString path() const { return m_path; }
    bool isOpen() const { return !m_path.isEmpty(); }
    quint64 lastQueued() const { return m_lastQueued; }
    quint64 lastSaved() const { return m_lastSaved; }
    /// @brief Blocks until every queued change is on disk (quit, tests). False on timeout.
    bool flush(int timeoutMs = 10000);

Q_SIGNALS:
    void opened(const QString &path, const kinora::story::Storyboard &board);
    void savedAs(const QString &path);
    void failed(const QString &operation, const kinora::core::Error &error);
    void saved(quint64 sequence);
    void saveFailed(const QString &message);
    void closed();

private:
    void enqueueOrder();
    void enqueueShot(int row);
    void onWriterOpened(const QString &path, const kinora::story::Storyboard &board);

    StoryboardDocument *m_document = nullptr;
    QThread *m_thread = nullptr;
    ProjectWriter *m_writer = nullptr;
    QString m_path;
    quint64 m_lastQueued = 0;
    quint64 m_lastSaved = 0;
};

} // namespace kinora::story

Q_DECLARE_METATYPE(kinora::story::Storyboard)
Q_DECLARE_METATYPE(kinora::core::Error)
