// bench_speech [--repeat N] [--wav DIR]: speaks one line in each of twelve languages (one shot per
// language, as the film pipeline does) and prints synthesis seconds per second of speech.
// With --wav, writes each language's line to DIR/speech_<lang>.wav (16-bit mono 48 kHz) to listen to.
#include "audio/speech.h"
#include "audio/voicecast.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace kinora;

namespace {

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

template <typename T>
void put(QByteArray &out, T value)
{
    value = qToLittleEndian(value);
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

bool writeWav(const QString &path, const std::vector<float> &samples)
{
    QByteArray data;
    data.reserve(int(samples.size() * 2));
    for (float s : samples)
        put<qint16>(data, qint16(std::lround(std::clamp(s, -1.f, 1.f) * 32767.f)));
    QByteArray wav("RIFF");
    put<quint32>(wav, quint32(36 + data.size()));
    wav.append("WAVEfmt ");
    put<quint32>(wav, 16);
    put<quint16>(wav, 1); // PCM
    put<quint16>(wav, 1); // mono
    put<quint32>(wav, audio::kSampleRate);
    put<quint32>(wav, audio::kSampleRate * 2);
    put<quint16>(wav, 2);
    put<quint16>(wav, 16);
    wav.append("data");
    put<quint32>(wav, quint32(data.size()));
    wav.append(data);
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(wav) == wav.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int repeat = std::max(1, option(args, "--repeat", "3").toInt());
    const QString wavDir = option(args, "--wav", QString());

    const QList<QPair<QString, QString>> lines{
        {"en", "The storm is coming, we have to leave the beach now."},
        {"es", "La tormenta se acerca, tenemos que dejar la playa ahora."},
        {"fr", "L'orage arrive, nous devons quitter la plage maintenant."},
        {"de", "Der Sturm kommt, wir müssen jetzt den Strand verlassen."},
        {"it", "La tempesta sta arrivando, dobbiamo lasciare la spiaggia ora."},
        {"pt", "A tempestade está chegando, temos que sair da praia agora."},
        {"ja", "あらしがきます、いますぐうみをはなれましょう。"},
        {"zh", "暴风雨要来了，我们现在必须离开海滩。"},
        {"hi", "तूफ़ान आ रहा है, हमें अभी समुद्र तट छोड़ना होगा।"},
        {"ar", "العاصفة قادمة، يجب أن نغادر الشاطئ الآن."},
        {"ru", "Надвигается буря, нам нужно уйти с пляжа сейчас."},
        {"ko", "폭풍이 오고 있어요, 지금 해변을 떠나야 해요."}};
    const audio::VoiceCast cast = audio::castVoices({{"MAYA", "woman", {}}, {"LEO", "man", {}}});

    double synthSeconds = 0, audioSeconds = 0;
    std::printf("%-4s %9s %9s %8s\n", "lang", "audio_s", "synth_s", "ratio");
    for (int i = 0; i < lines.size(); ++i) {
        engine::ScenePlan plan;
        plan.durationSeconds = 10;
        plan.entities.append(engine::PlanEntity{});
        plan.entities.last().id = "person-1";
        plan.entities.last().speaker = i % 2 ? "LEO" : "MAYA";
        engine::PlanDialogue d;
        d.speaker = plan.entities.last().speaker;
        d.language = lines[i].first;
        d.text = lines[i].second;
        plan.dialogue.append(d);
        double lineSynth = 0, lineAudio = 0;
        audio::SpeechTrack track;
        for (int r = 0; r < repeat; ++r) {
            QElapsedTimer timer;
            timer.start();
            core::Result<audio::SpeechTrack> result = audio::synthesizeSpeech(plan, cast);
            lineSynth += timer.nsecsElapsed() / 1e9;
            if (!result.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(result.error().toString()));
                return 1;
            }
            track = std::move(result).value();
            for (const audio::SpokenLine &l : track.lines)
                lineAudio += l.endSeconds - l.startSeconds;
        }
        if (track.lines.isEmpty()) {
            std::fprintf(stderr, "%s: nothing spoken: %s\n", qPrintable(d.language), qPrintable(track.notes.join("; ")));
            return 1;
        }
        std::printf("%-4s %9.2f %9.4f %8.4f\n", qPrintable(d.language), lineAudio / repeat,
                    lineSynth / repeat, lineSynth / lineAudio);
        synthSeconds += lineSynth;
        audioSeconds += lineAudio;
        if (!wavDir.isEmpty()) {
            QDir().mkpath(wavDir);
            const QString path = QDir(wavDir).filePath(QString("speech_%1.wav").arg(d.language));
            if (!writeWav(path, track.lines.first().samples)) {
                std::fprintf(stderr, "could not write %s\n", qPrintable(path));
                return 1;
            }
        }
    }
    std::printf("speech synthesis: %.4f s per second of speech (%d languages x %d runs; goal for the "
                "whole sound stage <= 0.05)\n", synthSeconds / audioSeconds, int(lines.size()), repeat);
    return 0;
}
