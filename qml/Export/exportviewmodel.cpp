// ExportViewModel implementation. The cut is built and encoded on a pool thread; progress comes
// back queued (at most ~10 times a second) and Cancel flips a flag the encoder checks per frame.
#include "exportviewmodel.h"

#include "engine/filmspec.h"
#include "export/filmcut.h"
#include "media/exporter.h"
#include "storyboardviewmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>
#include <QSettings>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace kinora::exporting {
namespace {

const char kHandleKey[] = "export/handle";

struct Request
{
    QString project;
    CutRequest cut;
    media::ExportSettings settings;
};

/// Reads the page's fields into a request; the message says which field is wrong and how.
core::Result<Request> makeRequest(const QString &project, const QString &shots, const QString &range,
                                  bool skipMissing, const QString &preset, const QString &quality,
                                  const QString &subtitles, const QString &handle)
{
    Request r;
    r.project = project;
    r.cut.skipMissing = skipMissing;
    if (!shots.trimmed().isEmpty()) {
        auto board = readStoryboardReadOnly(project);
        if (!board)
            return board.error();
        auto list = engine::parseShotList(shots.trimmed(), int(board.value().shots.size()));
        if (!list)
            return core::Error{QCoreApplication::translate("Export", "Shots: %1").arg(list.error().message), {}};
        r.cut.shots = list.value();
    }
    if (!range.trimmed().isEmpty()) {
        auto parsed = parseTimeRange(range.trimmed());
        if (!parsed)
            return core::Error{QCoreApplication::translate("Export", "Time range: %1").arg(parsed.error().message), {}};
        r.cut.range = parsed.value();
    }
    r.settings.preset = media::exportPresetFromString(preset);
    r.settings.quality = media::exportQualityFromString(quality);
    r.settings.subtitles = media::subtitleModeFromString(subtitles);
    if (r.settings.preset == media::ExportPreset::Invalid || r.settings.quality == media::ExportQuality::Invalid
        || r.settings.subtitles == media::SubtitleMode::Invalid)
        return core::Error{QCoreApplication::translate("Export", "Choose a size, a quality and a subtitle mode."), {}};
    r.settings.handle = handle.trimmed();
    return r;
}

} // namespace

ExportViewModel::ExportViewModel(QObject *parent)
    : QObject(parent), m_handle(QSettings().value(QLatin1String(kHandleKey)).toString())
{
}

ExportViewModel::~ExportViewModel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ExportViewModel::setStoryboard(QObject *storyboard)
{
    if (storyboard == m_storyboard)
        return;
    if (m_storyboard)
        disconnect(m_storyboard, nullptr, this, nullptr);
    m_storyboard = storyboard;
    if (auto *board = qobject_cast<storyboard::StoryboardViewModel *>(m_storyboard.data()))
        connect(board, &storyboard::StoryboardViewModel::projectChanged, this, &ExportViewModel::refresh);
    Q_EMIT storyboardChanged();
    refresh();
}

void ExportViewModel::setHandle(const QString &handle)
{
    if (handle == m_handle)
        return;
    m_handle = handle;
    QSettings().setValue(QLatin1String(kHandleKey), handle);
    Q_EMIT settingsChanged();
}

QStringList ExportViewModel::presetOptions() const
{
    return {toString(media::ExportPreset::Landscape1080), toString(media::ExportPreset::Landscape720),
            toString(media::ExportPreset::Vertical1080), toString(media::ExportPreset::Square1080)};
}

QString ExportViewModel::projectPath() const
{
    return m_storyboard ? m_storyboard->property("projectPath").toString() : QString();
}

void ExportViewModel::refresh()
{
    const QString project = projectPath();
    if (project.isEmpty()) {
        m_summary = tr("Open a project to export it.");
        Q_EMIT summaryChanged();
        return;
    }
    // No flush here: the summary may trail an edit by a moment, and waiting for the writer on the
    // GUI thread while the worker holds the database would stall the window. start() flushes.
    const QString shots = m_shots, range = m_range;
    const bool skip = m_skipMissing;
    const QString preset = m_preset, quality = m_quality, subtitles = m_subtitles;
    auto future = QtConcurrent::run([=]() -> QString {
        auto request = makeRequest(project, shots, range, skip, preset, quality, subtitles, QString());
        if (!request)
            return request.error().message;
        auto cut = buildFilmCut(project, request.value().cut);
        if (!cut)
            return cut.error().message;
        const QSize size = media::presetSize(request.value().settings.preset);
        const int count = int(cut.value().clips.size());
        const QString seconds = QString::number(cut.value().durationSeconds, 'f', 1);
        QString text = count == 1 ? tr("1 shot, %1 s, exported at %2×%3").arg(seconds).arg(size.width()).arg(size.height())
                                  : tr("%1 shots, %2 s, exported at %3×%4").arg(count).arg(seconds).arg(size.width()).arg(size.height());
        if (!cut.value().skippedShots.isEmpty())
            text += tr("; shot %1 left out (not generated)").arg(shotNumberList(cut.value().skippedShots));
        return text;
    });
    // Answers can come back out of order (two pool threads); only the newest request's counts.
    const int request = ++m_summaryRequest;
    future.then(this, [this, request](const QString &text) {
        if (request != m_summaryRequest)
            return;
        m_summary = text;
        Q_EMIT summaryChanged();
    });
}

void ExportViewModel::start(const QUrl &file)
{
    if (m_busy)
        return;
    QString output = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (!output.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive))
        output += QStringLiteral(".mp4");
    const QString project = projectPath();
    if (project.isEmpty())
        return finish(false, tr("Open a project to export it."), {});
    // Trims and reordering made a moment ago must be in the file the cut is read from.
    QMetaObject::invokeMethod(m_storyboard, "flush", Q_ARG(int, 10000));
    auto request = makeRequest(project, m_shots, m_range, m_skipMissing, m_preset, m_quality, m_subtitles, m_handle);
    if (!request)
        return finish(false, request.error().message, {});
    if (m_savePoster)
        request.value().settings.posterPath = output.left(output.size() - 4) + QStringLiteral(".png");
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_busy = true;
    m_error.clear();
    m_progress = 0;
    m_status = tr("Preparing the export…");
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    QPointer<ExportViewModel> self(this);
    const auto cancelled = m_cancel;
    const Request req = request.value();
    QThreadPool::globalInstance()->start([self, cancelled, req, output] {
        auto cut = buildFilmCut(req.project, req.cut);
        if (!cut) {
            QMetaObject::invokeMethod(self, [self, message = cut.error().message] {
                if (self)
                    self->finish(false, message, {});
            });
            return;
        }
        media::ExportSettings settings = req.settings;
        settings.fps = cut.value().fps;
        QElapsedTimer sinceReport;
        sinceReport.start();
        auto stats = media::exportFilm(cut.value().clips, settings, output, [&](const media::ExportProgress &p) {
            if (sinceReport.elapsed() >= 100 || p.framesDone == p.framesTotal) {
                sinceReport.restart();
                QMetaObject::invokeMethod(self, [self, p] {
                    if (!self)
                        return;
                    self->m_progress = p.framesTotal > 0 ? double(p.framesDone) / double(p.framesTotal) : 0;
                    self->m_status = tr("Encoding shot %1 of %2 · frame %3 of %4")
                                         .arg(p.clip).arg(p.clipCount).arg(p.framesDone).arg(p.framesTotal);
                    Q_EMIT self->progressChanged();
                    Q_EMIT self->stateChanged();
                });
            }
            return !cancelled->load();
        });
        QMetaObject::invokeMethod(self, [self, ok = stats.ok(), cancelledNow = cancelled->load(),
                                         message = stats ? QString() : stats.error().message, output] {
            if (!self)
                return;
            if (cancelledNow)
                self->finish(false, tr("Export cancelled; nothing was written."), {});
            else
                self->finish(ok, message, output);
        });
    });
}

void ExportViewModel::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_status = tr("Cancelling…");
    Q_EMIT stateChanged();
}

void ExportViewModel::finish(bool ok, const QString &message, const QString &output)
{
    m_busy = false;
    m_error = ok ? QString() : message;
    m_status = ok ? tr("Exported %1").arg(QDir::toNativeSeparators(output)) : QString();
    if (ok) {
        m_lastOutput = output;
        m_progress = 1;
    }
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    Q_EMIT finished(ok);
}

} // namespace kinora::exporting
