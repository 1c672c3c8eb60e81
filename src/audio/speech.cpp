// Speech synthesis for a shot: prepare lines (clean text, pick voices), speak them in one espeak
// batch, then resample, trim to the audible voice, schedule, and derive visemes and subtitles.
#include "audio/speech.h"

#include "audio/speechengine.h"
#include "audio/speechresampler.h"
#include "audio/speechtext.h"
#include "audio/visemes.h"
#include "audio/voicecast.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace kinora::audio {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Speech", text);
}

QString lineLabel(int index, const QString &speaker)
{
    return speaker.trimmed().isEmpty() ? tr("Line %1").arg(index + 1)
                                       : tr("Line %1 (%2)").arg(index + 1).arg(speaker.trimmed());
}

struct PreparedLine
{
    int dialogueIndex = -1;
    QString text;
    int requestedVoices = 0; ///< how many of the job's voice names belong to the requested language
    QString language;
};

// Speakers missing from the cast get voices cast around the ones already given.
VoiceCast completeCast(const engine::ScenePlan &plan, const VoiceCast &cast)
{
    QList<SpeakerHint> hints;
    QStringList seen;
    bool missing = false;
    for (const engine::PlanDialogue &d : plan.dialogue) {
        const QString key = d.speaker.trimmed().toUpper();
        if (seen.contains(key))
            continue;
        seen.append(key);
        SpeakerHint hint;
        hint.speaker = d.speaker.trimmed();
        if (cast.contains(key)) {
            hint.cameoVoice = cast.value(key);
        } else {
            missing = true;
            for (const engine::PlanEntity &e : plan.entities) {
                if ((!d.entity.isEmpty() && e.id == d.entity)
                    || (d.entity.isEmpty() && !key.isEmpty() && e.speaker.trimmed().toUpper() == key))
                    hint.noun = e.noun;
            }
        }
        hints.append(hint);
    }
    if (!missing)
        return cast;
    VoiceCast full = castVoices(hints);
    for (auto it = cast.cbegin(); it != cast.cend(); ++it)
        full.insert(it.key(), it.value());
    return full;
}

QString speakingEntity(const engine::ScenePlan &plan, const engine::PlanDialogue &d)
{
    if (!d.entity.isEmpty())
        return d.entity;
    if (d.speaker.trimmed().isEmpty())
        return {};
    for (const engine::PlanEntity &e : plan.entities) {
        if (e.speaker.trimmed().compare(d.speaker.trimmed(), Qt::CaseInsensitive) == 0)
            return e.id;
    }
    return {};
}

struct Audible
{
    size_t begin = 0, end = 0; ///< [begin, end) sample range of the audible voice
};

// The audible part: first/last sample above -50 dB of the loudest 2 ms, plus 1 ms of margin.
Audible audibleRange(const std::vector<float> &s)
{
    const size_t window = kSampleRate / 500;
    double peak = 0;
    for (size_t w = 0; w + window <= s.size(); w += window) {
        double sum = 0;
        for (size_t i = w; i < w + window; ++i)
            sum += double(s[i]) * s[i];
        peak = std::max(peak, std::sqrt(sum / window));
    }
    const float threshold = float(peak * 0.00316);
    Audible r;
    if (peak <= 0)
        return r;
    size_t first = 0, last = s.size();
    while (first < s.size() && std::abs(s[first]) <= threshold)
        ++first;
    while (last > first && std::abs(s[last - 1]) <= threshold)
        --last;
    const size_t margin = kSampleRate / 1000;
    r.begin = first > margin ? first - margin : 0;
    r.end = std::min(s.size(), last + margin);
    return r;
}

std::vector<float> cutWithFades(const std::vector<float> &s, Audible r)
{
    std::vector<float> out(s.begin() + long(r.begin), s.begin() + long(r.end));
    const size_t fade = std::min(out.size() / 2, size_t(kSampleRate / 500)); // 2 ms, click-free edges
    for (size_t i = 0; i < fade; ++i) {
        const float g = float(i) / float(fade);
        out[i] *= g;
        out[out.size() - 1 - i] *= g;
    }
    return out;
}

} // namespace

core::Result<SpeechTrack> synthesizeSpeech(const engine::ScenePlan &plan, const VoiceCast &givenCast)
{
    SpeechTrack track;
    const VoiceCast cast = completeCast(plan, givenCast);

    std::vector<detail::EspeakJob> jobs;
    QList<PreparedLine> prepared;
    for (int i = 0; i < plan.dialogue.size(); ++i) {
        const engine::PlanDialogue &d = plan.dialogue.at(i);
        const QString label = lineLabel(i, d.speaker);
        if (d.text.trimmed().isEmpty()) {
            track.notes.append(tr("%1: the line is empty; nothing was spoken.").arg(label));
            continue;
        }
        const detail::CleanText clean = detail::cleanForSpeech(d.text, d.language);
        if (!detail::hasSpeakableText(clean.text)) {
            track.notes.append(tr("%1: nothing in \"%2\" can be spoken; the line was skipped. Write it in words.")
                                   .arg(label, d.text.trimmed()));
            continue;
        }
        if (!clean.removed.isEmpty())
            track.notes.append(tr("%1: removed characters that cannot be spoken (%2).").arg(label, clean.removed));

        const VoiceProfile voice = cast.value(d.speaker.trimmed().toUpper());
        const QString variant = voiceVariantName(voice.variant);
        const QString suffix = variant.isEmpty() ? QString() : QStringLiteral("+") + variant;
        detail::EspeakJob job;
        job.text = clean.text.toStdString();
        job.pitch = std::clamp(voice.pitch, 0, 100);
        job.range = std::clamp(voice.range, 0, 100);
        job.rate = std::clamp(voice.rate, 80, 450);
        job.maxSeconds = plan.durationSeconds + 1.0; // longer than the shot: cannot fit anyway
        const QStringList names = detail::espeakVoicesFor(d.language);
        for (const QString &n : names)
            job.voiceNames.push_back((n + suffix).toStdString());
        job.voiceNames.push_back((detail::fallbackVoice() + suffix).toStdString());
        jobs.push_back(std::move(job));

        PreparedLine line;
        line.dialogueIndex = i;
        line.text = clean.text;
        line.requestedVoices = int(names.size());
        line.language = d.language.trimmed().isEmpty() ? detail::fallbackLanguage() : d.language.trimmed();
        prepared.append(line);
    }
    if (jobs.empty())
        return track;

    core::Result<detail::EspeakBatch> batch = detail::runEspeak(jobs);
    if (!batch.ok())
        return batch.error();
    const detail::SpeechResampler resampler(batch.value().sampleRate, kSampleRate);

    const int frameCount = plan.frameCount();
    double cursor = kFirstLineDelaySeconds;
    for (int k = 0; k < prepared.size(); ++k) {
        const PreparedLine &p = prepared.at(k);
        const engine::PlanDialogue &d = plan.dialogue.at(p.dialogueIndex);
        const QString label = lineLabel(p.dialogueIndex, d.speaker);
        const detail::EspeakOutput &out = batch.value().outputs[size_t(k)];
        QString language = p.language;
        if (out.voiceUsed < 0) {
            track.notes.append(tr("%1: espeak-ng has no voice to speak it; the line was skipped.").arg(label));
            continue;
        }
        if (out.voiceUsed >= p.requestedVoices && p.requestedVoices > 0) {
            track.notes.append(tr("%1: language '%2' is not known; spoken in English.").arg(label, d.language.trimmed()));
            language = detail::fallbackLanguage();
        }

        const std::vector<float> full = resampler.process(out.samples);
        const Audible audible = audibleRange(full);
        const double start = d.startSeconds >= 0 ? d.startSeconds : cursor;
        const double duration = double(audible.end - audible.begin) / kSampleRate;
        if (audible.end <= audible.begin) {
            track.notes.append(tr("%1: espeak-ng produced no sound for it; the line was skipped.").arg(label));
            continue;
        }
        if (out.cutShort || start + duration > plan.durationSeconds + 1e-9) {
            const double left = std::max(0.0, plan.durationSeconds - start);
            track.notes.append(
                out.cutShort
                    ? tr("%1 is longer than the %2 s left in the shot; it was left out. Shorten the line or lengthen the shot.")
                          .arg(label).arg(left, 0, 'f', 1)
                    : tr("%1 takes %2 s but only %3 s are left in the shot; it was left out. Shorten the line or lengthen the shot.")
                          .arg(label).arg(duration, 0, 'f', 1).arg(left, 0, 'f', 1));
            continue;
        }

        SpokenLine line;
        line.dialogueIndex = p.dialogueIndex;
        line.speaker = d.speaker.trimmed();
        line.entity = speakingEntity(plan, d);
        line.language = language;
        line.text = p.text;
        line.startSeconds = start;
        line.endSeconds = start + duration;
        line.samples = cutWithFades(full, audible);

        if (!line.entity.isEmpty() && frameCount > 0) {
            const double trimOffset = double(audible.begin) / kSampleRate;
            std::vector<TimedPhoneme> phonemes;
            phonemes.reserve(out.phonemes.size());
            for (const detail::PhonemeMark &m : out.phonemes)
                phonemes.push_back({m.timeMs / 1000.0 - trimOffset, QString::fromUtf8(m.ipa)});
            std::vector<float> &mouth = track.mouthOpen[line.entity];
            if (mouth.empty())
                mouth.assign(size_t(frameCount), 0.f);
            addLineVisemes(mouth, plan.fps, line.startSeconds, line.endSeconds, phonemes, line.samples,
                           kSampleRate);
        }
        track.subtitles.append(media::SubtitleCue{line.startSeconds, line.endSeconds, line.speaker, line.text});
        track.lines.append(std::move(line));
        cursor = start + duration + kLineGapSeconds;
    }
    return track;
}

} // namespace kinora::audio
