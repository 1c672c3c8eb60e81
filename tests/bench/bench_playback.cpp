// bench_playback: how fast the Timeline's preview decoder reads takes compared with
// `ffmpeg -f null` on the same files (goal: ratio >= 0.8), and how many frames real-time
// playback of the film drops without an audio device (the offscreen clock).
// Usage: bench_playback [--width 854] [--height 480] [--frames 240] [--clips 3]
#include "clipdecoder.h"
#include "playbackengine.h"
#include "timelinefixtures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace kinora;

namespace {

double decodeWithPreviewDecoder(const QString &path, qint64 *frames)
{
    QElapsedTimer t;
    t.start();
    auto d = timeline::ClipDecoder::open(path);
    if (!d)
        qFatal("%s", qPrintable(d.error().toString()));
    timeline::VideoPicture pic;
    std::vector<float> sound(2000 * 2);
    *frames = 0;
    while (d.value()->readVideo(&pic).value()) {
        d.value()->readAudio(sound.data(), 2000); // the player decodes the sound too
        ++*frames;
    }
    return t.nsecsElapsed() / 1e9;
}

/// ffmpeg's own -benchmark rtime: its decoding loop without process start and option parsing.
double decodeWithFfmpeg(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                                       QStringLiteral("-benchmark"), QStringLiteral("-i"), path, QStringLiteral("-f"),
                                       QStringLiteral("null"), QStringLiteral("-")});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        qFatal("ffmpeg failed on %s", qPrintable(path));
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("rtime=([0-9.]+)s"))
                                          .match(QString::fromUtf8(p.readAllStandardError()));
    if (!m.hasMatch())
        qFatal("ffmpeg printed no benchmark line");
    return m.captured(1).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("width"), QStringLiteral("picture width"), QStringLiteral("W"), QStringLiteral("854")});
    parser.addOption({QStringLiteral("height"), QStringLiteral("picture height"), QStringLiteral("H"), QStringLiteral("480")});
    parser.addOption({QStringLiteral("frames"), QStringLiteral("frames per take"), QStringLiteral("N"), QStringLiteral("240")});
    parser.addOption({QStringLiteral("clips"), QStringLiteral("takes in the film"), QStringLiteral("K"), QStringLiteral("3")});
    parser.process(app);
    const int width = parser.value(QStringLiteral("width")).toInt();
    const int height = parser.value(QStringLiteral("height")).toInt();
    const int frames = parser.value(QStringLiteral("frames")).toInt();
    const int clips = std::max(1, parser.value(QStringLiteral("clips")).toInt());

    QTemporaryDir dir;
    QHash<QString, timeline::HeroTake> takes;
    story::Storyboard board;
    QStringList paths;
    for (int i = 0; i < clips; ++i) {
        const QString path = dir.filePath(QStringLiteral("take%1.mp4").arg(i));
        const test::ClipLook look{QColor::fromHsv(i * 97 % 360, 200, 220), 220.0 * (i + 1)};
        if (core::Status st = test::writeTestTake(path, look, frames, width, height); !st)
            qFatal("%s", qPrintable(st.error().toString()));
        story::Shot shot = story::makeShot(QStringLiteral("clip %1").arg(i));
        shot.durationDs = std::clamp(frames * 10 / 24, story::kMinDurationDs, story::kMaxDurationDs);
        takes.insert(shot.id, {path, {}, frames});
        board.shots << shot;
        paths << path;
    }

    // 1. Decoding speed: best of three runs of every take, ours against ffmpeg.
    double ours = 0, theirs = 0;
    qint64 decoded = 0;
    for (const QString &path : paths) {
        double bestOurs = 1e9, bestTheirs = 1e9;
        for (int run = 0; run < 3; ++run) {
            qint64 n = 0;
            bestOurs = std::min(bestOurs, decodeWithPreviewDecoder(path, &n));
            bestTheirs = std::min(bestTheirs, decodeWithFfmpeg(path));
            decoded = run == 0 ? decoded + n : decoded;
        }
        ours += bestOurs;
        theirs += bestTheirs;
    }
    std::printf("decode %dx%d, %d takes x %d frames (video + audio):\n", width, height, clips, frames);
    std::printf("  preview decoder: %.3f s (%.0f fps)\n", ours, decoded / ours);
    std::printf("  ffmpeg -f null : %.3f s (%.0f fps, its own -benchmark rtime)\n", theirs, decoded / theirs);
    std::printf("  speed ratio (ffmpeg time / ours): %.2f (goal >= 0.8)\n", theirs / ours);

    // 2. Real-time playback of the whole film on the monotonic clock.
    timeline::PlaybackEngine engine({false, 24, 6});
    engine.setPlan(timeline::buildPlan(board, takes));
    QEventLoop loop;
    QObject::connect(&engine, &timeline::PlaybackEngine::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(200, &engine, [&] { engine.play(); });
    QElapsedTimer wall;
    wall.start();
    loop.exec();
    const qint64 total = engine.plan().totalFrames();
    std::printf("play %lld frames (%.2f s of film) in real time: %.2f s wall, %lld shown, %lld dropped (%.2f%%), "
                "%lld sound samples (expected %lld)\n",
                total, total / 24.0, wall.elapsed() / 1000.0 - 0.2, engine.presentedFrames() - 1, engine.droppedFrames(),
                100.0 * engine.droppedFrames() / std::max<qint64>(1, total), engine.samplesPlayed(),
                total * engine.plan().samplesPerFrame());
    return engine.samplesPlayed() == total * engine.plan().samplesPerFrame() ? 0 : 1;
}
