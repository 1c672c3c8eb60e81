// The film pipeline and its command line: the same spec and seed give bit-identical frames, a
// different seed gives a different take, sound and lip-sync ride with the picture, an edited plan
// is what renders, and kinora-cli plan/render answer bad input clearly.
#include "audio/loudness.h"
#include "engine/filmpipeline.h"
#include "engine/jobspec.h"
#include "media/mediadecoder.h"
#include "story/projectio.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace kinora;

namespace {

story::Storyboard twoShots()
{
    story::Storyboard board;
    board.resolution = story::Resolution::P480;
    story::Shot a = story::makeShot(QStringLiteral("A girl shoots a basketball at the hoop in a gym and misses."));
    a.durationDs = 10;
    a.seed = 11;
    story::Shot b = story::makeShot(QStringLiteral("The ball rolls across the floor."));
    b.durationDs = 10;
    b.seed = 12;
    board.shots << a << b;
    return board;
}

QByteArray framesHash(const QString &path, int *count = nullptr)
{
    const auto video = media::decodeVideoFrames(path, 0);
    if (!video)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &frame : video.value().frames)
        hash.addData(frame);
    if (count)
        *count = int(video.value().frames.size());
    return hash.result().toHex();
}

struct Run
{
    int code = -1;
    QString out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(KINORA_BINARY_DIR "/app/kinora-cli/kinora-cli"), args);
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestEnginePipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSpecAndSeedGiveIdenticalFrames()
    {
        QTemporaryDir dir;
        engine::FilmPipeline pipeline;
        const engine::FilmOverrides o{story::Resolution::P480, 8, std::nullopt, {}};
        const story::Storyboard board = twoShots();
        const auto first = pipeline.renderShot(board, o, 2, dir.filePath(QStringLiteral("a.mp4")));
        const auto again = pipeline.renderShot(board, o, 2, dir.filePath(QStringLiteral("b.mp4")));
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QVERIFY(again.ok());
        // The frames as rendered (hashed as they go to the encoder) are bit-identical; both files
        // decode to the full 8 frames.
        int frames = 0;
        QVERIFY(!framesHash(dir.filePath(QStringLiteral("a.mp4")), &frames).isEmpty());
        QCOMPARE(frames, 8);
        QVERIFY(!framesHash(dir.filePath(QStringLiteral("b.mp4")), &frames).isEmpty());
        QCOMPARE(frames, 8);
        QCOMPARE(first.value().stats.frames, 8);
        QCOMPARE(first.value().stats.frameHash, again.value().stats.frameHash);
        QCOMPARE(engine::toJson(first.value().plan), engine::toJson(again.value().plan));

        // A new seed on a new scene gives another take (looks and layout vary with the seed).
        story::Storyboard reseeded = board;
        const auto c = pipeline.renderShot(board, o, 1, dir.filePath(QStringLiteral("c.mp4")));
        reseeded.shots[0].seed = 999;
        const auto d = pipeline.renderShot(reseeded, o, 1, dir.filePath(QStringLiteral("d.mp4")));
        QVERIFY(c.ok() && d.ok());
        QVERIFY(c.value().stats.frameHash != d.value().stats.frameHash);
    }

    void cliRendersAndPlans()
    {
        QTemporaryDir dir;
        const QString board = dir.filePath(QStringLiteral("film.json"));
        QVERIFY(story::writeStoryboardFile(twoShots(), board).ok());
        const QString out = dir.filePath(QStringLiteral("film.mp4"));
        const Run render = cli({QStringLiteral("render"), board, QStringLiteral("-o"), out, QStringLiteral("--fps"),
                                QStringLiteral("8"), QStringLiteral("--resolution"), QStringLiteral("480p"),
                                QStringLiteral("--shots"), QStringLiteral("2")});
        QVERIFY2(render.code == 0, qPrintable(render.err));
        QVERIFY(render.err.contains(QStringLiteral("shot 2/2 render 100%")));
        int frames = 0;
        framesHash(out, &frames);
        QCOMPARE(frames, 8);

        const QString plans = dir.filePath(QStringLiteral("plans.json"));
        const Run plan = cli({QStringLiteral("plan"), board, QStringLiteral("-o"), plans});
        QVERIFY2(plan.code == 0, qPrintable(plan.err));
        QFile f(plans);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray shots = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("shots")).toArray();
        QCOMPARE(shots.size(), 2);
        QCOMPARE(shots.at(0).toObject().value(QStringLiteral("environment")).toString(), QStringLiteral("gym"));
        QCOMPARE(shots.at(1).toObject().value(QStringLiteral("environment")).toString(), QStringLiteral("gym")); // carried over
    }

    void soundAndMouthsFollowTheDialogue()
    {
        // One shot, the same seed, with and without a line that starts at 0.75 s: the picture is
        // identical until the voice starts (mouths closed) and differs while she speaks; the
        // sound track is as long as the picture, at -16 LUFS, with a true peak under -1 dBTP
        // measured on the decoded AAC, and the line is louder than the silence before it.
        QTemporaryDir dir;
        engine::FilmPipeline pipeline;
        const engine::FilmOverrides o{story::Resolution::P480, 12, std::nullopt, {}};
        story::Storyboard silent;
        silent.resolution = story::Resolution::P480;
        story::Shot shot = story::makeShot(QStringLiteral("A close-up of a woman in a room."));
        shot.framing = story::Framing::CloseUp;
        shot.durationDs = 20;
        shot.seed = 5;
        silent.shots << shot;
        story::Storyboard speaking = silent;
        story::DialogueLine line;
        line.speaker = QStringLiteral("WOMAN");
        line.text = QStringLiteral("Hello there!");
        line.startMs = 750;
        speaking.shots[0].dialogue << line;

        const QString quiet = dir.filePath(QStringLiteral("quiet.mp4"));
        const QString talk = dir.filePath(QStringLiteral("talk.mp4"));
        QVERIFY(pipeline.renderShot(silent, o, 1, quiet).ok());
        const auto spoken = pipeline.renderShot(speaking, o, 1, talk);
        QVERIFY2(spoken.ok(), qPrintable(spoken.error().toString()));
        QCOMPARE(spoken.value().subtitles.size(), 1);
        QVERIFY(std::abs(spoken.value().subtitles.first().startSeconds - 0.75) < 0.02);

        const auto a = media::decodeVideoFrames(quiet, 0);
        const auto b = media::decodeVideoFrames(talk, 0);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value().frames.size(), 24);
        QCOMPARE(b.value().frames.size(), 24);
        // Compared after H.264, whose rate control lets every frame shift by a level or two:
        // count the pixels that changed by more than the codec's noise.
        const auto changed = [&](int f) {
            const QByteArray &x = a.value().frames.at(f), &y = b.value().frames.at(f);
            int n = 0;
            for (int i = 0; i < x.size(); ++i)
                n += std::abs(int(uchar(x[i])) - int(uchar(y[i]))) > 40;
            return n;
        };
        for (int f = 0; f < 8; ++f) // 0 .. 0.67 s: before the line (measured: 0-2 bytes)
            QVERIFY2(changed(f) < 50, qPrintable(QStringLiteral("frame %1: %2 bytes").arg(f).arg(changed(f))));
        int moving = 0;
        for (int f = 10; f < 20; ++f) // during the line (measured: 1,000-9,000 bytes)
            moving += changed(f) > 500;
        QVERIFY2(moving >= 6, qPrintable(QStringLiteral("%1 of 10 frames show the mouth moving").arg(moving)));

        const auto sound = media::decodeAudio(talk);
        QVERIFY(sound.ok());
        QVERIFY(std::abs(sound.value().frameCount() - 2 * 48000) <= 48000 / 12);
        const auto loudness = audio::measureLoudness(sound.value().samples);
        QVERIFY(loudness.ok());
        QVERIFY2(std::abs(loudness.value().integratedLufs + 16) < 1.0, qPrintable(QString::number(loudness.value().integratedLufs)));
        QVERIFY2(loudness.value().truePeakDb <= -1.0, qPrintable(QString::number(loudness.value().truePeakDb)));
        const auto rms = [&](double from, double to) {
            double sum = 0;
            const qint64 i0 = qint64(from * 48000) * 2, i1 = qint64(to * 48000) * 2;
            for (qint64 i = i0; i < i1; ++i)
                sum += double(sound.value().samples[std::size_t(i)]) * sound.value().samples[std::size_t(i)];
            return std::sqrt(sum / double(i1 - i0));
        };
        QVERIFY2(rms(0.9, 1.4) > 4 * rms(0.1, 0.6), qPrintable(QStringLiteral("%1 vs %2").arg(rms(0.9, 1.4)).arg(rms(0.1, 0.6))));
    }

    void editedPlanIsWhatRenders()
    {
        story::Storyboard board;
        board.resolution = story::Resolution::P480;
        story::Shot shot = story::makeShot(QStringLiteral("A girl waves in a gym."));
        shot.durationDs = 30;
        board.shots << shot;
        auto compiled = engine::FilmPlanner().plan(board, {});
        QVERIFY(compiled.ok());
        engine::ScenePlan edited = compiled.value().first();
        QCOMPARE(edited.environment, QStringLiteral("gym"));
        edited.environment = QStringLiteral("beach");
        edited.entities[0].colorName = QStringLiteral("green");
        edited.durationSeconds = 9; // the storyboard keeps the say over timing
        story::Storyboard editedBoard = board;
        editedBoard.shots[0].plan = engine::toJson(edited);

        auto planned = engine::FilmPlanner().plan(editedBoard, {});
        QVERIFY2(planned.ok(), qPrintable(planned.error().toString()));
        QCOMPARE(planned.value().first().environment, QStringLiteral("beach"));
        QCOMPARE(planned.value().first().entities.at(0).colorName, QStringLiteral("green"));
        QCOMPARE(planned.value().first().durationSeconds, 3.0);
        // The edit is part of the job's identity: the cached take of the prompt's plan is not reused.
        QVERIFY(engine::specHash({board, {}, 1}) != engine::specHash({editedBoard, {}, 1}));

        QJsonObject broken = engine::toJson(edited);
        QJsonArray entities = broken.value(QStringLiteral("entities")).toArray();
        QJsonObject first = entities.at(0).toObject();
        first.insert(QStringLiteral("massKg"), -2);
        entities.replace(0, first);
        broken.insert(QStringLiteral("entities"), entities);
        editedBoard.shots[0].plan = broken;
        auto refused = engine::FilmPlanner().plan(editedBoard, {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("edited plan"))
                     && refused.error().message.contains(QStringLiteral("entities[0].massKg")),
                 qPrintable(refused.error().toString()));
    }

    void cliRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList{QStringLiteral("render"), QStringLiteral("/nonexistent/x.json"), QStringLiteral("-o"), QStringLiteral("o.mp4")}
                                      << 1 << QStringLiteral("does not exist");
        QTest::newRow("bad resolution") << QStringList{QStringLiteral("render"), QStringLiteral("@board"), QStringLiteral("-o"), QStringLiteral("o.mp4"), QStringLiteral("--resolution"), QStringLiteral("4k")}
                                        << 2 << QStringLiteral("480p, 720p or 1080p");
        QTest::newRow("shot out of range") << QStringList{QStringLiteral("render"), QStringLiteral("@board"), QStringLiteral("-o"), QStringLiteral("o.mp4"), QStringLiteral("--shots"), QStringLiteral("1,9")}
                                           << 2 << QStringLiteral("between 1 and 2");
        QTest::newRow("not mp4") << QStringList{QStringLiteral("render"), QStringLiteral("@board"), QStringLiteral("-o"), QStringLiteral("o.mov")}
                                 << 2 << QStringLiteral(".mp4");
        QTest::newRow("no output") << QStringList{QStringLiteral("plan"), QStringLiteral("@board")} << 2 << QStringLiteral("usage");
    }

    void cliRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString board = dir.filePath(QStringLiteral("film.json"));
        QVERIFY(story::writeStoryboardFile(twoShots(), board).ok());
        args.replaceInStrings(QStringLiteral("@board"), board);
        args.replaceInStrings(QStringLiteral("o.mp4"), dir.filePath(QStringLiteral("o.mp4")));
        const Run run = cli(args);
        QCOMPARE(run.code, code);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("o.mp4"))));
    }
};

QTEST_GUILESS_MAIN(TestEnginePipeline)
#include "tst_engine_pipeline.moc"
