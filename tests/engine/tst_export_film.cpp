// The exporter on a real project: streams and timing as ffprobe sees them, faststart, sound in
// clip order, soft and burned subtitles, the moving watermark, letterboxing, range, cancel.
#include "tst_export_project.h"

#include "export/filmcut.h"
#include "media/exporter.h"
#include "media/mediadecoder.h"
#include "media/watermark.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kinora;
using namespace exporttest;

namespace {

QJsonObject streamOfType(const QJsonObject &probe, const QString &type)
{
    for (const QJsonValue &s : probe.value(QStringLiteral("streams")).toArray())
        if (s.toObject().value(QStringLiteral("codec_type")).toString() == type)
            return s.toObject();
    return {};
}

// Dominant frequency of a mono slice by zero crossings (the takes carry pure tones).
double toneHz(const media::DecodedAudio &audio, double from, double to)
{
    const qint64 a = qint64(from * 48000), b = qint64(to * 48000);
    int crossings = 0;
    for (qint64 i = a + 1; i < b && i < audio.frameCount(); ++i)
        if ((audio.samples[size_t(i - 1) * 2] < 0) != (audio.samples[size_t(i) * 2] < 0))
            ++crossings;
    return crossings / 2.0 / (to - from);
}

} // namespace

class TestExportFilm : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QByteArray m_projectBytes;
    QList<QString> m_takePaths;

    exporting::FilmCut cut(const exporting::CutRequest &request = {})
    {
        auto built = exporting::buildFilmCut(m_project, request);
        if (!built)
            qWarning() << built.error().toString();
        return built ? built.value() : exporting::FilmCut{};
    }

    QString exportTo(const QString &name, media::ExportSettings settings, const exporting::CutRequest &request = {})
    {
        const QString out = m_dir.filePath(name);
        settings.fps = kFps;
        auto stats = media::exportFilm(cut(request).clips, settings, out);
        if (!stats)
            qWarning() << stats.error().toString();
        return stats ? out : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("ffmpeg and ffprobe are needed to check the exported files (apt-get install ffmpeg)");
        if (qEnvironmentVariableIsSet("KINORA_KEEP_EXPORTS")) { // to look at the films by eye
            m_dir.setAutoRemove(false);
            qInfo() << "exports kept in" << m_dir.path();
        }
        m_project = m_dir.filePath(QStringLiteral("film.kinora"));
        const core::Status made = makeProject(m_project, standardTakes());
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        QFile file(m_project);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_projectBytes = file.readAll();
        for (const media::ExportClip &clip : cut().clips)
            m_takePaths << clip.mediaPath;
        QCOMPARE(m_takePaths.size(), 3);
    }

    void cutFollowsStoryboardWithSidecars()
    {
        const exporting::FilmCut c = cut();
        QCOMPARE(c.clips.size(), 3);
        QCOMPARE(media::toString(c.suggestedPreset), QStringLiteral("landscape-720"));
        QCOMPARE(c.clips[0].cues.size(), 1);
        QCOMPARE(c.clips[1].cues.size(), 0); // no .srt: no dialogue, not an error
        QVERIFY(qAbs(c.durationSeconds - standardSeconds()) < 0.01);
        // A range across a clip boundary trims the first and last clip.
        const exporting::FilmCut ranged = cut({{}, exporting::TimeRange{1.0, 3.0}, false});
        QCOMPARE(ranged.clips.size(), 2);
        QVERIFY(qAbs(ranged.clips[0].inSeconds - 1.0) < 1e-9 && qAbs(ranged.clips[0].outSeconds - 1.5) < 1e-9);
        QVERIFY(qAbs(ranged.clips[1].inSeconds - 0.0) < 1e-9 && qAbs(ranged.clips[1].outSeconds - 1.5) < 1e-9);
        const exporting::FilmCut picked = cut({{3, 1}, {}, false});
        QCOMPARE(picked.clips.size(), 2);
        QCOMPARE(picked.clips[0].mediaPath, m_takePaths[2]);
    }

    void trimsCutTheTakes()
    {
        // Shot 2 trimmed by 0.3 s at the start and 0.2 s at the end (its own project, since the
        // shared one must stay byte-identical): its clip starts 0.3 s into the take, ends 0.2 s
        // early, and the film is 0.5 s shorter.
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("trimmed.kinora"));
        QVERIFY(makeProject(project, standardTakes()).ok());
        {
            auto db = store::ProjectDatabase::open(project);
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->db());
            QVERIFY(q.exec(QStringLiteral("UPDATE shots SET trim_in_ds = 3, trim_out_ds = 2 WHERE id = "
                                          "(SELECT id FROM shots ORDER BY position LIMIT 1 OFFSET 1)")));
        }
        auto trimmed = exporting::buildFilmCut(project, {});
        QVERIFY2(trimmed.ok(), qPrintable(trimmed.error().toString()));
        QCOMPARE(trimmed.value().clips.size(), 3);
        const double take = standardTakes().at(1).seconds;
        QVERIFY(qAbs(trimmed.value().clips[1].inSeconds - 0.3) < 1e-9);
        QVERIFY2(qAbs(trimmed.value().clips[1].outSeconds - (take - 0.2)) < 0.05,
                 qPrintable(QString::number(trimmed.value().clips[1].outSeconds)));
        QVERIFY(qAbs(trimmed.value().durationSeconds - (standardSeconds() - 0.5)) < 0.05);
    }

    void softExportHasStreamsTimingAndFaststart()
    {
        media::ExportSettings settings;
        settings.preset = media::ExportPreset::Landscape720;
        settings.handle = QStringLiteral("@tester");
        const QString out = exportTo(QStringLiteral("soft.mp4"), settings);
        QVERIFY(!out.isEmpty());
        const QJsonObject probe = ffprobe(out);
        const QJsonObject video = streamOfType(probe, QStringLiteral("video"));
        const QJsonObject audio = streamOfType(probe, QStringLiteral("audio"));
        const QJsonObject text = streamOfType(probe, QStringLiteral("subtitle"));
        QCOMPARE(video.value(QStringLiteral("codec_name")).toString(), QStringLiteral("h264"));
        QCOMPARE(video.value(QStringLiteral("pix_fmt")).toString(), QStringLiteral("yuv420p"));
        QCOMPARE(video.value(QStringLiteral("width")).toInt(), 1280);
        QCOMPARE(video.value(QStringLiteral("height")).toInt(), 720);
        QCOMPARE(audio.value(QStringLiteral("codec_name")).toString(), QStringLiteral("aac"));
        QCOMPARE(audio.value(QStringLiteral("sample_rate")).toString(), QStringLiteral("48000"));
        QCOMPARE(audio.value(QStringLiteral("channels")).toInt(), 2);
        QCOMPARE(text.value(QStringLiteral("codec_name")).toString(), QStringLiteral("mov_text"));
        const double expected = standardSeconds();
        const double duration = probe.value(QStringLiteral("format")).toObject().value(QStringLiteral("duration")).toString().toDouble();
        QVERIFY2(qAbs(duration - expected) <= 1.0 / kFps, qPrintable(QString::number(duration)));
        QCOMPARE(video.value(QStringLiteral("nb_frames")).toString().toInt(), int(std::lround(expected * kFps)));
        const double videoStart = video.value(QStringLiteral("start_time")).toString().toDouble();
        const double audioStart = audio.value(QStringLiteral("start_time")).toString().toDouble();
        QVERIFY2(qAbs(videoStart) < 1e-3 && qAbs(audioStart) < 1e-3,
                 qPrintable(QStringLiteral("video %1 audio %2").arg(videoStart).arg(audioStart)));
        const double audioDuration = audio.value(QStringLiteral("duration")).toString().toDouble();
        QVERIFY2(qAbs(audioDuration - expected) <= 1.0 / kFps, qPrintable(QString::number(audioDuration)));
        const QStringList boxes = topLevelBoxes(out);
        QVERIFY2(boxes.indexOf(QStringLiteral("moov")) >= 0 && boxes.indexOf(QStringLiteral("moov")) < boxes.indexOf(QStringLiteral("mdat")),
                 qPrintable(boxes.join(QLatin1Char(' '))));
        QVERIFY(!QFile::exists(out + QStringLiteral(".partial")));

        // The sound comes in clip order and in step with the picture: 220, 440, 880 Hz.
        const auto sound = media::decodeAudio(out);
        QVERIFY(sound.ok());
        QVERIFY(qAbs(toneHz(sound.value(), 0.2, 1.3) - 220) < 10);
        QVERIFY(qAbs(toneHz(sound.value(), 1.7, 3.3) - 440) < 10);
        QVERIFY(qAbs(toneHz(sound.value(), 3.7, 4.6) - 880) < 10);

        // The subtitle track holds both cues, moved to film time (the second clip has none).
        QProcess extract;
        extract.start(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), out,
                                                 QStringLiteral("-map"), QStringLiteral("0:s:0"), QStringLiteral("-f"),
                                                 QStringLiteral("srt"), QStringLiteral("-")});
        QVERIFY(extract.waitForFinished(30000));
        auto cues = media::parseSrt(QString::fromUtf8(extract.readAllStandardOutput()));
        QVERIFY(cues.ok());
        QCOMPARE(cues.value().size(), 2);
        QVERIFY(qAbs(cues.value()[0].startSeconds - 0.2) < 0.01 && qAbs(cues.value()[0].endSeconds - 1.2) < 0.01);
        QVERIFY(cues.value()[0].text.contains(QStringLiteral("Hello there.")));
        QVERIFY(qAbs(cues.value()[1].startSeconds - 3.6) < 0.01 && qAbs(cues.value()[1].endSeconds - 4.5) < 0.01);

        // The watermark: at 1.0 s (bright clip) it is top-left, at 4.3 s (dark clip) bottom-right;
        // elsewhere the picture equals the take's.
        const media::Watermark mark(settings.handle, QSize(kWidth, kHeight));
        const QSize markSize = mark.image().size();
        struct Sample { double filmSeconds; int take; double takeSeconds; media::Watermark::Corner corner; };
        const Sample samples[] = {{1.0, 0, 1.0, media::Watermark::Corner::TopLeft},
                                  {4.3, 2, 0.8, media::Watermark::Corner::BottomRight}};
        QSet<int> cornersSeen;
        for (const Sample &s : samples) {
            const QByteArray exported = frameAt(out, s.filmSeconds);
            const QByteArray source = frameAt(m_takePaths[s.take], s.takeSeconds);
            QCOMPARE(exported.size(), kWidth * kHeight * 3);
            double best = 0;
            int bestCorner = -1;
            for (int c = 0; c < media::Watermark::kCorners; ++c) {
                const QRect box(mark.cornerPosition(media::Watermark::Corner(c)), markSize);
                const double diff = regionDiff(exported, source, kWidth, box);
                qInfo("t=%.1f s corner %d: mean difference from the take %.2f", s.filmSeconds, c, diff);
                if (diff > best)
                    best = diff, bestCorner = c;
                if (c != int(s.corner))
                    QVERIFY2(diff < 3.0, qPrintable(QStringLiteral("corner %1 at %2 s differs by %3").arg(c).arg(s.filmSeconds).arg(diff)));
            }
            QCOMPARE(bestCorner, int(s.corner));
            QVERIFY2(best > 10.0, qPrintable(QStringLiteral("mark at %1 s differs by only %2").arg(s.filmSeconds).arg(best)));
            cornersSeen.insert(bestCorner);
        }
        QCOMPARE(cornersSeen.size(), 2);
    }

    void watermarkVisitsEveryCornerAndScalesWithHeight()
    {
        const media::Watermark hd(QStringLiteral("@maya"), QSize(1920, 1080));
        const media::Watermark sd(QStringLiteral("@maya"), QSize(854, 480));
        QVERIFY(hd.image().height() >= 1080 * 0.07 && hd.image().height() <= 1080 * 0.12);
        QVERIFY(sd.image().height() >= 30 && sd.image().height() < hd.image().height());
        QSet<int> corners;
        for (double t = 0; t < 14.0; t += 0.25) {
            const media::Watermark::Placement p = hd.placementAt(t);
            corners.insert(int(p.corner));
            QVERIFY(p.opacity > 0.1 && p.opacity <= media::Watermark::kOpacity);
            QVERIFY(p.topLeft.x() >= 0 && p.topLeft.x() + hd.image().width() <= 1920);
            QVERIFY(p.topLeft.y() >= 0 && p.topLeft.y() + hd.image().height() <= 1080);
        }
        QCOMPARE(corners.size(), 4);
        // A move fades: just before a corner change the mark is fainter than mid-stay.
        QVERIFY(hd.placementAt(3.45).opacity < hd.placementAt(1.7).opacity * 0.5);
    }

    void burnedSubtitlesMarkTheBottomDuringACue()
    {
        media::ExportSettings settings;
        settings.preset = media::ExportPreset::Landscape720;
        settings.subtitles = media::SubtitleMode::Burn;
        const QString out = exportTo(QStringLiteral("burn.mp4"), settings, {{1}, {}, false});
        QVERIFY(!out.isEmpty());
        QVERIFY(streamOfType(ffprobe(out), QStringLiteral("subtitle")).isEmpty());
        const QRect bottom(kWidth * 3 / 10, kHeight * 3 / 4, kWidth * 4 / 10, kHeight * 19 / 100);
        const double during = regionDiff(frameAt(out, 0.7), frameAt(m_takePaths[0], 0.7), kWidth, bottom);
        const double after = regionDiff(frameAt(out, 1.35), frameAt(m_takePaths[0], 1.35), kWidth, bottom);
        qInfo("bottom centre differs from the take by %.2f during the cue, %.2f after it", during, after);
        QVERIFY2(during > 8.0 && during > 5 * after,
                 qPrintable(QStringLiteral("during the cue %1, after it %2").arg(during).arg(after)));
    }

    void verticalPresetLetterboxesARange()
    {
        media::ExportSettings settings;
        settings.preset = media::ExportPreset::Vertical1080;
        settings.subtitles = media::SubtitleMode::None;
        const QString out = exportTo(QStringLiteral("vertical.mp4"), settings, {{}, exporting::TimeRange{1.25, 2.0}, false});
        QVERIFY(!out.isEmpty());
        const QJsonObject probe = ffprobe(out);
        const QJsonObject video = streamOfType(probe, QStringLiteral("video"));
        QCOMPARE(video.value(QStringLiteral("width")).toInt(), 1080);
        QCOMPARE(video.value(QStringLiteral("height")).toInt(), 1920);
        QCOMPARE(video.value(QStringLiteral("nb_frames")).toString().toInt(), 18); // 0.75 s
        QVERIFY(streamOfType(probe, QStringLiteral("subtitle")).isEmpty());
        // 16:9 in 9:16: a 1080x608 picture in the middle, black above and below (outside the mark).
        const QByteArray frame = frameAt(out, 0.5);
        QCOMPARE(frame.size(), 1080 * 1920 * 3);
        auto mean = [&](const QRect &r) {
            QByteArray black(frame.size(), 0);
            return regionDiff(frame, black, 1080, r);
        };
        QVERIFY(mean(QRect(300, 300, 480, 300)) < 3);   // upper bar
        QVERIFY(mean(QRect(300, 1400, 480, 300)) < 3);  // lower bar
        QVERIFY(mean(QRect(300, 860, 480, 200)) > 60);  // the picture (colourful clip 2)
    }

    void cancelLeavesNoFile()
    {
        media::ExportSettings settings;
        settings.preset = media::ExportPreset::Landscape720;
        settings.posterPath = m_dir.filePath(QStringLiteral("cancel.png"));
        settings.fps = kFps;
        const QString out = m_dir.filePath(QStringLiteral("cancel.mp4"));
        qint64 seen = 0;
        auto stats = media::exportFilm(cut().clips, settings, out, [&](const media::ExportProgress &p) {
            seen = p.framesDone;
            return p.framesDone < 40;
        });
        QVERIFY(!stats.ok());
        QCOMPARE(seen, qint64(40));
        QVERIFY(stats.error().message.contains(QStringLiteral("cancelled")));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + QStringLiteral(".partial")));
        QVERIFY(!QFile::exists(settings.posterPath));
    }

    void badClipsAreRefused()
    {
        media::ExportSettings settings;
        media::ExportClip clip{m_takePaths[0], 1.0, 0.5, {}, QStringLiteral("Shot 1")};
        auto stats = media::exportFilm({clip}, settings, m_dir.filePath(QStringLiteral("bad.mp4")));
        QVERIFY(!stats.ok());
        QVERIFY(stats.error().message.contains(QStringLiteral("in point")));
        // Exporting over one of its own clips would destroy a take.
        clip = {m_takePaths[0], 0, 1, {}, QStringLiteral("Shot 1")};
        stats = media::exportFilm({clip}, settings, m_takePaths[0]);
        QVERIFY(!stats.ok());
        QVERIFY(QFile::exists(m_takePaths[0]));
        QVERIFY(media::mediaDurationSeconds(m_takePaths[0]).ok());
    }

    void cleanupTestCase()
    {
        QFile file(m_project);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll() == m_projectBytes, "the export must never write to the project file");
    }
};

QTEST_MAIN(TestExportFilm)
#include "tst_export_film.moc"
