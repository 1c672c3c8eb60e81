// The mix measured on rendered audio: exact length, -16 LUFS / -1 dBTP (measured here with
// libebur128), panning follows position, dialogue ducks ambience, quiet scenes stay quiet, and
// every place sounds different.
#include "audio/audioengine.h"
#include "engine/world/world.h"
#include "tst_world_plans.h"

#include <QtTest>
#include <ebur128.h>

#include <cmath>

using namespace kinora;
using namespace kinora::test;
using audio::kSampleRate;

namespace {

engine::WorldTrack simulate(const ScenePlan &p)
{
    auto result = engine::World().simulate(p);
    if (!result.ok())
        qFatal("simulate failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

audio::AudioMix mixOf(const ScenePlan &p, const audio::SpeechTrack &speech = {})
{
    auto result = audio::AudioEngine().renderMix(p, simulate(p), speech);
    if (!result.ok())
        qFatal("render failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

// A voiced stand-in for a synthesized line: 140 Hz harmonics in 4 syllables per second.
audio::SpokenLine voicedLine(const QString &entity, double start, double seconds)
{
    audio::SpokenLine l;
    l.entity = entity;
    l.text = QStringLiteral("test line");
    l.startSeconds = start;
    l.endSeconds = start + seconds;
    l.samples.resize(size_t(seconds * kSampleRate));
    for (size_t n = 0; n < l.samples.size(); ++n) {
        const double t = double(n) / kSampleRate;
        double v = 0;
        for (int h = 1; h <= 16; ++h)
            v += std::sin(2 * M_PI * 140 * h * t) / h;
        l.samples[n] = float(0.2 * v * std::pow(std::sin(M_PI * std::fmod(t * 4, 1.0)), 2));
    }
    return l;
}

struct Measured
{
    double lufs = -HUGE_VAL, truePeakDb = -HUGE_VAL;
};

Measured measure(const std::vector<float> &stereo)
{
    ebur128_state *st = ebur128_init(2, kSampleRate, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    ebur128_add_frames_float(st, stereo.data(), stereo.size() / 2);
    Measured m;
    ebur128_loudness_global(st, &m.lufs);
    double peak = 0, p = 0;
    for (unsigned ch = 0; ch < 2; ++ch)
        if (ebur128_true_peak(st, ch, &p) == EBUR128_SUCCESS)
            peak = std::max(peak, p);
    m.truePeakDb = 20 * std::log10(peak + 1e-12);
    ebur128_destroy(&st);
    return m;
}

double rmsDb(const std::vector<float> &stereo, double fromSeconds, double toSeconds, int channel = -1)
{
    double sum = 0;
    size_t n = 0;
    const size_t to = std::min(size_t(toSeconds * kSampleRate), stereo.size() / 2);
    for (size_t i = size_t(fromSeconds * kSampleRate); i < to; ++i)
        for (int ch = 0; ch < 2; ++ch)
            if (channel < 0 || channel == ch)
                sum += double(stereo[2 * i + ch]) * stereo[2 * i + ch], ++n;
    return 10 * std::log10(sum / std::max<size_t>(1, n) + 1e-20);
}

// Energy per octave band (63 Hz .. 16 kHz) of the left channel, each through its own band-pass:
// a spectrum fingerprint, in dB relative to the total.
std::vector<double> octaveProfile(const std::vector<float> &stereo)
{
    const double centres[] = {63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};
    std::vector<double> out;
    double total = 0;
    for (double c : centres) {
        // Two-pole band-pass (RBJ, Q = 1.4 for an octave) at each centre.
        const double w = 2 * M_PI * c / kSampleRate, alpha = std::sin(w) / (2 * 1.4), a0 = 1 + alpha;
        const double b0 = alpha / a0, b2 = -alpha / a0, a1 = -2 * std::cos(w) / a0, a2 = (1 - alpha) / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0, sum = 0;
        for (size_t i = 0; i < stereo.size(); i += 2) {
            const double x = stereo[i], y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1, x1 = x, y2 = y1, y1 = y;
            sum += y * y;
        }
        out.push_back(sum);
        total += sum;
    }
    for (double &v : out)
        v = 10 * std::log10(v / total + 1e-20);
    return out;
}

} // namespace

class TestAudioMix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lengthIsExact_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("fps");
        QTest::newRow("2.37 s at 30") << 2.37 << 30;
        QTest::newRow("1 s at 24") << 1.0 << 24;
        QTest::newRow("1.1 s at 25") << 1.1 << 25;
        QTest::newRow("0.5 s at 240") << 0.5 << 240;
    }
    void lengthIsExact()
    {
        QFETCH(double, seconds);
        QFETCH(int, fps);
        const ScenePlan p = plan(QStringLiteral("park"), seconds, fps);
        const audio::AudioMix mix = mixOf(p);
        const size_t expected = size_t(std::llround(double(p.frameCount()) * kSampleRate / fps));
        QCOMPARE(mix.audio.stereo.size(), 2 * expected);
    }

    void invalidPlanIsAnError()
    {
        ScenePlan p = plan(QStringLiteral("room"), 1, 24);
        p.fps = 0;
        auto result = audio::AudioEngine().render(p, engine::WorldTrack{}, {});
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("frame rate")));
    }

    void loudnessIsNormalised_data()
    {
        QTest::addColumn<QString>("scene");
        QTest::newRow("gym shot with a line") << QStringLiteral("gym");
        QTest::newRow("street with a line") << QStringLiteral("street");
        QTest::newRow("beach, waves only") << QStringLiteral("beach");
        QTest::newRow("room, bouncing ball") << QStringLiteral("room");
    }
    void loudnessIsNormalised()
    {
        QFETCH(QString, scene);
        ScenePlan p = scene == QLatin1String("gym") ? shootingPlan(false) : plan(scene, 4, 24);
        audio::SpeechTrack speech;
        if (scene == QLatin1String("room"))
            p.entities = {ball(QStringLiteral("ball-1"), {0, 2, 0})};
        if (scene == QLatin1String("gym") || scene == QLatin1String("street")) {
            if (scene == QLatin1String("street"))
                p.entities = {person(QStringLiteral("person-1"), {0, 0, 0})};
            speech.lines = {voicedLine(QStringLiteral("person-1"), 1.0, 1.5)};
        }
        const audio::AudioMix mix = mixOf(p, speech);
        const Measured m = measure(mix.audio.stereo);
        QVERIFY2(std::abs(m.lufs + 16) <= 0.5, qPrintable(QStringLiteral("%1 LUFS after %2 dB; %3")
                                                              .arg(m.lufs)
                                                              .arg(mix.outputGainDb)
                                                              .arg(mix.audio.notes.join(QLatin1Char(' ')))));
        QVERIFY2(m.truePeakDb <= -1.0, qPrintable(QStringLiteral("%1 dBTP").arg(m.truePeakDb)));
        QVERIFY(std::abs(mix.audio.integratedLufs - m.lufs) < 0.05);
        QVERIFY(std::abs(mix.audio.truePeakDb - m.truePeakDb) < 0.05);
    }

    void quietScenesAreNotPumpedUp_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::newRow("empty room") << QStringLiteral("room");
        QTest::newRow("space") << QStringLiteral("space");
    }
    void quietScenesAreNotPumpedUp()
    {
        QFETCH(QString, environment);
        const audio::AudioMix mix = mixOf(plan(environment, 3, 24));
        const Measured m = measure(mix.audio.stereo);
        QVERIFY2(m.lufs < -30, qPrintable(QStringLiteral("%1 LUFS").arg(m.lufs)));
        QVERIFY(mix.outputGainDb <= 12.0 + 1e-9);
        QVERIFY(m.lufs > -75); // faint, but there: room tone is not digital silence
    }

    void sourceOnTheLeftIsLouderOnTheLeft()
    {
        double leftMinusRight[2];
        const double xs[2] = {-3, 3};
        for (int i = 0; i < 2; ++i) {
            // A silent crate mirrors the ball so the camera, framing both, stays centred.
            ScenePlan p = plan(QStringLiteral("room"), 1.5, 24);
            PlanEntity crate = block(QStringLiteral("crate-1"), QStringLiteral("wood"), 0.5, 500, {-xs[i], 0, 0});
            crate.isStatic = true;
            p.entities = {ball(QStringLiteral("ball-1"), {xs[i], 1.5, 0}), crate};
            const audio::AudioMix mix = mixOf(p);
            leftMinusRight[i] = rmsDb(mix.stems.effects, 0, 1.5, 0) - rmsDb(mix.stems.effects, 0, 1.5, 1);
        }
        QVERIFY2(leftMinusRight[0] > 3 && leftMinusRight[1] < -3,
                 qPrintable(QStringLiteral("L-R: %1 dB (left ball), %2 dB (right ball)")
                                .arg(leftMinusRight[0]).arg(leftMinusRight[1])));
    }

    void dialogueDucksAmbience()
    {
        ScenePlan p = plan(QStringLiteral("forest"), 6, 24);
        p.entities = {person(QStringLiteral("person-1"), {0, 0, 0})};
        audio::SpeechTrack speech;
        speech.lines = {voicedLine(QStringLiteral("person-1"), 2.0, 2.0)};
        const audio::AudioMix ducked = mixOf(p, speech), plain = mixOf(p);
        // Same seed, same ambience: compare the bus with and without the line, inside and outside.
        const double during = rmsDb(ducked.stems.ambience, 2.3, 3.8) - rmsDb(plain.stems.ambience, 2.3, 3.8);
        const double outside = rmsDb(ducked.stems.ambience, 0.2, 1.5) - rmsDb(plain.stems.ambience, 0.2, 1.5);
        QVERIFY2(during <= -6 && std::abs(outside) < 0.5,
                 qPrintable(QStringLiteral("ambience during the line %1 dB, outside %2 dB").arg(during).arg(outside)));
        // Smooth: the gain never moves by more than 0.5 dB per millisecond (a 9 dB step would click).
        double worst = 0;
        for (size_t i = 48; i < ducked.stems.duck.size(); i += 48) {
            const double step = 20 * std::log10(double(ducked.stems.duck[i]) / ducked.stems.duck[i - 48]);
            worst = std::max(worst, std::abs(step));
        }
        QVERIFY2(worst < 0.5, qPrintable(QStringLiteral("gain step %1 dB/ms").arg(worst)));
        // The speaker stands in the middle: the line is centred.
        QVERIFY(std::abs(rmsDb(ducked.stems.dialogue, 2, 4, 0) - rmsDb(ducked.stems.dialogue, 2, 4, 1)) < 1.0);

        // In a steady place (an office's ventilation) the same render shows it directly: the
        // ambience during the line is >= 6 dB under the ambience before it.
        ScenePlan office = plan(QStringLiteral("office"), 6, 24);
        office.entities = p.entities;
        const audio::AudioMix inOffice = mixOf(office, speech);
        const double dip = rmsDb(inOffice.stems.ambience, 2.3, 3.8) - rmsDb(inOffice.stems.ambience, 0.2, 1.5);
        QVERIFY2(dip <= -6, qPrintable(QStringLiteral("office ambience during the line: %1 dB").arg(dip)));
    }

    void environmentsSoundDifferent()
    {
        const QStringList places{QStringLiteral("room"), QStringLiteral("street"), QStringLiteral("forest"),
                                 QStringLiteral("beach"), QStringLiteral("gym"), QStringLiteral("underwater"),
                                 QStringLiteral("space")};
        QList<std::vector<double>> profiles;
        for (const QString &place : places)
            profiles.append(octaveProfile(mixOf(plan(place, 3, 24)).stems.ambience));
        ScenePlan rainy = plan(QStringLiteral("park"), 3, 24);
        rainy.weather = QStringLiteral("rain");
        profiles.append(octaveProfile(mixOf(rainy).stems.ambience));
        for (int a = 0; a < profiles.size(); ++a)
            for (int b = a + 1; b < profiles.size(); ++b) {
                double distance = 0;
                for (size_t k = 0; k < profiles[a].size(); ++k)
                    distance = std::max(distance, std::abs(profiles[a][k] - profiles[b][k]));
                QVERIFY2(distance > 3, qPrintable(QStringLiteral("%1 vs %2: spectra within %3 dB")
                                                      .arg(a < places.size() ? places[a] : QStringLiteral("rain"))
                                                      .arg(b < places.size() ? places[b] : QStringLiteral("rain"))
                                                      .arg(distance)));
            }
    }
};

QTEST_GUILESS_MAIN(TestAudioMix)
#include "tst_audio_mix.moc"
