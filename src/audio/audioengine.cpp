// AudioEngine: builds the stems (effects, reverb, ambience, dialogue), sums them and normalises the
// sum. Every contact sound starts on the contact's own sample; nothing here reads the clock.
#include "audio/audioengine.h"

#include "audio/ambience.h"
#include "audio/effects.h"
#include "audio/effectsdsp.h"
#include "audio/loudness.h"
#include "audio/mixer.h"
#include "audio/reverb.h"

#include <algorithm>
#include <cmath>

namespace kinora::audio {
namespace {

using engine::Vec3;

// Where an entity is at a video frame (its bounding-box base plus @p height), from the track when
// it has the frame, else the plan's starting position.
Vec3 entityAt(const engine::ScenePlan &plan, const engine::WorldTrack &track, int entity, int frame, double height)
{
    Vec3 p = plan.entities.at(entity).position;
    if (!track.frames.isEmpty()) {
        const auto &positions = track.frames.at(std::clamp(frame, 0, int(track.frames.size()) - 1)).entityPositions;
        if (entity < positions.size())
            p = positions.at(entity);
    }
    p.y += height;
    return p;
}

// RMS over the voiced part (samples above -50 dBFS), so pauses do not make a line look quiet.
double voicedRms(const std::vector<float> &samples)
{
    double sum = 0;
    size_t n = 0;
    for (float s : samples)
        if (std::abs(s) > 0.003f)
            sum += double(s) * s, ++n;
    return n > 0 ? std::sqrt(sum / n) : 0;
}

void muffle(std::vector<float> &stereo, double cutoffHz)
{
    sfx::OnePole a[2], b[2];
    for (int ch = 0; ch < 2; ++ch)
        a[ch].setCutoff(cutoffHz, kSampleRate), b[ch].setCutoff(cutoffHz, kSampleRate);
    for (size_t i = 0; i < stereo.size(); ++i)
        stereo[i] = b[i & 1].lowpass(a[i & 1].lowpass(stereo[i]));
}

} // namespace

core::Result<ShotAudio> AudioEngine::render(const engine::ScenePlan &plan, const engine::WorldTrack &track,
                                            const SpeechTrack &speech) const
{
    auto mix = renderMix(plan, track, speech);
    if (!mix.ok())
        return mix.error();
    return std::move(mix).value().audio;
}

core::Result<AudioMix> AudioEngine::renderMix(const engine::ScenePlan &plan, const engine::WorldTrack &track,
                                              const SpeechTrack &speech) const
{
    if (plan.fps <= 0 || plan.frameCount() <= 0)
        return core::Error{QStringLiteral("The shot has no frames to put sound to; give it a duration and a frame "
                                          "rate above zero."),
                           QStringLiteral("durationSeconds")};
    if (plan.durationSeconds > 600)
        return core::Error{QStringLiteral("A shot longer than 10 minutes is too long to mix at once; split it into "
                                          "shorter shots."),
                           QStringLiteral("durationSeconds")};
    const std::int64_t frames = std::llround(double(plan.frameCount()) * kSampleRate / plan.fps);
    const int trackFps = track.fps > 0 ? track.fps : plan.fps;
    AudioMix mix;
    AudioStems &stems = mix.stems;
    for (auto *bus : {&stems.effects, &stems.reverb, &stems.ambience, &stems.dialogue})
        bus->assign(size_t(frames) * 2, 0.f);
    QStringList &notes = mix.audio.notes;
    const Listener listener(plan, track);
    // The reverb send is taken before distance attenuation: a room's diffuse field is about as
    // loud everywhere, so a far source sounds far (more room, less direct), as it does on set.
    std::vector<float> send(size_t(frames) * 2, 0.f);
    const StereoGain sendGain{float(std::sqrt(0.5)), float(std::sqrt(0.5))};

    // Effects: one sound per contact, starting on the contact's sample; whooshes follow their entity.
    const EffectSynth synth(plan.seed);
    int outside = 0;
    for (int i = 0; i < track.contacts.size(); ++i) {
        const engine::ContactEvent &c = track.contacts.at(i);
        if (c.timeSeconds < 0 || c.timeSeconds * kSampleRate >= double(frames)) {
            ++outside;
            continue;
        }
        const EffectSound sound = synth.contact(c, i);
        const StereoGain gain = listener.gains(sound.position, c.timeSeconds * trackFps);
        mixFixed(stems.effects, sound.samples, sound.startSample, gain);
        mixFixed(send, sound.samples, sound.startSample, sendGain);
    }
    if (outside > 0)
        notes << QStringLiteral("%1 contact(s) fall outside the shot and are not heard.").arg(outside);
    const std::vector<MovingSound> whooshes = synth.whooshes(plan, track, frames);
    for (const MovingSound &w : whooshes) {
        const double centre = plan.entities.at(w.entity).size.y / 2;
        mixMoving(stems.effects, w.samples, w.startSample, trackFps,
                  [&](int f) { return listener.gains(entityAt(plan, track, w.entity, f, centre), f); });
        mixFixed(send, w.samples, w.startSample, sendGain);
    }
    const bool underwater = plan.environment == QLatin1String("underwater");
    if (underwater) {
        muffle(stems.effects, 700); // water carries the lows; the highs of a hit never reach the ear
        muffle(send, 700);
    }

    // Dialogue: each line levelled, placed at its start and panned to its speaker's mouth.
    int placed = 0;
    for (const SpokenLine &line : speech.lines) {
        const double rms = voicedRms(line.samples);
        if (rms <= 0)
            continue;
        const double level = std::min(sfx::dbToGain(kDialogueRmsDb) / rms, 10.0);
        const std::int64_t start = std::llround(line.startSeconds * kSampleRate);
        if (start >= frames) {
            notes << QStringLiteral("The line \"%1\" starts after the shot ends and is not heard.").arg(line.text);
            continue;
        }
        if (start + std::int64_t(line.samples.size()) > frames)
            notes << QStringLiteral("The line \"%1\" runs past the shot's end and is cut there.").arg(line.text);
        const int entity = line.entity.isEmpty() ? -1 : plan.indexOf(line.entity);
        // Voices stay intelligible: distance changes them by at most -6/+3 dB, unlike effects.
        auto voiceGain = [&](int f) {
            StereoGain g{float(std::sqrt(0.5)), float(std::sqrt(0.5))};
            if (entity >= 0) {
                const double mouth = plan.entities.at(entity).size.y * 0.9;
                g = listener.gains(entityAt(plan, track, entity, f, mouth), f);
            }
            const double power = std::max(1e-9, std::sqrt(double(g.left) * g.left + double(g.right) * g.right));
            const double k = level * std::clamp(power, 0.5, 1.4) / power;
            return StereoGain{float(g.left * k), float(g.right * k)};
        };
        mixMoving(stems.dialogue, line.samples, start, trackFps, voiceGain);
        ++placed;
    }

    // The room: effects fully and dialogue lightly into the place's reverb.
    for (size_t i = 0; i < send.size(); ++i)
        send[i] += 0.3f * stems.dialogue[i];
    Reverb(reverbFor(plan.environment), kSampleRate).process(send.data(), stems.reverb.data(), size_t(frames));

    stems.ambience = Ambience::render(plan, frames);
    stems.duck = duckingGain(speech, frames, kDuckDb);
    for (size_t i = 0; i < stems.ambience.size(); ++i)
        stems.ambience[i] *= stems.duck[i / 2];

    std::vector<float> &out = mix.audio.stereo;
    out.assign(size_t(frames) * 2, 0.f);
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = stems.effects[i] + stems.reverb[i] + stems.ambience[i] + stems.dialogue[i];
    // The film is delivered as AAC, whose decoded peaks overshoot the PCM's by up to ~0.5 dB
    // (measured with ffmpeg's ebur128 on the sample film); the ceiling keeps a margin for that so
    // the encoded track still meets -1 dBTP.
    LoudnessTarget target;
    target.truePeakDbtp = kDeliveryTruePeakDbtp;
    auto loudness = normalizeLoudness(out, target);
    if (!loudness.ok())
        return loudness.error();
    const NormalizeReport &report = loudness.value();
    mix.outputGainDb = report.gainDb;
    mix.audio.integratedLufs = report.after.integratedLufs;
    mix.audio.truePeakDb = report.after.truePeakDb;
    mix.audio.speech = speech;

    notes << Ambience::describe(plan)
          << QStringLiteral("Sound: %1 contact sound(s), %2 whoosh(es), %3 dialogue line(s).")
                 .arg(track.contacts.size() - outside)
                 .arg(whooshes.size())
                 .arg(placed);
    if (report.skipped)
        notes << QStringLiteral("The shot is silent; loudness was left alone.");
    else if (report.gainCapped)
        notes << QStringLiteral("The shot is quiet (%1 LUFS); it was raised by only %2 dB so near-silence is not "
                                "pumped up to -16 LUFS.")
                     .arg(report.before.integratedLufs, 0, 'f', 1)
                     .arg(report.gainDb, 0, 'f', 1);
    if (report.limiterDb < -6)
        notes << QStringLiteral("The loudest hits were limited by up to %1 dB to reach the loudness target.")
                     .arg(-report.limiterDb, 0, 'f', 1);
    notes << QStringLiteral("Loudness %1 LUFS, true peak %2 dBTP.")
                 .arg(report.after.integratedLufs, 0, 'f', 1)
                 .arg(report.after.truePeakDb, 0, 'f', 1);
    return std::move(mix);
}

} // namespace kinora::audio
