// Voice casting: distinct, plausible, consistent voices, checked both on the profiles and on the
// pitch a listener hears (median F0 from an autocorrelation tracker on the synthesized samples).
#include "audio/speech.h"
#include "audio/voicecast.h"
#include "tst_speech_analysis.h"

#include <QtTest>

using namespace kinora;
using namespace speechtest;

class TestSpeechVoices : public QObject
{
    Q_OBJECT

private:
    static std::vector<float> spoken(const engine::ScenePlan &plan, const audio::VoiceCast &cast,
                                     const QString &speaker)
    {
        core::Result<audio::SpeechTrack> r = audio::synthesizeSpeech(plan, cast);
        if (!r.ok())
            qFatal("synthesizeSpeech failed: %s", qPrintable(r.error().toString()));
        std::vector<float> all;
        for (const audio::SpokenLine &l : r.value().lines) {
            if (l.speaker == speaker)
                all.insert(all.end(), l.samples.begin(), l.samples.end());
        }
        return all;
    }

private Q_SLOTS:
    void castFitsTheFigures()
    {
        const audio::VoiceCast cast = audio::castVoices({{"LEO", "man", {}},
                                                         {"MAYA", "woman", {}},
                                                         {"ZOE", "girl", {}},
                                                         {"SAM", "boy", {}},
                                                         {"REX", "dog", {}}});
        QCOMPARE(cast.size(), 5);
        const audio::VoiceProfile leo = cast["LEO"], maya = cast["MAYA"], zoe = cast["ZOE"], sam = cast["SAM"];
        QCOMPARE(leo.speaker, QStringLiteral("LEO"));
        QVERIFY(!audio::isFemaleVariant(leo.variant));
        QVERIFY(audio::isFemaleVariant(maya.variant));
        QVERIFY(zoe.pitch > maya.pitch + 15);  // a girl sounds higher than a woman
        QVERIFY(zoe.rate > maya.rate);         // and children talk faster
        QVERIFY(sam.rate > leo.rate);
        QVERIFY(cast.contains("REX"));
    }

    void manySpeakersStayDistinct()
    {
        QList<audio::SpeakerHint> hints;
        for (int i = 0; i < 12; ++i)
            hints.append({QString("MAN%1").arg(i), "man", {}});
        for (int i = 0; i < 8; ++i)
            hints.append({QString("WOMAN%1").arg(i), "woman", {}});
        hints.append({"NOBODY", "", {}});
        const audio::VoiceCast cast = audio::castVoices(hints);
        QCOMPARE(cast.size(), hints.size());
        const QList<audio::VoiceProfile> voices = cast.values();
        for (int i = 0; i < voices.size(); ++i) {
            for (int j = 0; j < i; ++j) {
                const bool same = voices[i].variant == voices[j].variant
                                  && std::abs(voices[i].pitch - voices[j].pitch) < audio::kMinPitchGap;
                QVERIFY2(!same, qPrintable(voices[i].speaker + " sounds like " + voices[j].speaker));
            }
        }
        // Deterministic: casting again gives the same voices.
        const audio::VoiceCast again = audio::castVoices(hints);
        for (auto it = cast.cbegin(); it != cast.cend(); ++it) {
            QCOMPARE(again[it.key()].variant, it.value().variant);
            QCOMPARE(again[it.key()].pitch, it.value().pitch);
        }
    }

    void cameoVoiceWins()
    {
        audio::VoiceProfile cameo;
        cameo.variant = 0;
        cameo.pitch = 46; // exactly what a cast man would get first
        cameo.rate = 150;
        const audio::VoiceCast cast = audio::castVoices({{"ANNA", "woman", cameo}, {"LEO", "man", {}}});
        QCOMPARE(cast["ANNA"].variant, 0);
        QCOMPARE(cast["ANNA"].pitch, 46);
        QCOMPARE(cast["ANNA"].rate, 150);
        QCOMPARE(cast["ANNA"].speaker, QStringLiteral("ANNA"));
        QVERIFY(!(cast["LEO"].variant == 0 && std::abs(cast["LEO"].pitch - 46) < audio::kMinPitchGap));
    }

    void manAndWomanSoundApart()
    {
        const audio::VoiceCast cast = audio::castVoices({{"LEO", "man", {}}, {"MAYA", "woman", {}}});
        engine::ScenePlan plan;
        plan.durationSeconds = 15;
        plan.dialogue.append(line("LEO", "I think we should wait for the others here."));
        plan.dialogue.append(line("MAYA", "I think we should wait for the others here."));
        const double leo = medianF0(spoken(plan, cast, "LEO"));
        const double maya = medianF0(spoken(plan, cast, "MAYA"));
        qInfo("median F0: LEO %.1f Hz, MAYA %.1f Hz", leo, maya);
        QVERIFY(leo > 70 && leo < 170);
        QVERIFY(maya > 140 && maya < 320);
        QVERIFY2(maya - leo > 30, qPrintable(QString("%1 vs %2").arg(maya).arg(leo)));
    }

    void sameSpeakerSameVoiceAcrossShots()
    {
        const audio::VoiceCast cast = audio::castVoices({{"LEO", "man", {}}, {"MAYA", "woman", {}}, {"ZOE", "girl", {}}});
        engine::ScenePlan shot1;
        shot1.durationSeconds = 10;
        shot1.dialogue.append(line("MAYA", "Are you coming with us?"));
        shot1.dialogue.append(line("LEO", "The road north is closed after the bridge."));
        engine::ScenePlan shot2;
        shot2.durationSeconds = 12;
        shot2.dialogue.append(line("ZOE", "Look at that!"));
        shot2.dialogue.append(line("LEO", "The road north is closed after the bridge.", "en", 4.0));
        const double first = medianF0(spoken(shot1, cast, "LEO"));
        const double second = medianF0(spoken(shot2, cast, "LEO"));
        qInfo("LEO median F0: shot 1 %.2f Hz, shot 2 %.2f Hz", first, second);
        QVERIFY(first > 0);
        QVERIFY2(std::abs(first - second) < 3, qPrintable(QString("%1 vs %2").arg(first).arg(second)));
    }
};

QTEST_GUILESS_MAIN(TestSpeechVoices)
#include "tst_speech_voices.moc"
