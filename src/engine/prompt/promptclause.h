// What the compiler gathers while it reads one clause of a prompt: its range of tokens, how it
// joins the clause before, the things it names and how they relate. Private to promptcompiler.cpp.
#pragma once

#include "engine/prompt/motionwords.h"

#include <QList>
#include <QSet>
#include <QString>

namespace kinora::engine::prompt {

// Verbs after which "under the table" is where the actor goes, not where it stands.
inline const QSet<QString> kMotion{"walk", "run",  "jump",  "roll", "fall",    "drop",   "bounce", "push", "float",
                                   "sink", "throw", "shoot", "kick", "collide", "follow", "chase",  "drive"};
// Verbs only a person does; a clause with one and no one named adds a person.
inline const QSet<QString> kNeedsPerson{"throw", "shoot", "kick", "push", "walk", "run", "jump",
                                        "talk",  "wave",  "dance", "sit", "idle", "follow", "chase"};

// Verbs that a thrown or kicked thing does by itself.
inline const QSet<QString> kThingVerbs{"roll", "bounce", "float", "sink"};

// Loose: joined by a comma or "and" (in order, but a chase joins the move it chases).
enum class Link { First, Sequence, Loose, Simultaneous };

struct ClauseRange
{
    int begin = 0;
    int end = 0;
    Link link = Link::First;
    bool relative = false; ///< "... a boy who kicks a ball": the subject is the thing named last
};

struct Mention
{
    QList<int> entities;
};

struct PendingRelation
{
    int anchor = -1;    ///< mention index, -1 until known ("Next to the car, a girl waves")
    int reference = -1; ///< mention index
    QString kind;
    bool afterVerb = false;
};

struct Clause
{
    QList<Mention> mentions;
    QList<int> subjects, objects, targets; ///< mention indices
    QList<QString> verbs;
    int outcome = 0; ///< -1 missed, +1 scored
    bool camera = false;
    bool intoWater = false; ///< "dropped into the water", "floats in the sea"
    QList<PendingRelation> relations;
    ClauseMotion motion; ///< "past the car", "slowly"
    QString words;
};

} // namespace kinora::engine::prompt
