// Mp4Writer and the decoders: streams and timing as ffprobe sees them, faststart layout, picture
// and tone survive the round trip, silence padding, and no file left behind on error or cancel.
#include "media/mediadecoder.h"
#include "media/mp4writer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <csignal>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kinora;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 240;
constexpr int kFps = 24;
constexpr int kFrames = 48;
constexpr double kToneHz = 440.0;
constexpr float kToneAmplitude = 0.5f;

enum class Pattern { Invalid, Moving, Noise };

// Smooth gradients with a moving square (compresses well) or per-pixel noise (does not).
QByteArray makeFrame(int index, Pattern pattern, int width = kWidth, int height = kHeight)
{
    QByteArray rgb(width * height * 3, Qt::Uninitialized);
    auto *p = reinterpret_cast<std::uint8_t *>(rgb.data());
    QRandomGenerator noise(quint32(index + 1));
    const int boxX = 10 + 5 * index;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x, p += 3) {
            if (pattern == Pattern::Noise) {
                const quint32 v = noise.generate();
                p[0] = std::uint8_t(v), p[1] = std::uint8_t(v >> 8), p[2] = std::uint8_t(v >> 16);
                continue;
            }
            const bool inBox = x >= boxX && x < boxX + 40 && y >= 100 && y < 140;
            p[0] = inBox ? 240 : std::uint8_t(x * 255 / (width - 1));
            p[1] = inBox ? 240 : std::uint8_t(y * 255 / (height - 1));
            p[2] = inBox ? 240 : std::uint8_t(128 + 100 * std::sin(2 * M_PI * index / kFrames));
        }
    }
    return rgb;
}

// Stereo tone samples [first, first + count) at 48 kHz, interleaved.
std::vector<float> makeTone(qint64 first, int count)
{
    std::vector<float> out(size_t(count) * 2);
    for (int i = 0; i < count; ++i)
        out[2 * i] = out[2 * i + 1] = kToneAmplitude * float(std::sin(2 * M_PI * kToneHz * double(first + i) / 48000));
    return out;
}

// Encodes `frames` frames and audioSeconds of tone, interleaved as a renderer would hand them over.
core::Status encodeClip(const QString &path, Pattern pattern, int frames, double audioSeconds,
                        media::EncodeOptions options = {})
{
    auto opened = media::Mp4Writer::open(path, {kWidth, kHeight, kFps}, {}, options);
    if (!opened)
        return opened.error();
    media::Mp4Writer &writer = *opened.value();
    const qint64 audioTotal = qint64(audioSeconds * 48000);
    qint64 audioDone = 0;
    for (int f = 0; f < frames; ++f) {
        const QByteArray rgb = makeFrame(f, pattern);
        if (core::Status st = writer.writeVideoFrame(reinterpret_cast<const std::uint8_t *>(rgb.constData()),
                                                     kWidth * 3);
            !st)
            return st;
        const qint64 target = f + 1 == frames ? audioTotal : std::min(audioTotal, qint64(f + 1) * 48000 / kFps);
        if (target > audioDone) {
            const std::vector<float> pcm = makeTone(audioDone, int(target - audioDone));
            if (core::Status st = writer.writeAudio(pcm.data(), int(target - audioDone)); !st)
                return st;
            audioDone = target;
        }
    }
    return writer.finish();
}

QStringList topLevelBoxes(const QString &path)
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

// Power of one frequency in a block of mono samples (Goertzel).
double goertzelPower(const std::vector<float> &mono, double hz)
{
    const double coeff = 2 * std::cos(2 * M_PI * hz / 48000);
    double s1 = 0, s2 = 0;
    for (float x : mono) {
        const double s0 = x + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
}

double rms(const media::DecodedAudio &audio, double fromSec, double toSec)
{
    double sum = 0;
    const qint64 a = qint64(fromSec * 48000), b = qint64(toSec * 48000);
    for (qint64 i = a; i < b; ++i)
        sum += double(audio.samples[size_t(2 * i)]) * audio.samples[size_t(2 * i)];
    return std::sqrt(sum / double(b - a));
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestMediaMp4 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clip; // 48 frames + 2 s of tone, encoded once

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
        const core::Status st = encodeClip(m_clip, Pattern::Moving, kFrames, 2.0);
        QVERIFY2(st.ok(), qPrintable(st.error().toString()));
        QVERIFY(QFile::exists(m_clip));
        QVERIFY(!QFile::exists(m_clip + QStringLiteral(".partial")));
    }

    void ffprobeSeesH264AndAacFromZero()
    {
        const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
        if (ffprobe.isEmpty())
            QSKIP("ffprobe is not installed (apt-get install ffmpeg); the decoder tests still run");
        QProcess probe;
        probe.start(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                              QStringLiteral("-show_format"), QStringLiteral("-of"), QStringLiteral("json"), m_clip});
        QVERIFY(probe.waitForFinished(30000));
        QCOMPARE(probe.exitCode(), 0);
        const QJsonObject root = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
        const QJsonArray streams = root.value(QStringLiteral("streams")).toArray();
        QCOMPARE(streams.size(), 2);
        QJsonObject video, audio;
        for (const QJsonValue &s : streams)
            (s[QStringLiteral("codec_type")].toString() == QStringLiteral("video") ? video : audio) = s.toObject();
        QCOMPARE(video.value(QStringLiteral("codec_name")).toString(), QStringLiteral("h264"));
        QCOMPARE(video.value(QStringLiteral("profile")).toString(), QStringLiteral("High"));
        QCOMPARE(video.value(QStringLiteral("pix_fmt")).toString(), QStringLiteral("yuv420p"));
        QCOMPARE(video.value(QStringLiteral("color_space")).toString(), QStringLiteral("bt709"));
        QCOMPARE(video.value(QStringLiteral("color_primaries")).toString(), QStringLiteral("bt709"));
        QCOMPARE(video.value(QStringLiteral("width")).toInt(), kWidth);
        QCOMPARE(video.value(QStringLiteral("height")).toInt(), kHeight);
        QCOMPARE(video.value(QStringLiteral("avg_frame_rate")).toString(), QStringLiteral("24/1"));
        QCOMPARE(video.value(QStringLiteral("nb_frames")).toString().toInt(), kFrames);
        QCOMPARE(audio.value(QStringLiteral("codec_name")).toString(), QStringLiteral("aac"));
        QCOMPARE(audio.value(QStringLiteral("profile")).toString(), QStringLiteral("LC"));
        QCOMPARE(audio.value(QStringLiteral("sample_rate")).toString().toInt(), 48000);
        QCOMPARE(audio.value(QStringLiteral("channels")).toInt(), 2);
        QCOMPARE(video.value(QStringLiteral("start_time")).toString().toDouble(), 0.0);
        QCOMPARE(audio.value(QStringLiteral("start_time")).toString().toDouble(), 0.0);
        const double duration = root[QStringLiteral("format")][QStringLiteral("duration")].toString().toDouble();
        qInfo("file duration %.6f s, video %s s, audio %s s", duration,
              qPrintable(video.value(QStringLiteral("duration")).toString()),
              qPrintable(audio.value(QStringLiteral("duration")).toString()));
        QVERIFY2(std::abs(duration - 2.0) <= 1.0 / kFps, qPrintable(QString::number(duration)));
        const double audioDuration = audio.value(QStringLiteral("duration")).toString().toDouble();
        QVERIFY2(std::abs(audioDuration - 2.0) <= 1.0 / kFps, qPrintable(QString::number(audioDuration)));
    }

    void faststartPutsIndexBeforeMedia()
    {
        const QStringList boxes = topLevelBoxes(m_clip);
        QVERIFY2(boxes.contains(QStringLiteral("moov")) && boxes.contains(QStringLiteral("mdat")),
                 qPrintable(boxes.join(u',')));
        QVERIFY2(boxes.indexOf(QStringLiteral("moov")) < boxes.indexOf(QStringLiteral("mdat")),
                 qPrintable(boxes.join(u',')));

        // Without faststart the index trails the media: the scan above can tell the two apart.
        const QString plain = m_dir.filePath(QStringLiteral("plain.mp4"));
        media::EncodeOptions options;
        options.faststart = false;
        QVERIFY(encodeClip(plain, Pattern::Moving, 6, 0.25, options).ok());
        const QStringList plainBoxes = topLevelBoxes(plain);
        QVERIFY2(plainBoxes.indexOf(QStringLiteral("moov")) > plainBoxes.indexOf(QStringLiteral("mdat")),
                 qPrintable(plainBoxes.join(u',')));
    }

    void decodedPictureMatchesSource()
    {
        auto decoded = media::decodeVideoFrames(m_clip, 11);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
        const media::DecodedVideo &video = decoded.value();
        QCOMPARE(video.width, kWidth);
        QCOMPARE(video.height, kHeight);
        QCOMPARE(video.fps, double(kFps));
        QCOMPARE(video.frames.size(), 11);

        const QByteArray source = makeFrame(10, Pattern::Moving);
        const QByteArray &frame = video.frames.at(10);
        QCOMPARE(frame.size(), source.size());
        double squared = 0, sourceMean[3] = {}, decodedMean[3] = {};
        for (qsizetype i = 0; i < source.size(); ++i) {
            const double a = std::uint8_t(source[i]), b = std::uint8_t(frame[i]);
            squared += (a - b) * (a - b);
            sourceMean[i % 3] += a;
            decodedMean[i % 3] += b;
        }
        const double psnr = 10 * std::log10(255.0 * 255.0 / (squared / double(source.size())));
        qInfo("frame 10: PSNR %.2f dB", psnr);
        QVERIFY2(psnr > 30, qPrintable(QStringLiteral("PSNR %1 dB").arg(psnr)));
        for (int c = 0; c < 3; ++c)
            QVERIFY2(std::abs(sourceMean[c] - decodedMean[c]) / (kWidth * kHeight) < 2.0, qPrintable(QString::number(c)));

        auto all = media::decodeVideoFrames(m_clip, 0);
        QVERIFY(all.ok());
        QCOMPARE(all.value().frames.size(), kFrames);
    }

    void decodedToneIs440Hz()
    {
        auto decoded = media::decodeAudio(m_clip);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
        const media::DecodedAudio &audio = decoded.value();
        QCOMPARE(audio.sampleRate, 48000);
        QCOMPARE(audio.channels, 2);
        QCOMPARE(audio.frameCount(), 96000); // priming and the last frame's padding trimmed

        std::vector<float> mono;
        for (qint64 i = 24000; i < 72000; ++i)
            mono.push_back(audio.samples[size_t(2 * i)]);
        double bestHz = 0, bestPower = -1;
        for (int hz = 50; hz <= 4000; hz += 1) {
            const double power = goertzelPower(mono, hz);
            if (power > bestPower)
                bestPower = power, bestHz = hz;
        }
        qInfo("decoded %lld frames, tone peak at %.0f Hz, RMS %.4f", audio.frameCount(), bestHz, rms(audio, 0.5, 1.5));
        QVERIFY2(std::abs(bestHz - kToneHz) <= 5, qPrintable(QStringLiteral("peak at %1 Hz").arg(bestHz)));
        // The level survives too: a sine of amplitude 0.5 has an RMS of 0.354.
        QVERIFY2(std::abs(rms(audio, 0.5, 1.5) - kToneAmplitude / std::sqrt(2.0)) < 0.02,
                 qPrintable(QString::number(rms(audio, 0.5, 1.5))));
    }

    void shortAudioIsPaddedLongAudioIsCut()
    {
        const QString shortPath = m_dir.filePath(QStringLiteral("short.mp4"));
        QVERIFY(encodeClip(shortPath, Pattern::Moving, kFrames, 1.0).ok());
        auto padded = media::decodeAudio(shortPath);
        QVERIFY(padded.ok());
        QCOMPARE(padded.value().frameCount(), 96000);
        QVERIFY(rms(padded.value(), 0.2, 0.8) > 0.3);
        QVERIFY2(rms(padded.value(), 1.2, 1.9) < 0.005, qPrintable(QString::number(rms(padded.value(), 1.2, 1.9))));

        const QString longPath = m_dir.filePath(QStringLiteral("long.mp4"));
        QVERIFY(encodeClip(longPath, Pattern::Moving, 12, 3.0).ok()); // 0.5 s of picture
        auto cut = media::decodeAudio(longPath);
        QVERIFY(cut.ok());
        QCOMPARE(cut.value().frameCount(), 24000);
    }

    void resampledMonoInputKeepsPitchAndLength()
    {
        // 44.1 kHz mono in: converted to 48 kHz stereo, delay line flushed, length = picture.
        const QString path = m_dir.filePath(QStringLiteral("mono44.mp4"));
        auto opened = media::Mp4Writer::open(path, {kWidth, kHeight, kFps}, {44100, 1});
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        std::vector<float> mono(44100);
        for (size_t i = 0; i < mono.size(); ++i)
            mono[i] = kToneAmplitude * float(std::sin(2 * M_PI * kToneHz * double(i) / 44100));
        QVERIFY(opened.value()->writeAudio(mono.data(), int(mono.size())));
        for (int f = 0; f < kFps; ++f) {
            const QByteArray rgb = makeFrame(f, Pattern::Moving);
            QVERIFY(opened.value()->writeVideoFrame(reinterpret_cast<const std::uint8_t *>(rgb.constData()), kWidth * 3));
        }
        QVERIFY(opened.value()->finish());
        auto decoded = media::decodeAudio(path);
        QVERIFY(decoded.ok());
        const media::DecodedAudio &audio = decoded.value();
        QCOMPARE(audio.frameCount(), 48000);
        std::vector<float> left, right;
        for (qint64 i = 12000; i < 36000; ++i)
            left.push_back(audio.samples[size_t(2 * i)]), right.push_back(audio.samples[size_t(2 * i + 1)]);
        const double at440 = goertzelPower(left, kToneHz);
        QVERIFY2(at440 > 100 * goertzelPower(left, kToneHz * 44100 / 48000), "tone shifted by a rate mix-up");
        QVERIFY(at440 > 100 * goertzelPower(left, 2 * kToneHz));
        QVERIFY2(std::abs(goertzelPower(right, kToneHz) / at440 - 1) < 0.05, "mono must reach both channels");
        // Dual mono at the level it was given (not a -3 dB pan), right up to the end.
        QVERIFY2(std::abs(rms(audio, 0.75, 0.95) - kToneAmplitude / std::sqrt(2.0)) < 0.02,
                 qPrintable(QString::number(rms(audio, 0.75, 0.95))));
    }

    void finishWithoutFramesAndBadFolderFail()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.mp4"));
        auto opened = media::Mp4Writer::open(path, {kWidth, kHeight, kFps}, {});
        QVERIFY(opened.ok());
        const core::Status st = opened.value()->finish();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("No video frames")), qPrintable(st.error().message));
        QVERIFY(filesIn(dir.path()).isEmpty());
        // The failure sticks: later calls report it instead of writing into a removed file.
        const QByteArray rgb = makeFrame(0, Pattern::Moving);
        const core::Status after = opened.value()->writeVideoFrame(reinterpret_cast<const std::uint8_t *>(rgb.constData()),
                                                                   kWidth * 3);
        QCOMPARE(after.error().message, st.error().message);
        QVERIFY(filesIn(dir.path()).isEmpty());

        auto missing = media::Mp4Writer::open(dir.filePath(QStringLiteral("no/such/folder/x.mp4")), {kWidth, kHeight, kFps}, {});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.startsWith(QStringLiteral("Could not create the video file")),
                 qPrintable(missing.error().toString()));
    }

    void oddSizeIsRejectedBeforeAnyFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("odd.mp4"));
        auto opened = media::Mp4Writer::open(path, {321, 240, 24}, {});
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("even width and height")),
                 qPrintable(opened.error().message));
        QVERIFY(opened.error().message.contains(QStringLiteral("320x240")));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
        QVERIFY(!media::Mp4Writer::open(path, {320, 240, 0}, {}).ok());
    }

    void abortLeavesOldFileAndNoPartial()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("take.mp4"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous take");
        }
        {
            auto opened = media::Mp4Writer::open(path, {kWidth, kHeight, kFps}, {});
            QVERIFY(opened.ok());
            for (int f = 0; f < 30; ++f) {
                const QByteArray rgb = makeFrame(f, Pattern::Moving);
                QVERIFY(opened.value()->writeVideoFrame(reinterpret_cast<const std::uint8_t *>(rgb.constData()),
                                                        kWidth * 3));
            }
            QCOMPARE(opened.value()->videoFramesWritten(), 30);
            QVERIFY(QFile::exists(opened.value()->temporaryPath()));
        } // destroyed without finish(): a cancelled render
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("take.mp4")});
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous take"));
    }

    void fullTmpfsGivesDiskFullAndLeavesNothing()
    {
        QTemporaryDir dir;
        if (::mount("tmpfs", QFile::encodeName(dir.path()).constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP(qPrintable(QStringLiteral("cannot mount a small tmpfs here (%1); the RLIMIT_FSIZE test covers "
                                            "the disk-full path instead")
                                 .arg(QString::fromLocal8Bit(strerror(errno)))));
        const QString path = dir.filePath(QStringLiteral("full.mp4"));
        const core::Status st = encodeClip(path, Pattern::Noise, kFrames, 2.0);
        const QStringList left = filesIn(dir.path());
        ::umount(QFile::encodeName(dir.path()).constData());
        QVERIFY(!st.ok());
        qInfo("tmpfs: %s", qPrintable(st.error().toString()));
        QVERIFY2(st.error().message.startsWith(QStringLiteral("The disk is full")), qPrintable(st.error().toString()));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u',')));
    }

    void fileSizeLimitGivesDiskFullAndLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("limited.mp4"));
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            std::signal(SIGXFSZ, SIG_IGN); // so write() fails with EFBIG instead of killing us
            const rlimit limit{64 * 1024, 64 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            const core::Status st = encodeClip(path, Pattern::Noise, kFrames, 2.0);
            const QByteArray message = st.ok() ? QByteArray("OK") : st.error().message.toUtf8();
            [[maybe_unused]] auto n = ::write(fds[1], message.constData(), size_t(message.size()));
            ::_exit(0);
        }
        ::close(fds[1]);
        QByteArray message;
        char buffer[512];
        for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
            message.append(buffer, n);
        ::close(fds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFEXITED(status));
        qInfo("child reported: %s", message.constData());
        QVERIFY2(message.startsWith("The disk is full"), message.constData());
        QVERIFY2(filesIn(dir.path()).isEmpty(), qPrintable(filesIn(dir.path()).join(u',')));
    }
};

QTEST_GUILESS_MAIN(TestMediaMp4)
#include "tst_media_mp4.moc"
