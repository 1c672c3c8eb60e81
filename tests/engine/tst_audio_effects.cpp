// Effects measured on rendered audio: sounds start on their contacts (own onset detector), harder
// hits are louder, materials sound different, the effects bus is silent between hits, same seed
// same samples. Scenes are real plans simulated by the World.
#include "audio/audioengine.h"
#include "audio/effects.h"
#include "engine/world/world.h"
#include "tst_world_plans.h"

#include <QtTest>

#include <cmath>
#include <complex>

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

audio::AudioMix mixOf(const ScenePlan &p, const engine::WorldTrack &track, const audio::SpeechTrack &speech = {})
{
    auto result = audio::AudioEngine().renderMix(p, track, speech);
    if (!result.ok())
        qFatal("render failed: %s", qPrintable(result.error().toString()));
    return result.value();
}

// Log energy (dB) of 1 ms hops of interleaved stereo, both channels summed.
std::vector<double> hopEnergyDb(const std::vector<float> &stereo, double gain = 1)
{
    const size_t hop = kSampleRate / 1000;
    std::vector<double> out(stereo.size() / 2 / hop);
    for (size_t k = 0; k < out.size(); ++k) {
        double sum = 0;
        for (size_t i = 2 * k * hop; i < 2 * (k + 1) * hop; ++i)
            sum += double(stereo[i]) * stereo[i] * gain * gain;
        out[k] = 10 * std::log10(sum / hop + 1e-20);
    }
    return out;
}

// Onset detector: hops whose energy rises >= 9 dB above the loudest of the 5 ms before them, and
// which are audible (above -70 dB). Returns onset times in seconds (start of the rising hop).
std::vector<double> onsets(const std::vector<float> &stereo)
{
    const std::vector<double> e = hopEnergyDb(stereo);
    std::vector<double> out;
    for (size_t k = 5; k < e.size(); ++k) {
        double before = -200;
        for (size_t j = k - 5; j < k; ++j)
            before = std::max(before, e[j]);
        if (e[k] > -70 && e[k] - before >= 9 && (out.empty() || k * 1e-3 - out.back() > 0.004))
            out.push_back(k * 1e-3);
    }
    return out;
}

double spectralCentroid(const std::vector<float> &mono, size_t length)
{
    // Direct DFT on 2048 points (from the start of the sound) is plenty for a centroid.
    const size_t n = std::min(length, mono.size());
    double weighted = 0, total = 0;
    for (size_t bin = 1; bin < n / 2; bin += 2) {
        std::complex<double> acc;
        for (size_t i = 0; i < n; ++i) {
            const double w = 0.5 - 0.5 * std::cos(2 * M_PI * i / n);
            acc += std::polar(w * mono[i], -2 * M_PI * double(bin * i) / n);
        }
        const double mag = std::abs(acc);
        weighted += mag * bin * double(kSampleRate) / n;
        total += mag;
    }
    return weighted / total;
}

double peakOf(const std::vector<float> &x, size_t from, size_t to)
{
    double p = 0;
    for (size_t i = from; i < std::min(to, x.size()); ++i)
        p = std::max(p, double(std::abs(x[i])));
    return p;
}

engine::ContactEvent hit(const QString &materialB, double impulse, double speed)
{
    engine::ContactEvent c;
    c.entityA = 0;
    c.surfaceA = QStringLiteral("ball");
    c.materialA = QStringLiteral("rubber");
    c.surfaceB = QStringLiteral("floor");
    c.materialB = materialB;
    c.impulse = impulse;
    c.normalSpeed = speed;
    return c;
}

} // namespace

class TestAudioEffects : public QObject
{
    Q_OBJECT

private:
    // Every impact and footstep must have an onset within 10 ms. Roll ticks are one continuous
    // rumble by design (no onset per tick) and are left out.
    // Detects on the finished mix, or on the dry effects bus where a hall's reverb tail would
    // mask a faint hit that follows a loud one.
    static void checkSync(const ScenePlan &p, int minimumContacts, bool onMix)
    {
        const engine::WorldTrack track = simulate(p);
        const audio::AudioMix mix = mixOf(p, track);
        const std::vector<double> found = onsets(onMix ? mix.audio.stereo : mix.stems.effects);
        int checked = 0;
        for (const auto &c : track.contacts) {
            if (c.kind == QLatin1String("roll"))
                continue;
            double best = 1e9;
            for (double t : found)
                best = std::min(best, std::abs(t - c.timeSeconds));
            QVERIFY2(best <= 0.010, qPrintable(QStringLiteral("%1 %2/%3 at %4 s (impulse %5): nearest onset %6 ms away")
                                                   .arg(c.kind, c.surfaceA, c.surfaceB)
                                                   .arg(c.timeSeconds)
                                                   .arg(c.impulse)
                                                   .arg(best * 1000)));
            ++checked;
        }
        QVERIFY2(checked >= minimumContacts, qPrintable(QStringLiteral("only %1 contacts").arg(checked)));
        // The detector is not trigger-happy: no more onsets than contacts (plus a margin for the
        // reverb's first reflections, which can read as a second attack).
        QVERIFY2(int(found.size()) <= 2 * checked + 2,
                 qPrintable(QStringLiteral("%1 onsets for %2 contacts").arg(found.size()).arg(checked)));
    }

private Q_SLOTS:
    void droppedBallOnsetsMatchContacts()
    {
        ScenePlan p = plan(QStringLiteral("room"), 4, 24);
        p.entities = {ball(QStringLiteral("ball-1"), {0, 2, 0})};
        checkSync(p, 5, true);
    }

    void basketballShotOnsetsMatchContacts()
    {
        // A missed shot (seed 4 misses high): the ball hits the backboard (glass), grazes the rim
        // (metal) 0.2 s later while the board still rings, then bounces on the wooden floor.
        ScenePlan p = shootingPlan(false, 4);
        p.durationSeconds = 5;
        const engine::WorldTrack track = simulate(p);
        bool board = false, rim = false;
        for (const auto &c : track.contacts) {
            board = board || c.surfaceB == QLatin1String("backboard");
            rim = rim || c.surfaceB == QLatin1String("rim");
        }
        QVERIFY2(board && rim, "the shot did not hit both the backboard and the rim");
        checkSync(p, 4, false);
    }

    void harderHitsAreLouder()
    {
        // The same ball dropped from 0.5 m and 2 m: twice the impact speed, about twice the impulse.
        std::vector<double> peaks, impulses;
        for (double height : {0.5, 2.0}) {
            ScenePlan p = plan(QStringLiteral("room"), 1.5, 24);
            p.entities = {ball(QStringLiteral("ball-1"), {0, height, 0})};
            const engine::WorldTrack track = simulate(p);
            QVERIFY(!track.contacts.isEmpty());
            const audio::AudioMix mix = mixOf(p, track);
            const size_t at = size_t(std::llround(track.contacts.first().timeSeconds * kSampleRate)) * 2;
            peaks.push_back(peakOf(mix.stems.effects, at, at + 2 * kSampleRate / 20));
            impulses.push_back(track.contacts.first().impulse);
        }
        const double impulseRatio = impulses[1] / impulses[0], peakRatio = peaks[1] / peaks[0];
        QVERIFY2(peakRatio > 0.7 * impulseRatio && peakRatio < 1.5 * impulseRatio,
                 qPrintable(QStringLiteral("impulse x%1, peak x%2").arg(impulseRatio).arg(peakRatio)));

        // Directly on the synthesizer: peak grows monotonically with impulse at equal speed.
        const audio::EffectSynth synth(3);
        double last = 0;
        for (double impulse : {1.0, 2.0, 4.0, 8.0}) {
            const auto s = synth.contact(hit(QStringLiteral("wood"), impulse, 4), 0);
            const double p = peakOf(s.samples, 0, s.samples.size());
            QVERIFY2(p > last * 1.5,
                     qPrintable(QStringLiteral("impulse %1: peak %2 after %3").arg(impulse).arg(p).arg(last)));
            last = p;
        }
    }

    void restingBodiesMakeNoSound()
    {
        // A 1.5 t car settling onto the street at the start of a shot: a big impulse (its weight
        // over one step) at almost no closing speed. It must be silent, not a metal clang, while a
        // real hit of the same impulse rings.
        const audio::EffectSynth synth(7);
        engine::ContactEvent settle = hit(QStringLiteral("stone"), 60, 0.02);
        settle.materialA = QStringLiteral("metal");
        engine::ContactEvent crash = settle;
        crash.normalSpeed = 2.0;
        const auto quiet = synth.contact(settle, 0), loud = synth.contact(crash, 0);
        const double quietPeak = peakOf(quiet.samples, 0, quiet.samples.size());
        const double loudPeak = peakOf(loud.samples, 0, loud.samples.size());
        QVERIFY2(loudPeak > 0.1, qPrintable(QString::number(loudPeak)));
        QVERIFY2(quietPeak < 1e-6, qPrintable(QString::number(quietPeak)));
    }

    void materialsSoundDifferent()
    {
        // The same ball and hit on wood, a metal rim and a glass board: centroids apart by >= 30%,
        // in the order a listener expects (wood dull, metal higher, glass brightest).
        const audio::EffectSynth synth(5);
        double centroid[3];
        double ring[3];
        const QString materials[3] = {QStringLiteral("wood"), QStringLiteral("metal"), QStringLiteral("glass")};
        for (int m = 0; m < 3; ++m) {
            const auto s = synth.contact(hit(materials[m], 6, 6), 0);
            centroid[m] = spectralCentroid(s.samples, 2048);
            ring[m] = double(s.samples.size()) / kSampleRate;
        }
        QVERIFY2(centroid[1] > 1.3 * centroid[0] && centroid[2] > 1.3 * centroid[1],
                 qPrintable(QStringLiteral("centroids wood %1 Hz, metal %2 Hz, glass %3 Hz")
                                .arg(centroid[0]).arg(centroid[1]).arg(centroid[2])));
        QVERIFY2(ring[1] > 3 * ring[0], "metal must ring much longer than wood");
    }

    void effectsBusIsSilentBetweenHits()
    {
        // Ball bounces on a wooden floor: in the 50 ms before each next bounce (>= 0.3 s after the
        // previous one), the dry effects bus as heard (times the output gain) is below -60 dBFS.
        ScenePlan p = plan(QStringLiteral("room"), 4, 24);
        p.entities = {ball(QStringLiteral("ball-1"), {0, 2, 0})};
        const engine::WorldTrack track = simulate(p);
        const audio::AudioMix mix = mixOf(p, track);
        const double gain = std::pow(10.0, mix.outputGainDb / 20);
        int gaps = 0;
        for (int i = 1; i < track.contacts.size(); ++i) {
            const double prev = track.contacts.at(i - 1).timeSeconds, next = track.contacts.at(i).timeSeconds;
            if (next - prev < 0.3)
                continue;
            const size_t from = size_t((next - 0.05) * kSampleRate) * 2, to = size_t((next - 0.002) * kSampleRate) * 2;
            const double peakDb = 20 * std::log10(peakOf(mix.stems.effects, from, to) * gain + 1e-12);
            QVERIFY2(peakDb < -60, qPrintable(QStringLiteral("before the hit at %1 s: %2 dBFS").arg(next).arg(peakDb)));
            ++gaps;
        }
        QVERIFY(gaps >= 3);
        // And the bus is not silent everywhere: the hits themselves are loud.
        const size_t at = size_t(track.contacts.first().timeSeconds * kSampleRate) * 2;
        QVERIFY(20 * std::log10(peakOf(mix.stems.effects, at, at + 4800) * gain) > -20);
    }

    void sameSeedSameSamples()
    {
        const ScenePlan p = shootingPlan(false, 4);
        const engine::WorldTrack track = simulate(p);
        const audio::AudioMix a = mixOf(p, track), b = mixOf(p, track);
        QVERIFY(a.audio.stereo == b.audio.stereo);
        ScenePlan other = p;
        other.seed = 5;
        const audio::AudioMix c = mixOf(other, track);
        QCOMPARE(c.audio.stereo.size(), a.audio.stereo.size());
        QVERIFY(c.audio.stereo != a.audio.stereo);
    }
};

QTEST_GUILESS_MAIN(TestAudioEffects)
#include "tst_audio_effects.moc"
