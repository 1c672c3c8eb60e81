// The sound stage's contract: what speech synthesis hands the mixer and the renderer (lines,
// per-frame mouth shapes), and what a shot's finished sound track is.
#pragma once

#include "media/subtitles.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace kinora::audio {

constexpr int kSampleRate = 48000;

/// How one speaker sounds; the same speaker gets the same profile in every shot of a storyboard.
struct VoiceProfile
{
    QString speaker;  ///< storyboard speaker name ("MAYA")
    int variant = 0;  ///< index into the speech engine's voice variants (male/female/child timbres)
    int pitch = 50;   ///< espeak pitch 0..100
    int range = 50;   ///< espeak pitch range 0..100
    int rate = 165;   ///< words per minute
};

/// Speaker name (upper-cased) -> voice; built once per storyboard so voices stay distinct.
using VoiceCast = QHash<QString, VoiceProfile>;

/// One dialogue line as spoken.
struct SpokenLine
{
    int dialogueIndex = -1;  ///< index into ScenePlan::dialogue
    QString speaker;
    QString entity;          ///< the figure speaking it (ScenePlan entity id), or ""
    QString language;        ///< the language actually used (after fallbacks)
    QString text;
    double startSeconds = 0; ///< time in the shot where the voice starts
    double endSeconds = 0;   ///< where it ends (never cut mid-word: the line is dropped and reported instead)
    std::vector<float> samples; ///< mono, kSampleRate, the whole voiced line
};

struct SpeechTrack
{
    QList<SpokenLine> lines;
    /// Entity id -> mouth opening per video frame (0 closed .. 1 open), plan.frameCount() entries.
    QHash<QString, std::vector<float>> mouthOpen;
    QList<media::SubtitleCue> subtitles;
    QStringList notes; ///< messages for the user: unknown language, a line that does not fit...
};

/// A shot's finished sound.
struct ShotAudio
{
    std::vector<float> stereo; ///< interleaved L,R at kSampleRate; exactly round(frameCount*kSampleRate/fps) frames
    SpeechTrack speech;
    QStringList notes;
    double integratedLufs = -70; ///< after normalisation (-70 when the shot is silent)
    double truePeakDb = -70;
};

} // namespace kinora::audio
