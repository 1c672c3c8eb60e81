// The timeline's playback core on real takes: every frame in order across clip boundaries with
// continuous times, the right clip's picture and tone on each side, sound exactly as long as the
// film, trims that cut the right frames, exact seeking, and real-time play without an audio device.
#include "clipdecoder.h"
#include "playbackengine.h"
#include "timelineplan.h"
#include "timelinereader.h"
#include "timelinefixtures.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kinora;
using namespace kinora::timeline;
using kinora::test::frameIdOf;

namespace {

constexpr int kClipFrames = 48; // 2 s at 24 fps
const test::ClipLook kLooks[] = {{QColor(220, 30, 30), 300}, {QColor(30, 200, 40), 600}, {QColor(40, 60, 230), 1200}};

bool near(QRgb a, const QColor &b, int tolerance = 28)
{
    return std::abs(qRed(a) - b.red()) <= tolerance && std::abs(qGreen(a) - b.green()) <= tolerance
        && std::abs(qBlue(a) - b.blue()) <= tolerance;
}

int clipOfColour(const VideoPicture &pic)
{
    const QRgb c = pic.rgbAt(pic.width / 2, pic.height / 4);
    for (int i = 0; i < 3; ++i)
        if (near(c, kLooks[i].colour))
            return i;
    return pic.isBlack() ? -1 : -2;
}

} // namespace

class TestPlayback : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_takes;

    // Shots a, b, c with takes 0, 1, 2, and shot g (no take yet) between b and c.
    TimelinePlan plan(int trimInB = 0, int trimOutB = 0)
    {
        story::Storyboard board;
        QHash<QString, HeroTake> takes;
        for (const char *id : {"a", "b", "g", "c"}) {
            story::Shot s;
            s.id = QString::fromLatin1(id);
            s.prompt = QStringLiteral("shot %1").arg(s.id);
            s.durationDs = 20;
            if (s.id == QLatin1String("g"))
                s.durationDs = 10;
            if (s.id == QLatin1String("b")) {
                s.trimInDs = trimInB;
                s.trimOutDs = trimOutB;
            }
            board.shots << s;
        }
        takes.insert(QStringLiteral("a"), {m_takes.at(0), {}, kClipFrames});
        takes.insert(QStringLiteral("b"), {m_takes.at(1), {}, kClipFrames});
        takes.insert(QStringLiteral("c"), {m_takes.at(2), {}, 0}); // not probed yet: the shot's length
        return buildPlan(board, takes);
    }

    QList<TimelineUnit> readAll(TimelineReader &reader)
    {
        QList<TimelineUnit> units;
        TimelineUnit u;
        while (reader.next(&u))
            units << u;
        return units;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (int i = 0; i < 3; ++i) {
            m_takes << m_dir.filePath(QStringLiteral("take%1.mp4").arg(i));
            const core::Status st = test::writeTestTake(m_takes.last(), kLooks[i], kClipFrames);
            QVERIFY2(st.ok(), qPrintable(st.error().toString()));
        }
    }

    void decoderReadsEveryFrameAndItsSound()
    {
        auto d = ClipDecoder::open(m_takes.at(1));
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d.value()->frameCount(), qint64(kClipFrames));
        QCOMPARE(d.value()->fps(), 24.0);
        VideoPicture pic;
        std::vector<float> sound(2000 * 2);
        qint64 samples = 0;
        for (int f = 0; f < kClipFrames; ++f) {
            auto got = d.value()->readVideo(&pic);
            QVERIFY(got.ok() && got.value());
            QCOMPARE(frameIdOf(pic), f);
            QCOMPARE(clipOfColour(pic), 1);
            samples += d.value()->readAudio(sound.data(), 2000).value();
        }
        QCOMPARE(samples, qint64(kClipFrames) * 2000);
        QVERIFY(!d.value()->readVideo(&pic).value());
        auto missing = ClipDecoder::open(m_dir.filePath(QStringLiteral("gone.mp4")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("Could not open the take")));
    }

    void layoutFollowsTakesAndTrims()
    {
        const TimelinePlan p = plan(5, 5); // 0.5 s = 12 frames off each end of b
        QCOMPARE(p.clips.size(), 4);
        QCOMPARE(p.clips.at(1).sourceIn, 12);
        QCOMPARE(p.clips.at(1).frameCount, 24);
        QCOMPARE(p.clips.at(1).startFrame, 48);
        QVERIFY(p.clips.at(2).isGap());
        QCOMPARE(p.clips.at(2).frameCount, 24);
        QCOMPARE(p.clips.at(3).startFrame, 96);
        QCOMPARE(p.totalFrames(), 144);
        QCOMPARE(p.clipAt(47), 0);
        QCOMPARE(p.clipAt(48), 1);
        QCOMPARE(p.clipAt(143), 3);
    }

    void playsAcrossBoundariesFrameByFrame()
    {
        const TimelinePlan p = plan();
        TimelineReader reader(p);
        const QList<TimelineUnit> units = readAll(reader);
        QCOMPARE(units.size(), int(p.totalFrames()));
        QCOMPARE(units.size(), 48 + 48 + 24 + 48);
        qint64 samples = 0;
        for (int i = 0; i < units.size(); ++i) {
            const TimelineUnit &u = units.at(i);
            QCOMPARE(u.frame, qint64(i)); // in order, no gap, no repeat
            QCOMPARE(u.ptsUs, qint64(i) * 1000000 / 24);
            samples += qint64(u.sound.size()) / 2;
            const int clip = p.clipAt(i);
            if (p.clips.at(clip).isGap()) {
                QVERIFY(u.picture.isBlack());
                QVERIFY(std::all_of(u.sound.begin(), u.sound.end(), [](float s) { return s == 0.f; }));
                continue;
            }
            const int look = clip == 3 ? 2 : clip;
            QVERIFY2(clipOfColour(u.picture) == look, qPrintable(QStringLiteral("frame %1").arg(i)));
            QCOMPARE(frameIdOf(u.picture), int(i - p.clips.at(clip).startFrame));
        }
        // Sound: exactly the film's length, and each clip carries its own tone up to its edge.
        QCOMPARE(samples, p.totalFrames() * p.samplesPerFrame());
        QCOMPARE(clipOfColour(units.at(48).picture), 1); // the boundary frame is the next clip's
        const double rateA = test::crossingRate(units.at(20).sound.data(), 2000);
        const double rateB = test::crossingRate(units.at(49).sound.data(), 2000);
        QVERIFY2(std::abs(rateA - 600) < 40, qPrintable(QString::number(rateA)));
        QVERIFY2(std::abs(rateB - 1200) < 60, qPrintable(QString::number(rateB)));
    }

    void trimsCutTheRightFrames()
    {
        const TimelinePlan p = plan(5, 5);
        TimelineReader reader(p);
        reader.seek(40);
        const QList<TimelineUnit> units = readAll(reader);
        QCOMPARE(units.size(), int(p.totalFrames() - 40));
        // Frames 40..47: the end of a; 48..71: b from its 12th to its 35th frame; then the gap.
        QCOMPARE(frameIdOf(units.at(7).picture), 47);
        for (int i = 0; i < 24; ++i) {
            QCOMPARE(clipOfColour(units.at(8 + i).picture), 1);
            QCOMPARE(frameIdOf(units.at(8 + i).picture), 12 + i);
        }
        QVERIFY(units.at(32).picture.isBlack());
    }

    void seekLandsOnTheExactFrame_data()
    {
        QTest::addColumn<qint64>("target");
        QTest::addColumn<int>("look");
        QTest::addColumn<int>("id");
        QTest::newRow("start") << qint64(0) << 0 << 0;
        QTest::newRow("inside b") << qint64(48 + 31) << 1 << 31;
        QTest::newRow("last of a") << qint64(47) << 0 << 47;
        QTest::newRow("inside c") << qint64(120 + 5) << 2 << 5;
        QTest::newRow("last frame") << qint64(167) << 2 << 47;
    }

    void seekLandsOnTheExactFrame()
    {
        QFETCH(qint64, target);
        QFETCH(int, look);
        QFETCH(int, id);
        TimelineReader reader(plan());
        TimelineUnit u;
        for (qint64 from : {qint64(130), qint64(3), target}) { // arrive from after, before and on it
            reader.seek(from);
            QVERIFY(reader.next(&u));
            reader.seek(target);
            QVERIFY(reader.next(&u));
            QCOMPARE(u.frame, target);
            QCOMPARE(clipOfColour(u.picture), look);
            QCOMPARE(frameIdOf(u.picture), id);
        }
    }

    void missingTakePlaysAsGapAndSaysWhy()
    {
        TimelinePlan p = plan();
        p.clips[1].mediaPath = m_dir.filePath(QStringLiteral("removed.mp4"));
        TimelineReader reader(p);
        reader.seek(50);
        TimelineUnit u;
        QVERIFY(reader.next(&u));
        QVERIFY(u.picture.isBlack());
        const QStringList problems = reader.takeProblems();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QStringLiteral("removed.mp4")));
    }

    void engineShowsTheSeekedFrameWhilePaused()
    {
        PlaybackEngine engine({false, 24, 6});
        QSignalSpy shown(&engine, &PlaybackEngine::framePresented);
        engine.setPlan(plan());
        engine.seek(48 + 10);
        QTRY_VERIFY(!shown.isEmpty());
        const auto unit = shown.last().at(0).value<TimelineUnit>();
        QCOMPARE(unit.frame, qint64(58));
        QCOMPARE(frameIdOf(unit.picture), 10);
        QCOMPARE(engine.position(), qint64(58));
        engine.seek(59); // one step forward comes from the decoded queue
        QTRY_COMPARE(shown.last().at(0).value<TimelineUnit>().frame, qint64(59));
        QCOMPARE(frameIdOf(shown.last().at(0).value<TimelineUnit>().picture), 11);
    }

    void enginePlaysInRealTimeWithoutAudioDevice()
    {
        PlaybackEngine engine({false, 24, 6});
        QCOMPARE(engine.hasAudioDevice(), false);
        const TimelinePlan p = plan(5, 5); // 48 + 24 + 24 + 48 = 144 frames = 6 s
        engine.setPlan(p);
        engine.seek(24); // the last second of a, then the rest: 120 frames = 5 s
        QSignalSpy shown(&engine, &PlaybackEngine::framePresented);
        QSignalSpy finished(&engine, &PlaybackEngine::finished);
        QTRY_COMPARE(shown.size(), 1);
        shown.clear();
        QElapsedTimer wall;
        wall.start();
        engine.play();
        QVERIFY(finished.wait(15000));
        const double seconds = wall.elapsed() / 1000.0;
        QVERIFY2(seconds > 4.9 && seconds < 6.5, qPrintable(QString::number(seconds)));
        qint64 last = 23;
        bool sawBoundary = false;
        for (const QList<QVariant> &args : std::as_const(shown)) {
            const auto u = args.at(0).value<TimelineUnit>();
            QVERIFY2(u.frame > last, qPrintable(QStringLiteral("%1 after %2").arg(u.frame).arg(last)));
            last = u.frame;
            if (u.frame == 48) {
                sawBoundary = true;
                QCOMPARE(clipOfColour(u.picture), 1);
                QCOMPARE(frameIdOf(u.picture), 12);
            }
        }
        QCOMPARE(last, p.totalFrames() - 1);
        // Every frame was shown or (when late) skipped, none twice; the sound is the film's length.
        QCOMPARE(engine.presentedFrames() - 1 + engine.droppedFrames(), qint64(120));
        QCOMPARE(engine.samplesPlayed(), qint64(120) * 2000);
        qInfo("real-time play: %lld shown, %lld dropped, %.2f s", engine.presentedFrames() - 1,
              engine.droppedFrames(), seconds);
        QVERIFY(sawBoundary || engine.droppedFrames() > 0);
        QVERIFY2(engine.droppedFrames() <= 12, "more than half a second of pictures skipped");
        QCOMPARE(engine.isPlaying(), false);
    }
};

QTEST_GUILESS_MAIN(TestPlayback)
#include "tst_playback.moc"
