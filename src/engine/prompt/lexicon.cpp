// Every word table the PromptCompiler understands besides nouns, compiled into one phrase table
// (lower-case words joined by spaces) so the lexer can do a single longest-match lookup.
#include "engine/prompt/lexicon.h"

#include <QRegularExpression>
#include <cmath>

namespace kinora::engine::prompt {
namespace {

struct ColourSpec
{
    const char *name;
    int r, g, b; // sRGB 0..255, converted to linear on lookup
};

const ColourSpec kColours[] = {
    {"red", 220, 30, 30}, {"green", 40, 160, 60}, {"blue", 30, 80, 220}, {"yellow", 245, 210, 30},
    {"orange", 245, 130, 20}, {"purple", 130, 50, 160}, {"pink", 245, 150, 190}, {"brown", 120, 75, 40},
    {"black", 20, 20, 20}, {"white", 240, 240, 240}, {"gray", 128, 128, 128}, {"silver", 192, 192, 192},
    {"gold", 212, 175, 55}, {"cyan", 0, 200, 220}, {"magenta", 220, 0, 160}, {"teal", 0, 128, 128},
    {"navy", 20, 30, 90}, {"beige", 225, 210, 180}, {"maroon", 128, 20, 30}, {"turquoise", 64, 224, 208},
    {"violet", 140, 80, 220}, {"lime", 160, 220, 40}, {"olive", 110, 110, 30}, {"tan", 210, 180, 140},
    {"crimson", 200, 20, 60},
};

// "word|word=meaning-value" lists: each line maps several phrases to one value.
struct WordGroup
{
    Meaning::Kind kind;
    const char *value;
    const char *phrases; // '|' separated
    double number = 0;
};

const WordGroup kGroups[] = {
    // grammar
    {Meaning::Article, "indef", "a|an|another|any"},
    {Meaning::Article, "def", "the"},
    {Meaning::Possessive, "def", "this|that|these|those|his|her|their|its|my|your|our|same"},
    {Meaning::Stop, "", "is|are|was|were|be|been|being|am|has|have|had|does|do|did|will|would|can|could|"
                        "should|may|might|must|shall|of|in|inside|within|for|about|up|down|out|away|"
                        "back|forward|forwards|there|here|whose|what|where|when|how|wearing|wears|wore|dressed in|dressed|"
                        "not|no|yes|if|or|but|nor|so|because|than|very|too|also|just|still|again|now|"
                        "together|each|every|all|other|each other|one another|i|me|we|us|you|it is|"
                        "see|sees|seen|show|shows|showing|shown|depict|depicts|featuring|features|appears|"
                        "appear|visible|like|gets|get|got|starts|start|starting|begins|begin|tries|try|"
                        "trying|slightly|almost|only|even|really|quite|some|as well|between|during|until|"
                        "don't|doesn't|isn't|aren't|can't|won't|didn't|wasn't|"
                        "within|throughout|whole|entire|scene of|shot of|view of|video of|film of|footage of"},
    {Meaning::Pronoun, "m", "he|him|himself"},
    {Meaning::Pronoun, "f", "she|her|herself"},
    {Meaning::Pronoun, "it", "it|itself"},
    {Meaning::Pronoun, "they", "they|them|themselves"},
    {Meaning::And, "", "and|&"},
    {Meaning::Sequence, "", "then|and then|after that|afterwards|afterward|next|finally|later|eventually|"
                            "suddenly|soon after|moments later|a moment later"},
    {Meaning::Simultaneous, "", "while|whilst|as|meanwhile|at the same time|simultaneously"},
    // counts
    {Meaning::Count, "", "one|single|a single|lone|a lone", 1},
    {Meaning::Count, "", "two|a pair of|pair of|a couple of|couple of|both|twin", 2},
    {Meaning::Count, "", "three|several|a few|few|a group of|group of", 3},
    {Meaning::Count, "", "four|a bunch of|bunch of|a pack of", 4},
    {Meaning::Count, "", "five|many|lots of|a lot of|a team of|a herd of|plenty of", 5},
    {Meaning::Count, "", "six|a flock of|a school of", 6},
    {Meaning::Count, "", "seven", 7},
    {Meaning::Count, "", "eight|a crowd of|crowd of", 8},
    {Meaning::Count, "", "nine", 9},
    {Meaning::Count, "", "ten", 10},
    {Meaning::Count, "", "eleven", 11},
    {Meaning::Count, "", "twelve|a dozen|dozen", 12},
    // sizes (ignored for people: "a little girl" is a young girl, not a small one)
    {Meaning::Scale, "", "miniature", 0.3},
    {Meaning::Scale, "", "tiny", 0.4},
    {Meaning::Scale, "", "small|little", 0.75},
    {Meaning::Scale, "", "big|large", 1.3},
    {Meaning::Scale, "", "oversized", 1.6},
    {Meaning::Scale, "", "huge|massive", 2.0},
    {Meaning::Scale, "", "giant|enormous|gigantic", 2.5},
    // materials
    {Meaning::Material, "wood", "wooden|wood"},
    {Meaning::Material, "metal", "metal|metallic|steel|iron|aluminium|aluminum"},
    {Meaning::Material, "glass", "glass"},
    {Meaning::Material, "plastic", "plastic"},
    {Meaning::Material, "stone", "stone|concrete"},
    {Meaning::Material, "rubber", "rubber"},
    {Meaning::Material, "leather", "leather"},
    {Meaning::Material, "paper", "paper|cardboard"},
    {Meaning::Material, "ceramic", "ceramic|porcelain|clay"},
    {Meaning::Material, "fabric", "fabric|cloth|woolen|wool|knitted"},
    {Meaning::Material, "fur", "furry|fluffy"},
    // environments
    {Meaning::Environment, "gym", "gym|gymnasium|sports hall|fitness center|fitness centre|indoor court"},
    {Meaning::Environment, "basketball-court", "basketball court|court|outdoor court|streetball court"},
    {Meaning::Environment, "beach", "beach|sea|ocean shore|seashore|sea shore|seaside|shore|coast|ocean|shoreline|sandy beach"},
    {Meaning::Environment, "street", "street|road|city street|alley|alleyway|avenue|city|sidewalk|highway|"
                                     "downtown|crosswalk|town|parking lot|lane"},
    {Meaning::Environment, "forest", "forest|woods|jungle|woodland|rainforest"},
    {Meaning::Environment, "room", "room|bedroom|living room|apartment|hallway|bathroom|lounge|attic|basement|home|classroom"},
    {Meaning::Environment, "office", "office|workplace|cubicle|conference room|meeting room"},
    {Meaning::Environment, "kitchen", "kitchen|restaurant kitchen"},
    {Meaning::Environment, "park", "park|playground|garden|meadow|field|soccer field|football field|lawn|backyard|yard"},
    {Meaning::Environment, "stage", "stage|theater|theatre|concert|concert hall|auditorium|arena"},
    {Meaning::Environment, "space", "space|outer space|in orbit|into orbit|moon surface|lunar surface|zero gravity"},
    {Meaning::Environment, "underwater", "underwater|under water|ocean floor|sea floor|seafloor|seabed|sea bed|"
                                         "reef|coral reef|under the sea|under the water|under the ocean"},
    // time of day
    {Meaning::Time, "dawn", "dawn|sunrise|daybreak|morning|early morning"},
    {Meaning::Time, "day", "day|daytime|noon|midday|afternoon|daylight|broad daylight"},
    {Meaning::Time, "dusk", "dusk|sunset|evening|twilight|golden hour|sundown"},
    {Meaning::Time, "night", "night|midnight|nighttime|night time|moonlight|moonlit|tonight"},
    // weather
    {Meaning::Weather, "clear", "clear|sunny|clear sky|blue sky|cloudless"},
    {Meaning::Weather, "overcast", "overcast|cloudy|clouds|gray sky|grey sky"},
    {Meaning::Weather, "fog", "fog|foggy|mist|misty|haze|hazy"},
    {Meaning::Weather, "rain", "rain|rainy|raining|rains|storm|stormy|thunderstorm|drizzle|downpour|pouring rain"},
    {Meaning::Weather, "snow", "snow|snowy|snowing|snows|blizzard|snowfall|snowflakes"},
    // camera
    {Meaning::Camera, "", "camera|the camera|cameraman|lens"},
    {Meaning::Move, "static", "static shot|static camera|locked off|locked off shot|still camera|fixed camera|tripod shot"},
    {Meaning::Move, "pan-left", "pans left|pan left|panning left|pans to the left|pan to the left"},
    {Meaning::Move, "pan-right", "pans right|pan right|panning right|pans to the right|pan to the right"},
    {Meaning::Move, "tilt-up", "tilts up|tilt up|tilting up"},
    {Meaning::Move, "tilt-down", "tilts down|tilt down|tilting down"},
    {Meaning::Move, "dolly-in", "dolly in|dollies in|dollying in|push in|pushes in|pushing in|zoom in|zooms in|zooming in"},
    {Meaning::Move, "dolly-out", "dolly out|dollies out|dollying out|pull back|pulls back|pulling back|pull out|"
                                 "pulls out|zoom out|zooms out|zooming out"},
    {Meaning::Move, "orbit", "orbit|orbits|orbiting|circles around|circling around|360 shot|arc shot"},
    {Meaning::Move, "crane", "crane|crane shot|from above|overhead|overhead shot|aerial|aerial shot|aerial view|"
                             "bird eye view|birds eye view|top down|top down shot"},
    {Meaning::Move, "handheld", "handheld|hand held|handheld camera|shaky cam|shaky camera"},
    {Meaning::Move, "tracking", "tracking shot|follow shot|following shot|steadicam"},
    {Meaning::Framing, "close-up", "close up|closeup|close up shot|closeup shot|extreme close up|close shot"},
    {Meaning::Framing, "wide", "wide shot|wide angle|wide angle shot|long shot|establishing shot|full shot|wide view"},
    {Meaning::Framing, "medium", "medium shot|mid shot|medium close up|waist shot|two shot"},
    {Meaning::Style, "cinematic", "cinematic|filmic"},
    {Meaning::Style, "anime", "anime|animestyle|manga"},
    {Meaning::Style, "documentary", "documentary|nature documentary"},
    {Meaning::Style, "noir", "noir|film noir"},
    {Meaning::Style, "claymation", "claymation|clay animation|stop motion"},
    {Meaning::Style, "sketch", "sketch|pencil sketch|pencil drawing|hand drawn|drawing"},
    {Meaning::Style, "vintage-film", "vintage|vintage film|old film|old movie|super 8|8mm|retro film"},
    {Meaning::StyleFiller, "", "style|look|aesthetic"},
    // space
    {Meaning::Relation, "on", "on|on top of|atop|upon|onto"},
    {Meaning::Relation, "above", "above|over"},
    {Meaning::Relation, "under", "under|underneath|beneath|below"},
    {Meaning::Relation, "beside", "next to|beside|alongside|against|by"},
    {Meaning::Relation, "near", "near|close to|nearby|not far from"},
    {Meaning::Relation, "behind", "behind|in back of"},
    {Meaning::Relation, "front", "in front of|opposite|across from|facing"},
    {Meaning::Relation, "left", "left of|to the left of|on the left of|on the left side of"},
    {Meaning::Relation, "right", "right of|to the right of|on the right of|on the right side of"},
    {Meaning::Relation, "with", "with|holding|carrying"},
    {Meaning::Relation, "from", "from|out of|off of"},
    {Meaning::Relative, "", "who|which|whom"},
    {Meaning::Clothing, "", "shirt|shirts|t shirt|t shirts|tshirt|dress|dresses|jacket|jackets|coat|coats|raincoat|"
                            "hoodie|hoodies|sweater|sweaters|jersey|jerseys|uniform|uniforms|suit|suits|hat|hats|"
                            "cap|caps|scarf|scarves|skirt|skirts|jeans|pants|trousers|shorts|top|blouse|vest|"
                            "shoes|boots|sneakers|helmet|helmets|outfit|outfits|costume|costumes|clothes|gown"},
    {Meaning::TargetPrep, "", "to|at|into|through|off|down to|up to"},
    // paths: how a move relates to the noun after it (see motionwords.cpp)
    {Meaning::Path, "past", "past|right past|straight past"},
    {Meaning::Path, "follow", "after|right after"},
    {Meaning::Path, "toward", "toward|towards|in the direction of"},
    {Meaning::Path, "away", "away from"},
    {Meaning::Path, "around", "around|all around|in circles around|in a circle around"},
    {Meaning::Path, "across", "across|straight across|right across"},
    {Meaning::Path, "along", "along|all along"},
    // adverbs of speed and force: they scale the clause's actions (PlanAction::intensity)
    {Meaning::Adverb, "", "slowly|slow|gently|softly|lightly|leisurely|lazily|carefully|cautiously|gradually|"
                          "calmly|at a slow pace", 0.5},
    {Meaning::Adverb, "", "briskly", 1.25},
    {Meaning::Adverb, "", "quickly|quick|fast|rapidly|swiftly|hurriedly|speedily|hard|forcefully|powerfully|"
                          "strongly|at full speed|at top speed|full speed", 1.6},
    {Meaning::Scenery, "", "floor|ground|sky|air|water|sand|grass|sun|moon|stars|horizon|background|foreground|"
                           "distance|side|middle|center|centre|corner|edge|left|right|to the left|to the right|"
                           "waves|surface|shadows|light|lights|scene|frame|pool|lake|river"},
    // actions
    {Meaning::Verb, "walk", "walk|walks|walked|walking|stroll|strolls|strolled|strolling|stride|strides|strode|"
                            "striding|wander|wanders|wandered|wandering|step|steps|stepped|stepping|march|marches|"
                            "marched|marching|approach|approaches|approached|approaching|cross|crosses|crossed|"
                            "crossing|go|goes|went|going|move|moves|moved|moving|enter|enters|entered|entering|"
                            "come|comes|came|coming"},
    {Meaning::Verb, "run", "run|runs|ran|running|sprint|sprints|sprinted|sprinting|jog|jogs|jogged|jogging|dash|"
                           "dashes|dashed|dashing|race|races|raced|racing|rush|rushes|rushed|rushing|gallop|gallops|"
                           "galloped|galloping|ride|rides|rode|riding"},
    // A vehicle drives (a plan "run"); "a man drives a car" moves the car. "Speeds" drives quickly.
    {Meaning::Verb, "drive", "drive|drives|drove|driving|driven"},
    {Meaning::Verb, "drive", "speeds|sped|speeding", 1.6},
    {Meaning::Verb, "jump", "jump|jumps|jumped|jumping|leap|leaps|leaped|leapt|leaping|hop|hops|hopped|hopping|"
                            "vault|vaults|vaulted|vaulting|dive|dives|dived|dove|diving"},
    {Meaning::Verb, "throw", "throw|throws|threw|thrown|throwing|toss|tosses|tossed|tossing|pass|passes|passed|"
                             "passing|hurl|hurls|hurled|hurling|lob|lobs|lobbed|lobbing|fling|flings|flung|flinging|"
                             "pitch|pitches|pitched|pitching"},
    {Meaning::Verb, "shoot", "shoot|shoots|shot|shooting|dunk|dunks|dunked|dunking|take a shot|takes a shot|"
                             "took a shot|taking a shot|shoots a basket|shoot a basket"},
    {Meaning::Verb, "kick", "kick|kicks|kicked|kicking|punt|punts|punted|punting"},
    {Meaning::Verb, "roll", "roll|rolls|rolled|rolling"},
    {Meaning::Verb, "fall", "fall|falls|fell|fallen|falling|tumble|tumbles|tumbled|tumbling|topple|topples|"
                            "toppled|toppling|slip|slips|slipped|slipping|trip|trips|tripped|tripping|collapse|"
                            "collapses|collapsed|collapsing|falls over|fall over|fell over|falls down|fell down"},
    {Meaning::Verb, "drop", "drop|drops|dropped|dropping|release|releases|released|releasing|lets go of|let go of"},
    {Meaning::Verb, "bounce", "bounce|bounces|bounced|bouncing|dribble|dribbles|dribbled|dribbling|rebound|"
                              "rebounds|rebounded|rebounding"},
    {Meaning::Verb, "collide", "collide|collides|collided|colliding|crash|crashes|crashed|crashing|hit|hits|"
                               "hitting|bump|bumps|bumped|bumping|smash|smashes|smashed|smashing|slam|slams|"
                               "slammed|slamming|knock|knocks|knocked|knocking|strike|strikes|struck|striking"},
    {Meaning::Verb, "push", "push|pushes|pushed|pushing|shove|shoves|shoved|shoving|drag|drags|dragged|dragging|"
                            "pull|pulls|pulled|pulling"},
    {Meaning::Verb, "float", "float|floats|floated|floating|drift|drifts|drifted|drifting|bob|bobs|bobbed|"
                             "bobbing|hover|hovers|hovered|hovering"},
    {Meaning::Verb, "sink", "sink|sinks|sank|sunk|sinking"},
    {Meaning::Verb, "talk", "talk|talks|talked|talking|say|says|said|saying|speak|speaks|spoke|spoken|speaking|"
                            "chat|chats|chatted|chatting|tell|tells|told|telling|shout|shouts|shouted|shouting|"
                            "whisper|whispers|whispered|whispering|sing|sings|sang|sung|singing|argue|argues|"
                            "argued|arguing"},
    {Meaning::Verb, "wave", "wave|waves|waved|waving|waves hello|waves goodbye"},
    {Meaning::Verb, "dance", "dance|dances|danced|dancing|spin|spins|spun|spinning|twirl|twirls|twirled|twirling"},
    {Meaning::Verb, "sit", "sit|sits|sat|sitting|seated|sits down|sat down|sit down|kneel|kneels|knelt|kneeling|"
                           "crouch|crouches|crouched|crouching"},
    {Meaning::Verb, "idle", "stand|stands|stood|standing|wait|waits|waited|waiting|watch|watches|watched|watching|"
                            "look|looks|looked|looking|stay|stays|stayed|staying|rest|rests|rested|resting|sleep|"
                            "sleeps|slept|sleeping|pose|poses|posed|posing|stands still|lies|lying|lay"},
    {Meaning::Verb, "follow", "follow|follows|followed|following|track|tracks|tracked|tracking"},
    {Meaning::Verb, "chase", "chase|chases|chased|chasing|pursue|pursues|pursued|pursuing"},
    {Meaning::Miss, "", "miss|misses|missed|missing|misses the shot|missed the shot|miss the shot|misses his shot|"
                        "misses her shot|misses their shot|misses a shot|misses it|missed it|misses badly|airball|"
                        "airballs"},
    {Meaning::Score, "", "score|scores|scored|scoring|makes it|made it|makes the shot|made the shot|makes the basket|"
                         "sinks it|sinks the shot|sank the shot|nails it|nails the shot|swish|swishes"},
};

// Understood but meaningless for the plan; reported in notes nowhere, documented here and in
// harmlessModifiers() so the user can see the list.
const char *const kHarmless[] = {"empty", "quiet", "old", "young", "new", "beautiful", "pretty", "lonely",
                                 "busy", "crowded", "nice", "happy", "sad", "calm", "peaceful", "bright",
                                 "dark", "shiny", "dusty", "wet", "dry", "sandy", "grassy", "famous", "cute",
                                 "tall", "short", "clean", "dirty", "modern", "ordinary", "real", "various"};

QString pluralOf(const QString &phrase)
{
    const int space = int(phrase.lastIndexOf(QLatin1Char(' ')));
    const QString head = phrase.left(space + 1);
    const QString w = phrase.mid(space + 1);
    static const QRegularExpression es(QStringLiteral("(s|x|z|ch|sh)$"));
    static const QRegularExpression ies(QStringLiteral("[^aeiou]y$"));
    if (es.match(w).hasMatch())
        return head + w + QStringLiteral("es");
    if (ies.match(w).hasMatch())
        return head + w.chopped(1) + QStringLiteral("ies");
    return head + w + QLatin1Char('s');
}

QHash<QString, QList<Meaning>> buildTable()
{
    QHash<QString, QList<Meaning>> table;
    const auto add = [&](const QString &phrase, const Meaning &m) {
        QList<Meaning> &list = table[phrase];
        for (const Meaning &existing : list)
            if (existing.kind == m.kind)
                return; // first meaning of a kind wins: the tables list the usual sense first
        list << m;
    };
    for (const WordGroup &g : kGroups)
        for (const QString &p : QString::fromLatin1(g.phrases).split(QLatin1Char('|')))
            add(p, Meaning{g.kind, QString::fromLatin1(g.value), g.number, false});
    for (const ColourSpec &c : kColours)
        add(QString::fromLatin1(c.name), Meaning{Meaning::Colour, QString::fromLatin1(c.name), 0, false});
    add(QStringLiteral("grey"), Meaning{Meaning::Colour, QStringLiteral("gray"), 0, false});
    add(QStringLiteral("golden"), Meaning{Meaning::Colour, QStringLiteral("gold"), 0, false});
    add(QStringLiteral("dark blue"), Meaning{Meaning::Colour, QStringLiteral("navy"), 0, false});
    for (const char *h : kHarmless)
        add(QString::fromLatin1(h), Meaning{Meaning::Modifier, {}, 0, false});
    const QList<NounSpec> &nouns = nounTable();
    // Singular forms first so a generated plural never shadows another noun's singular.
    QList<std::pair<QString, int>> plurals;
    for (int i = 0; i < nouns.size(); ++i) {
        QStringList forms{QString::fromLatin1(nouns.at(i).noun)};
        const QString syn = QString::fromLatin1(nouns.at(i).synonyms);
        if (!syn.isEmpty())
            forms << syn.split(QLatin1Char('|'));
        for (const QString &f : forms) {
            if (f.endsWith(QLatin1Char('*'))) {
                add(f.chopped(1), Meaning{Meaning::Noun, {}, double(i), true});
            } else {
                add(f, Meaning{Meaning::Noun, {}, double(i), false});
                plurals << std::pair{pluralOf(f), i};
            }
        }
    }
    for (const auto &[form, i] : plurals)
        if (!table.contains(form))
            add(form, Meaning{Meaning::Noun, {}, double(i), true});
    return table;
}

double toLinear(int c)
{
    const double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

} // namespace

const QHash<QString, QList<Meaning>> &phraseTable()
{
    static const QHash<QString, QList<Meaning>> table = buildTable();
    return table;
}

int longestPhraseWords()
{
    static const int longest = [] {
        int n = 1;
        for (auto it = phraseTable().begin(); it != phraseTable().end(); ++it)
            n = std::max(n, int(it.key().count(QLatin1Char(' '))) + 1);
        return n;
    }();
    return longest;
}

bool colourRgb(const QString &name, Vec3 *linear)
{
    for (const ColourSpec &c : kColours)
        if (name == QLatin1String(c.name)) {
            *linear = Vec3{toLinear(c.r), toLinear(c.g), toLinear(c.b)};
            return true;
        }
    return false;
}

QStringList colourNames()
{
    QStringList out;
    for (const ColourSpec &c : kColours)
        out << QString::fromLatin1(c.name);
    return out;
}

QStringList harmlessModifiers()
{
    QStringList out;
    for (const char *h : kHarmless)
        out << QString::fromLatin1(h);
    return out;
}

} // namespace kinora::engine::prompt
