// bench_audio: cost of the sound stage for a gym shot with many contacts (three shots, bounces,
// footsteps), ambience and two dialogue lines. Prints the audio RTF (synthesis s / audio s).
#include "audio/audioengine.h"
#include "engine/world/world.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QtEndian>

#include <cmath>

using namespace kinora;
using namespace kinora::engine;

namespace {

PlanEntity entity(const QString &id, const QString &shape, const Vec3 &size, double mass, const Vec3 &position)
{
    PlanEntity e;
    e.id = id;
    e.shape = shape;
    e.category = shape == QLatin1String("figure") ? QStringLiteral("person") : QStringLiteral("ball");
    e.size = size;
    e.massKg = mass;
    e.position = position;
    e.restitution = 0.8;
    e.friction = 0.6;
    e.material = shape == QLatin1String("figure") ? QStringLiteral("flesh") : QStringLiteral("rubber");
    e.isStatic = shape == QLatin1String("hoop");
    if (e.isStatic)
        e.material = QStringLiteral("metal");
    return e;
}

// A voiced stand-in for a synthesized line: a 120 Hz buzz with formant-like harmonics, syllables.
audio::SpokenLine line(const QString &entity, double start, double seconds)
{
    audio::SpokenLine l;
    l.entity = entity;
    l.text = QStringLiteral("(voice)");
    l.startSeconds = start;
    l.endSeconds = start + seconds;
    l.samples.resize(size_t(seconds * audio::kSampleRate));
    for (size_t n = 0; n < l.samples.size(); ++n) {
        const double t = double(n) / audio::kSampleRate;
        double v = 0;
        for (int h = 1; h <= 20; ++h)
            v += std::sin(2 * M_PI * 120 * h * t) / h * (h >= 4 && h <= 7 ? 2.0 : 1.0);
        l.samples[n] = float(0.1 * v * std::pow(std::sin(M_PI * std::fmod(t * 4, 1.0)), 2));
    }
    return l;
}

void writeWav(const QString &path, const std::vector<float> &stereo)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    auto u32 = [&](quint32 v) { v = qToLittleEndian(v); f.write(reinterpret_cast<const char *>(&v), 4); };
    auto u16 = [&](quint16 v) { v = qToLittleEndian(v); f.write(reinterpret_cast<const char *>(&v), 2); };
    const quint32 bytes = quint32(stereo.size() * 2);
    f.write("RIFF", 4), u32(36 + bytes), f.write("WAVEfmt ", 8), u32(16), u16(1), u16(2), u32(audio::kSampleRate);
    u32(audio::kSampleRate * 4), u16(4), u16(16), f.write("data", 4), u32(bytes);
    for (float s : stereo)
        u16(quint16(qint16(std::lround(std::clamp(s, -1.f, 1.f) * 32767))));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 10;
    QString wav;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--seconds"))
            seconds = args.at(i + 1).toDouble();
        if (args.at(i) == QLatin1String("--wav"))
            wav = args.at(i + 1);
    }

    ScenePlan plan;
    plan.environment = QStringLiteral("gym");
    plan.durationSeconds = seconds;
    plan.fps = 24;
    plan.entities = {entity(QStringLiteral("person-1"), QStringLiteral("figure"), {0.5, 1.75, 0.3}, 70, {0, 0, -3}),
                     entity(QStringLiteral("hoop-1"), QStringLiteral("hoop"), {1.8, 3.95, 1.6}, 200, {0, 0, -8})};
    plan.entities[0].speaker = QStringLiteral("MAYA");
    for (int i = 0; i < 3; ++i) {
        plan.entities.append(entity(QStringLiteral("ball-%1").arg(i + 1), QStringLiteral("sphere"), {0.24, 0.24, 0.24},
                                    0.62, {0.5 + 0.4 * i, 0, -2.5}));
        PlanAction shot;
        shot.verb = QStringLiteral("shoot");
        shot.actor = QStringLiteral("person-1");
        shot.object = QStringLiteral("ball-%1").arg(i + 1);
        shot.target = QStringLiteral("hoop-1");
        shot.startSeconds = 0.5 + i * seconds / 4;
        shot.succeeds = i != 1;
        plan.actions.append(shot);
    }
    auto track = World().simulate(plan);
    QTextStream out(stdout);
    if (!track.ok()) {
        out << "bench_audio: " << track.error().toString() << "\n";
        return 1;
    }
    audio::SpeechTrack speech;
    speech.lines = {line(QStringLiteral("person-1"), seconds * 0.15, std::min(2.0, seconds * 0.2)),
                    line(QStringLiteral("person-1"), seconds * 0.6, std::min(2.0, seconds * 0.2))};

    audio::AudioEngine engine;
    QElapsedTimer timer;
    timer.start();
    auto result = engine.render(plan, track.value(), speech);
    const double wall = timer.nsecsElapsed() / 1e9;
    if (!result.ok()) {
        out << "bench_audio: " << result.error().toString() << "\n";
        return 1;
    }
    const audio::ShotAudio &shot = result.value();
    out << "bench_audio: " << seconds << " s gym shot, " << track.value().contacts.size() << " contacts, "
        << speech.lines.size() << " lines\n"
        << "  synthesis " << wall << " s, audio RTF " << wall / seconds << "\n"
        << "  " << shot.integratedLufs << " LUFS, true peak " << shot.truePeakDb << " dBTP, "
        << shot.stereo.size() / 2 << " frames\n";
    for (const QString &note : shot.notes)
        out << "  note: " << note << "\n";
    if (!wav.isEmpty())
        writeWav(wav, shot.stereo);
    return 0;
}
