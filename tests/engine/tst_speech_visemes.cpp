// Visemes: mouth opening per frame follows the audible speech of each figure, closed elsewhere.
#include "audio/speech.h"
#include "audio/visemes.h"
#include "audio/voicecast.h"
#include "tst_speech_analysis.h"

#include <QtTest>

using namespace kinora;
using namespace speechtest;

class TestSpeechVisemes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phonemeShapes()
    {
        QCOMPARE(audio::mouthOpenness("ˈa"), 1.f);
        QVERIFY(audio::mouthOpenness("ɑː") > audio::mouthOpenness("i"));
        QVERIFY(audio::mouthOpenness("ɔ") > audio::mouthOpenness("uː"));
        QVERIFY(audio::mouthOpenness("e") > audio::mouthOpenness("ɪ"));
        QCOMPARE(audio::mouthOpenness("p"), 0.f);
        QCOMPARE(audio::mouthOpenness("b"), 0.f);
        QCOMPARE(audio::mouthOpenness("m"), 0.f);
        QCOMPARE(audio::mouthOpenness(""), 0.f);
        QCOMPARE(audio::mouthOpenness("_"), 0.f);
        const float t = audio::mouthOpenness("t");
        QVERIFY(t > 0.2f && t < audio::mouthOpenness("i"));
    }

    void mouthFollowsEachFiguresLines()
    {
        engine::ScenePlan plan;
        plan.durationSeconds = 9;
        plan.fps = 24;
        plan.entities.append(figure("person-1", "woman", "MAYA"));
        plan.entities.append(figure("person-2", "man", "Leo"));
        plan.dialogue.append(line("MAYA", "Are we nearly there? I am so tired of walking.", "en", -1, "person-1"));
        plan.dialogue.append(line("LEO", "Only a little further, I promise.")); // entity found by speaker
        plan.dialogue.append(line("NARRATOR", "They walked on."));               // no figure: voice only
        const audio::VoiceCast cast = audio::castVoices({{"MAYA", "woman", {}}, {"LEO", "man", {}}, {"NARRATOR", "", {}}});
        const core::Result<audio::SpeechTrack> r = audio::synthesizeSpeech(plan, cast);
        QVERIFY(r.ok());
        const audio::SpeechTrack &track = r.value();
        QCOMPARE(track.lines.size(), 3);
        QCOMPARE(track.lines[1].entity, QStringLiteral("person-2"));
        QCOMPARE(track.mouthOpen.size(), 2);
        QVERIFY(!track.mouthOpen.contains(""));

        for (const QString &id : {QStringLiteral("person-1"), QStringLiteral("person-2")}) {
            const std::vector<float> &mouth = track.mouthOpen[id];
            QCOMPARE(int(mouth.size()), plan.frameCount());
            int inside = 0, open = 0;
            for (int f = 0; f < plan.frameCount(); ++f) {
                const double a = double(f) / plan.fps, b = double(f + 1) / plan.fps;
                bool overlaps = false, within = false;
                for (const audio::SpokenLine &l : track.lines) {
                    if (l.entity != id)
                        continue;
                    overlaps = overlaps || (b > l.startSeconds && a < l.endSeconds);
                    within = within || (a >= l.startSeconds && b <= l.endSeconds);
                }
                if (!overlaps)
                    QVERIFY2(mouth[size_t(f)] == 0.f, qPrintable(QString("%1 frame %2 = %3").arg(id).arg(f).arg(mouth[size_t(f)])));
                if (within) {
                    ++inside;
                    open += mouth[size_t(f)] > 0.2f ? 1 : 0;
                }
            }
            qInfo("%s: %d of %d frames inside lines open > 0.2", qPrintable(id), open, inside);
            QVERIFY(inside > 20);
            QVERIFY2(open >= inside * 0.6, qPrintable(QString("%1 of %2").arg(open).arg(inside)));
        }
    }

    void pausesInsideALineAreClosed()
    {
        engine::ScenePlan plan;
        plan.durationSeconds = 8;
        plan.entities.append(figure("person-1", "man", "LEO"));
        plan.dialogue.append(line("LEO", "Wait. Stop. Listen to me."));
        const audio::VoiceCast cast = audio::castVoices({{"LEO", "man", {}}});
        const core::Result<audio::SpeechTrack> r = audio::synthesizeSpeech(plan, cast);
        QVERIFY(r.ok());
        const audio::SpokenLine &l = r.value().lines.at(0);
        const std::vector<float> &mouth = r.value().mouthOpen["person-1"];
        // Frames wholly inside the line whose audio is near silence (the sentence pauses) are shut.
        int silentFrames = 0;
        for (int f = 0; f < plan.frameCount(); ++f) {
            const double a = double(f) / plan.fps - l.startSeconds, b = a + 1.0 / plan.fps;
            if (a < 0 || b > l.endSeconds - l.startSeconds)
                continue;
            const std::vector<float> span(l.samples.begin() + long(a * audio::kSampleRate),
                                          l.samples.begin() + long(b * audio::kSampleRate));
            const std::vector<double> rms = frameRms(span, 1.0 / plan.fps - 1e-6);
            if (!rms.empty() && rms[0] < 1e-4) {
                ++silentFrames;
                QCOMPARE(mouth[size_t(f)], 0.f);
            }
        }
        qInfo("silent frames inside the line: %d", silentFrames);
        QVERIFY(silentFrames >= 2);
    }
};

QTEST_GUILESS_MAIN(TestSpeechVisemes)
#include "tst_speech_visemes.moc"
