// Speech synthesis for a shot: the plan's dialogue spoken by espeak-ng in each speaker's voice,
// scheduled inside the shot, with per-frame mouth openings and subtitle cues.
#pragma once

#include "audio/audiotypes.h"
#include "core/result.h"
#include "engine/sceneplan.h"

namespace kinora::audio {

/// Silence before the first line that has no explicit start.
constexpr double kFirstLineDelaySeconds = 0.3;
/// Pause between a line's end and the next unscheduled line.
constexpr double kLineGapSeconds = 0.35;

/// @brief Speaks @p plan's dialogue with @p cast's voices (speakers missing from the cast get a
/// voice cast from their figure's noun).
///
/// Lines run one after another (first at kFirstLineDelaySeconds, then kLineGapSeconds apart) unless
/// PlanDialogue::startSeconds >= 0 pins them. SpokenLine start/end are the audible voice (espeak's
/// lead-in and tail silence trimmed). A line that does not fit before the shot ends is left out
/// whole and reported in SpeechTrack::notes, as are unknown languages (spoken in English), empty
/// lines (skipped) and characters that cannot be spoken (removed). Mouth tracks exist for speaking
/// figures (PlanDialogue::entity, else the entity whose speaker matches). The same plan and cast
/// always give bit-identical samples.
/// @return an error only when espeak-ng itself cannot run.
core::Result<SpeechTrack> synthesizeSpeech(const engine::ScenePlan &plan, const VoiceCast &cast);

} // namespace kinora::audio
