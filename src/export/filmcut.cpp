// Building the export cut from a project: shots in storyboard order, each shot's hero take from
// the job repository, its .srt sidecar as cues, then the selection and the range applied.
#include "export/filmcut.h"

#include "store/jobrepository.h"
#include "store/projectdatabase.h"
#include "store/schema.h"
#include "store/sqlutil.h"
#include "story/storyboardrepository.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <algorithm>

namespace kinora::exporting {
namespace {

QString where(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// A read-only SQLite connection: whatever the export does, the project cannot be modified.
class ReadOnlyProject
{
public:
    explicit ReadOnlyProject(const QString &path) : m_path(path)
    {
        static QAtomicInteger<int> counter;
        m_name = QStringLiteral("kinora-export-%1").arg(counter.fetchAndAddRelaxed(1));
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    }
    ~ReadOnlyProject()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    /// Health check first (read-only), then the connection; a project at another schema than
    /// this build's is refused, as migrating it would mean writing.
    core::Status open()
    {
        if (core::Status st = store::ProjectDatabase::inspect(m_path); !st)
            return st;
        if (!m_db.open())
            return core::Error{QStringLiteral("The project cannot be read: %1.").arg(m_db.lastError().text()),
                               where(m_path)};
        const int version = store::scalar(m_db, QStringLiteral("PRAGMA user_version")).toInt();
        if (version != store::kSchemaVersion)
            return core::Error{QStringLiteral("The project was saved by an older Kinora (schema %1; this build "
                                              "uses %2). Open it in the studio once to upgrade it, then export.")
                                   .arg(version)
                                   .arg(store::kSchemaVersion),
                               where(m_path)};
        return {};
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_path;
    QString m_name;
    QSqlDatabase m_db;
};

media::ExportPreset presetFor(const story::Storyboard &board)
{
    switch (board.aspect) {
    case story::Aspect::Tall9x16: return media::ExportPreset::Vertical1080;
    case story::Aspect::Square1x1: return media::ExportPreset::Square1080;
    default: break;
    }
    return board.resolution == story::Resolution::P1080 ? media::ExportPreset::Landscape1080
                                                        : media::ExportPreset::Landscape720;
}

/// Keeps the part of the clips inside @p range of their joint time line.
core::Status applyRange(QList<media::ExportClip> &clips, const TimeRange &range, double total)
{
    const auto seconds = [](double s) { return QString::number(s, 'f', 2); };
    if (range.startSeconds >= total)
        return core::Error{QStringLiteral("The range starts at %1 s, but the film is only %2 s long.")
                               .arg(seconds(range.startSeconds), seconds(total)), {}};
    if (range.endSeconds > total + 1e-3)
        return core::Error{QStringLiteral("The range ends at %1 s, but the film is only %2 s long; use an end "
                                          "of at most %2.").arg(seconds(range.endSeconds), seconds(total)), {}};
    QList<media::ExportClip> kept;
    double clipStart = 0;
    for (media::ExportClip clip : clips) {
        const double length = clip.outSeconds - clip.inSeconds;
        const double from = std::max(range.startSeconds, clipStart);
        const double to = std::min(range.endSeconds, clipStart + length);
        if (to - from > 1e-6) {
            clip.outSeconds = clip.inSeconds + (to - clipStart);
            clip.inSeconds += from - clipStart;
            kept << clip;
        }
        clipStart += length;
    }
    clips = kept;
    return {};
}

} // namespace

QString shotNumberList(const QList<int> &shots)
{
    QStringList parts;
    for (int n : shots)
        parts << QString::number(n);
    if (parts.size() <= 1)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

core::Result<QList<media::SubtitleCue>> readSubtitleSidecar(const QString &mediaPath)
{
    const QFileInfo info(mediaPath);
    const QString srt = info.dir().filePath(info.completeBaseName() + QStringLiteral(".srt"));
    QFile file(srt);
    if (!file.exists())
        return QList<media::SubtitleCue>{}; // a take without dialogue has no sidecar
    if (!file.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("The subtitles cannot be read: %1.").arg(file.errorString()), where(srt)};
    auto cues = media::parseSrt(QString::fromUtf8(file.readAll()));
    if (!cues)
        return core::Error{cues.error().message + QStringLiteral(" Fix or delete the subtitle file."), where(srt)};
    return cues;
}

core::Result<TimeRange> parseTimeRange(const QString &text)
{
    static const QRegularExpression form(QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$)"));
    const QRegularExpressionMatch m = form.match(text);
    const QString hint = QStringLiteral("write the range as START-END in seconds of the film, e.g. 2.5-10");
    if (!m.hasMatch())
        return core::Error{QStringLiteral("\"%1\" is not a time range; %2.").arg(text, hint), {}};
    TimeRange range{m.captured(1).toDouble(), m.captured(2).toDouble()};
    if (!(range.endSeconds > range.startSeconds))
        return core::Error{QStringLiteral("The range %1 ends before it starts; %2.").arg(text, hint), {}};
    return range;
}

core::Result<story::Storyboard> readStoryboardReadOnly(const QString &projectPath)
{
    ReadOnlyProject project(projectPath);
    if (core::Status st = project.open(); !st)
        return st.error();
    auto board = story::StoryboardRepository(project.db()).load();
    if (!board)
        return core::Error{board.error().message, where(projectPath)};
    return board;
}

core::Result<FilmCut> buildFilmCut(const QString &projectPath, const CutRequest &request)
{
    ReadOnlyProject project(projectPath);
    if (core::Status st = project.open(); !st)
        return st.error();
    auto board = story::StoryboardRepository(project.db()).load();
    if (!board)
        return core::Error{board.error().message, where(projectPath)};
    const story::Storyboard &b = board.value();
    if (b.shots.isEmpty())
        return core::Error{QStringLiteral("The storyboard has no shots; add and generate shots before exporting."),
                           where(projectPath)};

    FilmCut cut;
    cut.title = b.title;
    cut.fps = b.fps > 0 ? b.fps : 24;
    cut.suggestedPreset = presetFor(b);
    QList<int> numbers = request.shots;
    if (numbers.isEmpty())
        for (int n = 1; n <= b.shots.size(); ++n)
            numbers << n;
    store::JobRepository jobs(project.db());
    const QString mediaFolder = store::ProjectDatabase::mediaFolderFor(projectPath);
    QList<int> missing;
    for (int n : numbers) {
        if (n < 1 || n > b.shots.size())
            return core::Error{QStringLiteral("There is no shot %1; the storyboard has %2 shots.").arg(n).arg(b.shots.size()),
                               where(projectPath)};
        auto takes = jobs.takesForShot(b.shots[n - 1].id);
        if (!takes)
            return core::Error{takes.error().message, where(projectPath)};
        const auto hero = std::find_if(takes.value().begin(), takes.value().end(),
                                       [](const store::Take &t) { return t.hero; });
        if (hero == takes.value().end()) {
            missing << n;
            continue;
        }
        media::ExportClip clip;
        clip.mediaPath = QDir(mediaFolder).filePath(hero->media);
        clip.label = QStringLiteral("Shot %1").arg(n);
        if (!QFileInfo::exists(clip.mediaPath))
            return core::Error{QStringLiteral("%1: the take's video is missing from the project's media folder; "
                                              "generate the shot again.").arg(clip.label), where(clip.mediaPath)};
        auto duration = media::mediaDurationSeconds(clip.mediaPath);
        if (!duration)
            return core::Error{clip.label + QStringLiteral(": ") + duration.error().message, duration.error().location};
        // The shot's non-destructive trims cut the take (never below a tenth of a second).
        const story::Shot &shot = b.shots[n - 1];
        clip.inSeconds = std::min(shot.trimInDs / 10.0, std::max(0.0, duration.value() - 0.1));
        clip.outSeconds = std::max(clip.inSeconds + 0.1, duration.value() - shot.trimOutDs / 10.0);
        auto cues = readSubtitleSidecar(clip.mediaPath);
        if (!cues)
            return cues.error();
        clip.cues = cues.value();
        cut.clips << clip;
    }
    if (!missing.isEmpty()) {
        if (!request.skipMissing)
            return core::Error{QStringLiteral("%1 %2 %3 no generated take yet; generate %4 first.")
                                   .arg(missing.size() == 1 ? QStringLiteral("Shot") : QStringLiteral("Shots"),
                                        shotNumberList(missing),
                                        missing.size() == 1 ? QStringLiteral("has") : QStringLiteral("have"))
                                   .arg(missing.size() == 1 ? QStringLiteral("it") : QStringLiteral("them")),
                               where(projectPath)};
        cut.skippedShots = missing;
    }
    if (cut.clips.isEmpty())
        return core::Error{QStringLiteral("None of the chosen shots has a generated take; generate them first."),
                           where(projectPath)};
    double total = 0;
    for (const media::ExportClip &clip : cut.clips)
        total += clip.outSeconds - clip.inSeconds;
    if (request.range) {
        if (core::Status st = applyRange(cut.clips, *request.range, total); !st)
            return st.error();
        total = 0;
        for (const media::ExportClip &clip : cut.clips)
            total += clip.outSeconds - clip.inSeconds;
    }
    cut.durationSeconds = total;
    return cut;
}

} // namespace kinora::exporting
