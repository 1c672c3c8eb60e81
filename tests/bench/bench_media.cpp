// bench_media [--frames N] [--width W] [--height H]: encodes N frames (24 fps) plus a tone from
// memory with Mp4Writer, then the same input with the ffmpeg command line, and prints both speeds.
#include "media/mp4writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace kinora;

namespace {

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

// A moving gradient with a little grain, so the encoder does real work on every frame.
std::vector<QByteArray> makeFrames(int count, int width, int height)
{
    std::vector<QByteArray> frames;
    frames.reserve(size_t(count));
    quint32 seed = 12345;
    for (int f = 0; f < count; ++f) {
        QByteArray rgb(qsizetype(width) * height * 3, Qt::Uninitialized);
        auto *p = reinterpret_cast<std::uint8_t *>(rgb.data());
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x, p += 3) {
                seed = seed * 1664525u + 1013904223u;
                const int grain = int(seed >> 29); // 0..7
                p[0] = std::uint8_t((x + 3 * f) * 255 / (width + 3 * count) + grain);
                p[1] = std::uint8_t(y * 200 / height + grain);
                p[2] = std::uint8_t(128 + 100 * std::sin(0.02 * (x + y) + 0.2 * f));
            }
        frames.push_back(rgb);
    }
    return frames;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int frameCount = intOption(app.arguments(), QStringLiteral("--frames"), 240);
    const int width = intOption(app.arguments(), QStringLiteral("--width"), 854);
    const int height = intOption(app.arguments(), QStringLiteral("--height"), 480);
    const int fps = 24;
    QTemporaryDir dir;
    const std::vector<QByteArray> frames = makeFrames(frameCount, width, height);
    const qint64 audioFrames = qint64(frameCount) * 48000 / fps;
    std::vector<float> pcm(size_t(audioFrames) * 2);
    for (qint64 i = 0; i < audioFrames; ++i)
        pcm[size_t(2 * i)] = pcm[size_t(2 * i + 1)] = 0.5f * float(std::sin(2 * M_PI * 440 * double(i) / 48000));

    const QString ours = dir.filePath(QStringLiteral("ours.mp4"));
    QElapsedTimer timer;
    timer.start();
    auto opened = media::Mp4Writer::open(ours, {width, height, fps}, {});
    if (!opened) {
        std::fprintf(stderr, "error: %s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    const qint64 perFrame = 48000 / fps;
    for (int f = 0; f < frameCount; ++f) {
        core::Status st = opened.value()->writeVideoFrame(reinterpret_cast<const std::uint8_t *>(frames[size_t(f)].constData()),
                                                          width * 3);
        if (st)
            st = opened.value()->writeAudio(pcm.data() + 2 * perFrame * f, int(perFrame));
        if (!st) {
            std::fprintf(stderr, "error: %s\n", qPrintable(st.error().toString()));
            return 1;
        }
    }
    if (core::Status st = opened.value()->finish(); !st) {
        std::fprintf(stderr, "error: %s\n", qPrintable(st.error().toString()));
        return 1;
    }
    const double oursSec = timer.nsecsElapsed() / 1e9;
    std::printf("input: %d frames %dx%d @ %d fps + %.2f s stereo tone\n", frameCount, width, height, fps,
                double(audioFrames) / 48000);
    std::printf("Mp4Writer: %.3f s, %.1f frames/s, %lld bytes\n", oursSec, frameCount / oursSec,
                QFileInfo(ours).size());

    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        std::printf("ffmpeg: not installed, no comparison\n");
        return 0;
    }
    const QString rawVideo = dir.filePath(QStringLiteral("video.rgb"));
    const QString rawAudio = dir.filePath(QStringLiteral("audio.f32"));
    QFile videoFile(rawVideo), audioFile(rawAudio);
    if (!videoFile.open(QIODevice::WriteOnly) || !audioFile.open(QIODevice::WriteOnly))
        return 1;
    for (const QByteArray &f : frames)
        videoFile.write(f);
    audioFile.write(reinterpret_cast<const char *>(pcm.data()), qint64(pcm.size() * sizeof(float)));
    videoFile.close();
    audioFile.close();
    const QStringList args{
        QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
        QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"),
        QStringLiteral("-s"), QStringLiteral("%1x%2").arg(width).arg(height), QStringLiteral("-r"), QString::number(fps),
        QStringLiteral("-i"), rawVideo,
        QStringLiteral("-f"), QStringLiteral("f32le"), QStringLiteral("-ar"), QStringLiteral("48000"),
        QStringLiteral("-ac"), QStringLiteral("2"), QStringLiteral("-i"), rawAudio,
        QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("veryfast"),
        QStringLiteral("-crf"), QStringLiteral("20"), QStringLiteral("-profile:v"), QStringLiteral("high"),
        QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
        QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-b:a"), QStringLiteral("160k"),
        QStringLiteral("-movflags"), QStringLiteral("+faststart"), dir.filePath(QStringLiteral("ffmpeg.mp4"))};
    std::printf("ffmpeg command: ffmpeg %s\n", qPrintable(args.join(u' ')));
    timer.restart();
    QProcess process;
    process.start(ffmpeg, args);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "ffmpeg failed: %s\n", process.readAllStandardError().constData());
        return 1;
    }
    const double ffmpegSec = timer.nsecsElapsed() / 1e9;
    std::printf("ffmpeg CLI: %.3f s, %.1f frames/s, %lld bytes\n", ffmpegSec, frameCount / ffmpegSec,
                QFileInfo(dir.filePath(QStringLiteral("ffmpeg.mp4"))).size());
    std::printf("ratio ours/ffmpeg (time): %.2f\n", oursSec / ffmpegSec);
    return 0;
}
