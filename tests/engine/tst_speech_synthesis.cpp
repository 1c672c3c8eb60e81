// Speech synthesis: twelve languages, timing of the audible voice against the schedule, the notes a
// user gets for lines that cannot be spoken as written, and bit-identical repeat runs.
#include "audio/speech.h"
#include "audio/speechresampler.h"
#include "audio/voicecast.h"
#include "tst_speech_analysis.h"

#include <QtTest>

using namespace kinora;
using namespace speechtest;

class TestSpeechSynthesis : public QObject
{
    Q_OBJECT

private:
    static audio::VoiceCast cast()
    {
        return audio::castVoices({{QStringLiteral("MAYA"), QStringLiteral("woman"), {}},
                                  {QStringLiteral("LEO"), QStringLiteral("man"), {}}});
    }
    static audio::SpeechTrack speak(const engine::ScenePlan &plan)
    {
        core::Result<audio::SpeechTrack> r = audio::synthesizeSpeech(plan, cast());
        if (!r.ok())
            qFatal("synthesizeSpeech failed: %s", qPrintable(r.error().toString()));
        return std::move(r).value();
    }
    static double rms(const std::vector<float> &s)
    {
        double sum = 0;
        for (float v : s)
            sum += double(v) * v;
        return s.empty() ? 0 : std::sqrt(sum / double(s.size()));
    }

private Q_SLOTS:
    void twelveLanguagesSpeak()
    {
        const QList<QPair<QString, QString>> lines{
            {"en", "Hello, how are you today?"},   {"es", "Hola, ¿cómo estás hoy?"},
            {"fr", "Bonjour, comment allez-vous ?"}, {"de", "Guten Tag, wie geht es dir?"},
            {"it", "Ciao, come stai oggi?"},       {"pt", "Olá, como você está hoje?"},
            {"ja", "こんにちは、おげんきですか"},     {"zh", "你好，你今天好吗？"},
            {"hi", "नमस्ते, आप कैसे हैं?"},          {"ar", "مرحبا، كيف حالك اليوم؟"},
            {"ru", "Привет, как дела сегодня?"},   {"ko", "안녕하세요, 오늘 어떠세요?"}};
        engine::ScenePlan plan;
        plan.durationSeconds = 60;
        for (const auto &l : lines)
            plan.dialogue.append(line("MAYA", l.second, l.first));
        const audio::SpeechTrack track = speak(plan);
        QCOMPARE(track.notes, QStringList());
        QCOMPARE(track.lines.size(), lines.size());
        for (int i = 0; i < lines.size(); ++i) {
            const audio::SpokenLine &l = track.lines.at(i);
            QCOMPARE(l.language, lines.at(i).first);
            const double seconds = double(l.samples.size()) / audio::kSampleRate;
            QVERIFY2(seconds > 0.3, qPrintable(QString("%1: %2 s").arg(l.language).arg(seconds)));
            QVERIFY2(rms(l.samples) > 0.01, qPrintable(QString("%1: rms %2").arg(l.language).arg(rms(l.samples))));
            const Region voiced = voicedRegion(l.samples);
            QVERIFY2(voiced.end - voiced.start > 0.3, qPrintable(l.language));
            QVERIFY(std::abs(l.endSeconds - l.startSeconds - seconds) < 1e-6);
            for (int j = 0; j < i; ++j)
                QVERIFY(track.lines.at(j).samples != l.samples);
        }
    }

    void languageChangesTheVoice()
    {
        // The same letters read by five languages' rules must sound different: proof that the
        // language reaches espeak and is not just a label.
        const QStringList languages{"en", "es", "fr", "de", "it"};
        engine::ScenePlan plan;
        plan.durationSeconds = 30;
        for (const QString &lang : languages)
            plan.dialogue.append(line("LEO", "Maria juega con Jorge", lang));
        const audio::SpeechTrack track = speak(plan);
        QCOMPARE(track.lines.size(), languages.size());
        for (int i = 0; i < languages.size(); ++i) {
            QCOMPARE(track.lines.at(i).language, languages.at(i));
            for (int j = 0; j < i; ++j) {
                const auto &a = track.lines.at(i).samples, &b = track.lines.at(j).samples;
                const double lengthRatio = double(a.size()) / double(b.size());
                QVERIFY2(a != b && (std::abs(lengthRatio - 1) > 0.01 || rms(a) != rms(b)),
                         qPrintable(languages.at(i) + " vs " + languages.at(j)));
            }
        }
    }

    void scheduleMatchesTheAudibleVoice()
    {
        engine::ScenePlan plan;
        plan.durationSeconds = 12;
        plan.dialogue.append(line("MAYA", "We should go before the storm."));
        plan.dialogue.append(line("LEO", "Give me one more minute."));
        plan.dialogue.append(line("MAYA", "Fine. One minute.", "en", 7.25));
        const audio::SpeechTrack track = speak(plan);
        QCOMPARE(track.notes, QStringList());
        QCOMPARE(track.lines.size(), 3);
        QVERIFY(std::abs(track.lines[0].startSeconds - audio::kFirstLineDelaySeconds) < 1e-9);
        QVERIFY(std::abs(track.lines[1].startSeconds - track.lines[0].endSeconds - audio::kLineGapSeconds) < 1e-9);
        QVERIFY(std::abs(track.lines[2].startSeconds - 7.25) < 0.010);

        // Measured on the mixed shot: the voice is audible from each line's start to its end.
        const std::vector<float> mix = mixdown(track, plan.durationSeconds);
        for (const audio::SpokenLine &l : track.lines) {
            const size_t a = size_t(std::max(0.0, l.startSeconds - 0.2) * audio::kSampleRate);
            const size_t b = std::min(mix.size(), size_t((l.endSeconds + 0.2) * audio::kSampleRate));
            const std::vector<float> around(mix.begin() + long(a), mix.begin() + long(b));
            const Region voiced = voicedRegion(around);
            const double offset = double(a) / audio::kSampleRate;
            QVERIFY2(std::abs(voiced.start + offset - l.startSeconds) <= 0.030,
                     qPrintable(QString("start %1 vs %2").arg(voiced.start + offset).arg(l.startSeconds)));
            QVERIFY2(std::abs(voiced.end + offset - l.endSeconds) <= 0.030,
                     qPrintable(QString("end %1 vs %2").arg(voiced.end + offset).arg(l.endSeconds)));
        }
        QCOMPARE(track.subtitles.size(), 3);
        QCOMPARE(track.subtitles[1].speaker, QStringLiteral("LEO"));
        QCOMPARE(track.subtitles[1].text, QStringLiteral("Give me one more minute."));
        QCOMPARE(track.subtitles[2].startSeconds, track.lines[2].startSeconds);
        QCOMPARE(track.subtitles[2].endSeconds, track.lines[2].endSeconds);
    }

    void problemLinesAreReportedOthersStillSpoken()
    {
        QString longLine;
        for (int i = 0; i < 200; ++i)
            longLine += QStringLiteral("word ");
        engine::ScenePlan plan;
        plan.durationSeconds = 2;
        plan.dialogue.append(line("MAYA", "Hi."));
        plan.dialogue.append(line("MAYA", "Where are we?", "xx"));
        plan.dialogue.append(line("LEO", "   "));
        plan.dialogue.append(line("LEO", "😀🎉👍"));
        plan.dialogue.append(line("LEO", longLine));
        plan.dialogue.append(line("LEO", "Go 🚀 now"));
        const audio::SpeechTrack track = speak(plan);

        const QString notes = track.notes.join('\n');
        QVERIFY2(notes.contains("Line 2 (MAYA): language 'xx' is not known; spoken in English"), qPrintable(notes));
        QVERIFY2(notes.contains("Line 3 (LEO): the line is empty"), qPrintable(notes));
        QVERIFY2(notes.contains("Line 4 (LEO): nothing in"), qPrintable(notes));
        QVERIFY2(notes.contains("Line 5 (LEO)") && notes.contains("left out"), qPrintable(notes));
        QVERIFY2(notes.contains("Line 6 (LEO): removed characters that cannot be spoken (🚀)"), qPrintable(notes));

        QList<int> spoken;
        for (const audio::SpokenLine &l : track.lines) {
            spoken.append(l.dialogueIndex);
            QVERIFY(l.endSeconds <= plan.durationSeconds + 1e-9);
            QVERIFY(!l.text.contains(QStringLiteral("🚀")));
        }
        QVERIFY2(spoken.contains(0) && spoken.contains(1), qPrintable(notes));
        QVERIFY(!spoken.contains(2) && !spoken.contains(3) && !spoken.contains(4));
        QCOMPARE(track.lines.at(spoken.indexOf(1)).language, QStringLiteral("en"));

        // Nothing is cut: every spoken line has exactly the samples it has in a roomy shot.
        engine::ScenePlan roomy = plan;
        roomy.durationSeconds = 20;
        roomy.dialogue.removeAt(4);
        const audio::SpeechTrack reference = speak(roomy);
        for (const audio::SpokenLine &l : track.lines) {
            bool found = false;
            for (const audio::SpokenLine &r : reference.lines) {
                if (r.text == l.text && r.speaker == l.speaker) {
                    QCOMPARE(l.samples.size(), r.samples.size());
                    found = true;
                }
            }
            QVERIFY(found);
        }
    }

    void resamplerKeepsToneRejectsImages()
    {
        // 1 kHz at espeak's 22050 Hz -> 48 kHz: the tone keeps its level, the first image
        // (22050 - 1000 Hz) is gone.
        const audio::detail::SpeechResampler resampler(22050, audio::kSampleRate);
        std::vector<std::int16_t> tone(22050);
        for (size_t i = 0; i < tone.size(); ++i)
            tone[i] = std::int16_t(std::lround(16384 * std::sin(2 * M_PI * 1000 * double(i) / 22050)));
        const std::vector<float> out = resampler.process(tone);
        QCOMPARE(out.size(), size_t(48000));
        auto level = [&out](double hz) { // Goertzel amplitude over the middle, away from the edges
            double re = 0, im = 0;
            const size_t a = 4800, b = out.size() - 4800;
            for (size_t i = a; i < b; ++i) {
                re += out[i] * std::cos(2 * M_PI * hz * double(i) / audio::kSampleRate);
                im += out[i] * std::sin(2 * M_PI * hz * double(i) / audio::kSampleRate);
            }
            return 2 * std::hypot(re, im) / double(b - a);
        };
        QVERIFY(std::abs(level(1000) - 0.5) < 0.005);
        QVERIFY2(level(21050) < 0.5 * 1e-3, qPrintable(QString::number(level(21050)))); // < -60 dB
    }

    void sameInputGivesIdenticalSamples()
    {
        engine::ScenePlan plan;
        plan.durationSeconds = 10;
        plan.entities.append(figure("person-1", "woman", "MAYA"));
        plan.dialogue.append(line("MAYA", "The tide is coming in."));
        plan.dialogue.append(line("LEO", "Alors, on y va ?", "fr"));
        plan.dialogue.append(line("MAYA", "Ja, sofort.", "de"));
        const audio::SpeechTrack a = speak(plan);
        const audio::SpeechTrack b = speak(plan);
        QCOMPARE(a.lines.size(), 3);
        QCOMPARE(b.lines.size(), a.lines.size());
        for (int i = 0; i < a.lines.size(); ++i) {
            QVERIFY(a.lines[i].samples == b.lines[i].samples);
            QCOMPARE(a.lines[i].startSeconds, b.lines[i].startSeconds);
        }
        QVERIFY(a.mouthOpen.value("person-1") == b.mouthOpen.value("person-1"));
    }
};

QTEST_GUILESS_MAIN(TestSpeechSynthesis)
#include "tst_speech_synthesis.moc"
