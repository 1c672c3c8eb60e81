// Test fixture for the export tests: a real .kinora with three generated takes (gradients and
// tones written by Mp4Writer, registered as hero takes, with .srt sidecars), plus probe helpers.
#pragma once

#include "core/ids.h"
#include "media/mp4writer.h"
#include "media/subtitles.h"
#include "store/jobrepository.h"
#include "store/projectdatabase.h"
#include "story/projectio.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRect>
#include <QStandardPaths>
#include <QtEndian>
#include <cmath>
#include <vector>

namespace exporttest {

using namespace kinora;

constexpr int kWidth = 1280;
constexpr int kHeight = 720;
constexpr int kFps = 24;

/// One generated take: a look (0 bright, 1 colourful, 2 dark), its length, its tone, its lines.
struct TakeSpec
{
    int look = 0;
    double seconds = 1;
    double toneHz = 440;
    QList<media::SubtitleCue> cues;
};

inline const QList<TakeSpec> &standardTakes()
{
    static const QList<TakeSpec> takes{
        {0, 1.5, 220, {{0.2, 1.2, QStringLiteral("MAYA"), QStringLiteral("Hello there.")}}},
        {1, 2.0, 440, {}}, // no dialogue: no .srt sidecar at all
        {2, 1.25, 880, {{0.1, 1.0, QString(), QStringLiteral("Goodnight.")}}},
    };
    return takes;
}

inline double standardSeconds()
{
    double total = 0;
    for (const TakeSpec &t : standardTakes())
        total += t.seconds;
    return total;
}

inline void paint(int look, int index, std::uint8_t *p)
{
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x, p += 3) {
            const int shift = (x + 4 * index) % kWidth;
            if (y >= 300 && y < 340 && x >= 20 * index && x < 20 * index + 40) {
                // A box that moves 20 px a frame tells which frame a picture is.
                p[0] = p[1] = p[2] = look == 0 ? 0 : 255;
            } else if (look == 0) {
                p[0] = std::uint8_t(200 + shift * 50 / kWidth), p[1] = std::uint8_t(190 + y * 50 / kHeight), p[2] = 215;
            } else if (look == 1) {
                p[0] = std::uint8_t(shift * 255 / kWidth), p[1] = 120, p[2] = std::uint8_t(255 - shift * 255 / kWidth);
            } else {
                p[0] = std::uint8_t(20 + shift * 30 / kWidth), p[1] = 18, p[2] = std::uint8_t(40 + y * 20 / kHeight);
            }
        }
}

inline core::Status writeTake(const QString &path, const TakeSpec &spec)
{
    auto opened = media::Mp4Writer::open(path, {kWidth, kHeight, kFps}, {}, {});
    if (!opened)
        return opened.error();
    const int frames = int(std::lround(spec.seconds * kFps));
    QByteArray rgb(kWidth * kHeight * 3, Qt::Uninitialized);
    qint64 samples = 0;
    for (int f = 0; f < frames; ++f) {
        paint(spec.look, f, reinterpret_cast<std::uint8_t *>(rgb.data()));
        if (core::Status st = opened.value()->writeVideoFrame(reinterpret_cast<const std::uint8_t *>(rgb.constData()), kWidth * 3); !st)
            return st;
        const qint64 due = qint64(f + 1) * 48000 / kFps;
        std::vector<float> pcm(size_t(due - samples) * 2);
        for (qint64 i = samples; i < due; ++i)
            pcm[size_t(i - samples) * 2] = pcm[size_t(i - samples) * 2 + 1] =
                0.3f * float(std::sin(2 * M_PI * spec.toneHz * double(i) / 48000));
        if (core::Status st = opened.value()->writeAudio(pcm.data(), int(due - samples)); !st)
            return st;
        samples = due;
    }
    return opened.value()->finish();
}

/// Writes a project with one shot per entry of @p takes; shots listed in @p withoutTake get no take.
inline core::Status makeProject(const QString &path, const QList<TakeSpec> &takes, const QList<int> &withoutTake = {})
{
    story::Storyboard board;
    board.title = QStringLiteral("Export test");
    board.fps = kFps;
    board.resolution = story::Resolution::P720;
    for (int i = 0; i < takes.size(); ++i) {
        story::Shot shot = story::makeShot(QStringLiteral("shot %1").arg(i + 1));
        shot.durationDs = std::max(story::kMinDurationDs, int(std::lround(takes[i].seconds * 10)));
        board.shots << shot;
    }
    if (core::Status st = story::writeStoryboardFile(board, path); !st)
        return st;
    auto db = store::ProjectDatabase::open(path);
    if (!db)
        return db.error();
    store::JobRepository jobs(db.value()->db());
    const QString folder = store::ProjectDatabase::mediaFolderFor(path) + QStringLiteral("/takes");
    QDir().mkpath(folder);
    for (int i = 0; i < takes.size(); ++i) {
        if (withoutTake.contains(i + 1))
            continue;
        auto job = jobs.enqueue(board.shots[i].id, "{}", QStringLiteral("hash-%1").arg(i));
        if (!job)
            return job.error();
        if (auto claimed = jobs.claimNext(4242); !claimed || !claimed.value())
            return core::Error{QStringLiteral("could not claim the test job"), {}};
        store::Take take;
        take.id = core::newId();
        take.shotId = board.shots[i].id;
        take.specHash = QStringLiteral("hash-%1").arg(i);
        take.engineVersion = QStringLiteral("test");
        take.plan = "{}";
        take.endState = "{}";
        take.timings = "{}";
        take.media = QStringLiteral("takes/%1.mp4").arg(take.id);
        if (core::Status st = writeTake(folder + QStringLiteral("/%1.mp4").arg(take.id), takes[i]); !st)
            return st;
        if (!takes[i].cues.isEmpty()) {
            QFile srt(folder + QStringLiteral("/%1.srt").arg(take.id));
            if (!srt.open(QIODevice::WriteOnly) || srt.write(media::toSrt(takes[i].cues).toUtf8()) < 0)
                return core::Error{QStringLiteral("could not write the test .srt"), srt.fileName()};
        }
        if (core::Status st = jobs.complete(job.value().id, take); !st)
            return st;
    }
    return {};
}

inline QJsonObject ffprobe(const QString &path)
{
    QProcess probe;
    probe.start(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                                            QStringLiteral("-show_format"), QStringLiteral("-of"), QStringLiteral("json"), path});
    probe.waitForFinished(60000);
    return QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
}

/// The picture at @p seconds as RGB24, decoded by the ffmpeg tool (the same path for every file,
/// so colour conversion differences cancel out when two files are compared).
inline QByteArray frameAt(const QString &path, double seconds)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-ss"),
                                            QString::number(seconds, 'f', 4), QStringLiteral("-i"), path,
                                            QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-f"),
                                            QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"),
                                            QStringLiteral("-")});
    ffmpeg.waitForFinished(60000);
    return ffmpeg.readAllStandardOutput();
}

/// Mean absolute difference per channel inside @p rect of two RGB24 pictures of @p width.
inline double regionDiff(const QByteArray &a, const QByteArray &b, int width, const QRect &rect)
{
    if (a.size() != b.size() || a.isEmpty())
        return -1;
    double sum = 0;
    qint64 count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            for (int c = 0; c < 3; ++c, ++count) {
                const qint64 i = (qint64(y) * width + x) * 3 + c;
                sum += std::abs(int(std::uint8_t(a[i])) - int(std::uint8_t(b[i])));
            }
    return count ? sum / count : -1;
}

inline QStringList topLevelBoxes(const QString &path)
{
    QFile file(path);
    QStringList boxes;
    if (!file.open(QIODevice::ReadOnly))
        return boxes;
    qint64 pos = 0;
    while (pos + 8 <= file.size()) {
        file.seek(pos);
        const QByteArray header = file.read(16);
        quint64 size = qFromBigEndian<quint32>(header.constData());
        if (size == 1 && header.size() == 16)
            size = qFromBigEndian<quint64>(header.constData() + 8);
        else if (size == 0)
            size = quint64(file.size() - pos);
        boxes << QString::fromLatin1(header.mid(4, 4));
        if (size < 8)
            break;
        pos += qint64(size);
    }
    return boxes;
}

inline QString cli()
{
    return QStringLiteral(KINORA_BINARY_DIR "/app/kinora-cli/kinora-cli");
}

} // namespace exporttest
