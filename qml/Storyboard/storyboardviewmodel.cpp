// StoryboardViewModel: project lifecycle (new, open, save as, import, export, recents) and the
// storyboard settings. File work runs on the session's writer thread or the global pool.
#include "storyboardviewmodel.h"

#include "generationviewmodel.h"
#include "shotlistmodel.h"
#include "shotplanviewmodel.h"
#include "story/projectio.h"
#include "story/projectsession.h"
#include "story/storyboarddocument.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace kinora::storyboard {
namespace {
const QString kRecentKey = QStringLiteral("projects/recent");
constexpr int kMaxRecent = 10;

QString localPath(const QUrl &url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}
} // namespace

StoryboardViewModel::StoryboardViewModel(QObject *parent)
    : QObject(parent),
      m_document(new story::StoryboardDocument(this)),
      m_session(new story::ProjectSession(this)),
      m_shots(new ShotListModel(m_document, this)),
      m_generation(new GenerationViewModel(this)),
      m_plan(new ShotPlanViewModel(this))
{
    connect(this, &StoryboardViewModel::currentShotChanged, m_plan, &ShotPlanViewModel::schedule);
    connect(this, &StoryboardViewModel::projectChanged, this,
            [this] { m_generation->projectChanged(m_session->path()); });
    m_session->attach(m_document);
    connect(m_session, &story::ProjectSession::opened, this, &StoryboardViewModel::onOpened);
    connect(m_session, &story::ProjectSession::savedAs, this, [this](const QString &path) {
        setBusy(false);
        rememberRecent(path);
        Q_EMIT projectChanged();
    });
    connect(m_session, &story::ProjectSession::failed, this, [this](const QString &, const core::Error &e) {
        setBusy(false);
        setError(e.toString());
    });
    connect(m_session, &story::ProjectSession::saved, this, [this](quint64 sequence) {
        if (sequence < m_session->lastQueued())
            return;
        m_saveFailing = false;
        m_saveStatus = tr("All changes saved");
        Q_EMIT saveStatusChanged();
    });
    connect(m_session, &story::ProjectSession::saveFailed, this, [this](const QString &message) {
        m_saveFailing = true;
        m_saveStatus = tr("Not saved: %1 Kinora keeps retrying.").arg(message);
        Q_EMIT saveStatusChanged();
    });
    connect(m_session, &story::ProjectSession::closed, this, [this] {
        m_document->reset({});
        Q_EMIT projectChanged();
    });
    auto changed = [this] {
        Q_EMIT totalChanged();
        Q_EMIT currentShotChanged();
        if (!m_saveFailing && m_session->lastSaved() < m_session->lastQueued()) {
            m_saveStatus = tr("Saving…");
            Q_EMIT saveStatusChanged();
        }
    };
    connect(m_document, &story::StoryboardDocument::shotInserted, this, changed);
    connect(m_document, &story::StoryboardDocument::shotRemoved, this, changed);
    connect(m_document, &story::StoryboardDocument::shotMoved, this, changed);
    connect(m_document, &story::StoryboardDocument::shotChanged, this, changed);
    connect(m_document, &story::StoryboardDocument::resetDone, this, changed);
    connect(m_document, &story::StoryboardDocument::settingsChanged, this, [this, changed] {
        Q_EMIT settingsChanged();
        changed();
    });
    connect(m_document, &story::StoryboardDocument::resetDone, this, &StoryboardViewModel::settingsChanged);
    connect(m_shots, &ShotListModel::currentRowChanged, this, &StoryboardViewModel::currentShotChanged);
}

StoryboardViewModel::~StoryboardViewModel() = default;

const story::Storyboard &StoryboardViewModel::storyboardSnapshot() const { return m_document->storyboard(); }
QStringList StoryboardViewModel::selectedShotIds() const { return m_shots->selectedIds(); }

story::UndoStack *StoryboardViewModel::undoStack() const { return m_document->undoStack(); }
bool StoryboardViewModel::isOpen() const { return m_session->isOpen(); }
QString StoryboardViewModel::projectPath() const { return m_session->path(); }
QString StoryboardViewModel::projectName() const { return QFileInfo(m_session->path()).completeBaseName(); }
QString StoryboardViewModel::title() const { return m_document->storyboard().title; }
QString StoryboardViewModel::resolution() const { return story::toString(m_document->storyboard().resolution); }
int StoryboardViewModel::fps() const { return m_document->storyboard().fps; }
QString StoryboardViewModel::aspect() const { return story::toString(m_document->storyboard().aspect); }
double StoryboardViewModel::totalSeconds() const { return m_document->storyboard().totalDurationDs() / 10.0; }
QStringList StoryboardViewModel::cameraOptions() const { return story::cameraNames(); }
QStringList StoryboardViewModel::framingOptions() const { return story::framingNames(); }
QStringList StoryboardViewModel::styleOptions() const { return story::styleNames(); }
QStringList StoryboardViewModel::resolutionOptions() const { return story::resolutionNames(); }
QStringList StoryboardViewModel::aspectOptions() const { return story::aspectNames(); }

QStringList StoryboardViewModel::recentProjects() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void StoryboardViewModel::rememberRecent(const QString &path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(kRecentKey, recent.mid(0, kMaxRecent));
    Q_EMIT recentProjectsChanged();
}

void StoryboardViewModel::forgetRecent(const QString &path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    QSettings().setValue(kRecentKey, recent);
    Q_EMIT recentProjectsChanged();
}

void StoryboardViewModel::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

void StoryboardViewModel::setError(const QString &message)
{
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void StoryboardViewModel::clearError() { setError({}); }

void StoryboardViewModel::onOpened(const QString &path, const story::Storyboard &board)
{
    setBusy(false);
    clearError();
    m_document->reset(board);
    m_saveFailing = false;
    m_saveStatus = tr("All changes saved");
    Q_EMIT saveStatusChanged();
    rememberRecent(path);
    Q_EMIT projectChanged();
}

void StoryboardViewModel::newProject(const QUrl &file)
{
    QString path = localPath(file);
    if (!path.endsWith(QLatin1String(".kinora"), Qt::CaseInsensitive))
        path += QStringLiteral(".kinora");
    story::Storyboard board;
    board.title = QFileInfo(path).completeBaseName();
    board.shots << story::makeShot();
    setBusy(true);
    m_session->createProject(path, board);
}

void StoryboardViewModel::openProject(const QUrl &file)
{
    const QString path = localPath(file);
    if (m_session->isOpen() && QFileInfo(path) == QFileInfo(m_session->path()))
        return;
    setBusy(true);
    m_session->openProject(path);
}

void StoryboardViewModel::saveAs(const QUrl &file)
{
    QString path = localPath(file);
    if (!path.endsWith(QLatin1String(".kinora"), Qt::CaseInsensitive))
        path += QStringLiteral(".kinora");
    setBusy(true);
    m_session->saveAs(path);
}

void StoryboardViewModel::closeProject()
{
    m_session->closeProject();
}

bool StoryboardViewModel::flush(int timeoutMs)
{
    return m_session->flush(timeoutMs);
}

void StoryboardViewModel::importFile(const QUrl &file)
{
    const QString path = localPath(file);
    setBusy(true);
    auto *watcher = new QFutureWatcher<core::Result<story::Storyboard>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        const core::Result<story::Storyboard> board = watcher->result();
        if (!board)
            return setError(tr("Import failed: %1").arg(board.error().toString()));
        QList<story::Shot> shots;
        for (const story::Shot &s : board.value().shots)
            shots << story::duplicateShot(s); // fresh ids: importing twice must not collide
        if (shots.isEmpty())
            return setError(tr("Import found no shots."));
        if (m_document->storyboard().title.isEmpty() && !board.value().title.isEmpty())
            setTitle(board.value().title);
        m_document->requestInsertShots(int(m_document->storyboard().shots.size()), shots,
                                       tr("Import %n shot(s)", nullptr, int(shots.size())));
    });
    watcher->setFuture(QtConcurrent::run([path] { return story::readStoryboardFile(path); }));
}

void StoryboardViewModel::exportJson(const QUrl &file)
{
    QString path = localPath(file);
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    const story::Storyboard board = m_document->storyboard();
    setBusy(true);
    auto *watcher = new QFutureWatcher<core::Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        if (const core::Status st = watcher->result(); !st)
            setError(tr("Export failed: %1").arg(st.error().toString()));
    });
    watcher->setFuture(QtConcurrent::run([board, path] { return story::writeStoryboardFile(board, path); }));
}

void StoryboardViewModel::setTitle(const QString &title)
{
    story::StoryboardSettings s = m_document->settings();
    if (s.title == title)
        return;
    s.title = title;
    m_document->requestSetSettings(s, QStringLiteral("title"));
}

void StoryboardViewModel::setResolution(const QString &resolution)
{
    story::StoryboardSettings s = m_document->settings();
    const auto value = story::resolutionFromString(resolution);
    if (value == story::Resolution::Invalid || value == s.resolution)
        return;
    s.resolution = value;
    m_document->requestSetSettings(s);
}

void StoryboardViewModel::setFps(int fps)
{
    story::StoryboardSettings s = m_document->settings();
    if (!story::isValidFps(fps) || fps == s.fps)
        return;
    s.fps = fps;
    m_document->requestSetSettings(s);
}

void StoryboardViewModel::setAspect(const QString &aspect)
{
    story::StoryboardSettings s = m_document->settings();
    const auto value = story::aspectFromString(aspect);
    if (value == story::Aspect::Invalid || value == s.aspect)
        return;
    s.aspect = value;
    m_document->requestSetSettings(s);
}

QString StoryboardViewModel::formatDuration(double seconds) const
{
    const int tenths = qRound(seconds * 10);
    const int minutes = tenths / 600;
    const int rest = tenths % 600;
    return QStringLiteral("%1:%2.%3").arg(minutes).arg(rest / 10, 2, 10, QLatin1Char('0')).arg(rest % 10);
}

} // namespace kinora::storyboard
