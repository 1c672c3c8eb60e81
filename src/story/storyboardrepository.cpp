// Storyboard <-> SQL. Dialogue and cameo slots are JSON arrays inside the shot row: they belong to
// the shot and change with it, so one shot edit stays one row write.
#include "story/storyboardrepository.h"

#include "store/sqlutil.h"
#include "story/storyboarddocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <algorithm>

namespace kinora::story {
namespace {

constexpr qint64 kPositionStep = 1024;

QString dialogueToText(const QList<DialogueLine> &lines)
{
    QJsonArray array;
    for (const DialogueLine &l : lines) {
        QJsonObject o{{QStringLiteral("id"), l.id}, {QStringLiteral("speaker"), l.speaker},
                      {QStringLiteral("language"), l.language}, {QStringLiteral("text"), l.text},
                      {QStringLiteral("parenthetical"), l.parenthetical}};
        if (l.startMs)
            o.insert(QStringLiteral("startMs"), *l.startMs);
        array.append(o);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<DialogueLine> dialogueFromText(const QString &text)
{
    QList<DialogueLine> lines;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        DialogueLine l;
        l.id = o.value(QStringLiteral("id")).toString();
        l.speaker = o.value(QStringLiteral("speaker")).toString();
        l.language = o.value(QStringLiteral("language")).toString();
        l.text = o.value(QStringLiteral("text")).toString();
        l.parenthetical = o.value(QStringLiteral("parenthetical")).toString();
        if (o.contains(QStringLiteral("startMs")))
            l.startMs = o.value(QStringLiteral("startMs")).toInt();
        lines << l;
    }
    return lines;
}

QString cameosToText(const QList<CameoSlot> &slots)
{
    QJsonArray array;
    for (const CameoSlot &c : slots)
        array.append(QJsonObject{{QStringLiteral("cameo"), c.cameo}, {QStringLiteral("role"), c.role}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<CameoSlot> cameosFromText(const QString &text)
{
    QList<CameoSlot> slots;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        slots << CameoSlot{v[QStringLiteral("cameo")].toString(), v[QStringLiteral("role")].toString()};
    return slots;
}

/// Qt binds a null QString as SQL NULL; text columns are NOT NULL, so bind "" instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

/// Indices (into @p values) of one longest strictly increasing subsequence.
QList<int> longestIncreasing(const QList<qint64> &values)
{
    QList<int> tails, previous(values.size(), -1);
    for (int i = 0; i < values.size(); ++i) {
        auto it = std::lower_bound(tails.begin(), tails.end(), values.at(i),
                                   [&](int idx, qint64 v) { return values.at(idx) < v; });
        if (it != tails.begin())
            previous[i] = *(it - 1);
        if (it == tails.end())
            tails.append(i);
        else
            *it = i;
    }
    QList<int> out;
    for (int i = tails.isEmpty() ? -1 : tails.last(); i >= 0; i = previous.at(i))
        out.prepend(i);
    return out;
}

} // namespace

StoryboardRepository::StoryboardRepository(QSqlDatabase db) : m_db(std::move(db)) {}

core::Result<Storyboard> StoryboardRepository::load()
{
    Storyboard board;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT title, resolution, fps, aspect FROM storyboard WHERE id = 1"));
    if (core::Status st = store::exec(q, QStringLiteral("read the storyboard")); !st)
        return st.error();
    if (q.next()) {
        board.title = q.value(0).toString();
        board.resolution = resolutionFromString(q.value(1).toString());
        board.fps = q.value(2).toInt();
        board.aspect = aspectFromString(q.value(3).toString());
    }
    q.prepare(QStringLiteral("SELECT id, position, prompt, duration_ds, camera, framing, style, dialogue, "
                             "cameos, seed, seed_locked, continuity, notes, trim_in_ds, trim_out_ds, plan_json "
                             "FROM shots ORDER BY position"));
    if (core::Status st = store::exec(q, QStringLiteral("read the shots")); !st)
        return st.error();
    m_positions.clear();
    while (q.next()) {
        Shot s;
        s.id = q.value(0).toString();
        m_positions.insert(s.id, q.value(1).toLongLong());
        s.prompt = q.value(2).toString();
        s.durationDs = q.value(3).toInt();
        s.camera = cameraFromString(q.value(4).toString());
        s.framing = framingFromString(q.value(5).toString());
        s.style = styleFromString(q.value(6).toString());
        s.dialogue = dialogueFromText(q.value(7).toString());
        s.cameos = cameosFromText(q.value(8).toString());
        s.seed = std::uint32_t(q.value(9).toLongLong());
        s.seedLocked = q.value(10).toBool();
        s.continuity = continuityFromString(q.value(11).toString());
        s.notes = q.value(12).toString();
        s.trimInDs = q.value(13).toInt();
        s.trimOutDs = q.value(14).toInt();
        s.plan = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
        board.shots << s;
    }
    return board;
}

core::Status StoryboardRepository::saveAll(const Storyboard &board)
{
    if (core::Status st = saveSettings({board.title, board.resolution, board.fps, board.aspect}); !st)
        return st;
    QStringList ids;
    for (const Shot &s : board.shots)
        ids << s.id;
    if (core::Status st = setOrder(ids); !st)
        return st;
    for (const Shot &s : board.shots)
        if (core::Status st = upsertShot(s); !st)
            return st;
    return {};
}

core::Status StoryboardRepository::saveSettings(const StoryboardSettings &s)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE storyboard SET title = ?, resolution = ?, fps = ?, aspect = ? WHERE id = 1"));
    q.addBindValue(notNull(s.title));
    q.addBindValue(toString(s.resolution));
    q.addBindValue(s.fps);
    q.addBindValue(toString(s.aspect));
    return store::exec(q, QStringLiteral("save the storyboard settings"));
}

core::Status StoryboardRepository::upsertShot(const Shot &s)
{
    if (!m_positions.contains(s.id)) {
        qint64 last = 0;
        for (qint64 p : std::as_const(m_positions))
            last = std::max(last, p);
        m_positions.insert(s.id, last + kPositionStep);
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO shots (id, position, prompt, duration_ds, camera, framing, style, dialogue, cameos, "
        "seed, seed_locked, continuity, notes, trim_in_ds, trim_out_ds, plan_json) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET prompt = excluded.prompt, duration_ds = excluded.duration_ds, "
        "camera = excluded.camera, framing = excluded.framing, style = excluded.style, "
        "dialogue = excluded.dialogue, cameos = excluded.cameos, seed = excluded.seed, "
        "seed_locked = excluded.seed_locked, continuity = excluded.continuity, notes = excluded.notes, "
        "trim_in_ds = excluded.trim_in_ds, trim_out_ds = excluded.trim_out_ds, plan_json = excluded.plan_json"));
    q.addBindValue(s.id);
    q.addBindValue(m_positions.value(s.id));
    q.addBindValue(notNull(s.prompt));
    q.addBindValue(s.durationDs);
    q.addBindValue(toString(s.camera));
    q.addBindValue(toString(s.framing));
    q.addBindValue(toString(s.style));
    q.addBindValue(dialogueToText(s.dialogue));
    q.addBindValue(cameosToText(s.cameos));
    q.addBindValue(qint64(s.seed));
    q.addBindValue(s.seedLocked ? 1 : 0);
    q.addBindValue(toString(s.continuity));
    q.addBindValue(notNull(s.notes));
    q.addBindValue(s.trimInDs);
    q.addBindValue(s.trimOutDs);
    q.addBindValue(s.plan.isEmpty() ? QString(QLatin1String("")) : QString::fromUtf8(QJsonDocument(s.plan).toJson(QJsonDocument::Compact)));
    return store::exec(q, QStringLiteral("save a shot"));
}

core::Status StoryboardRepository::deleteShot(const QString &id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM shots WHERE id = ?"));
    q.addBindValue(id);
    m_positions.remove(id);
    return store::exec(q, QStringLiteral("delete a shot"));
}

core::Status StoryboardRepository::setOrder(const QStringList &ids)
{
    // Keep the positions of the longest run already in increasing order; give every other shot
    // a value between its neighbours, or renumber everything when there is no gap left.
    QList<qint64> known;
    QList<int> knownIndex;
    for (int i = 0; i < ids.size(); ++i) {
        if (m_positions.contains(ids.at(i))) {
            known << m_positions.value(ids.at(i));
            knownIndex << i;
        }
    }
    QList<std::optional<qint64>> target(ids.size());
    for (int k : longestIncreasing(known))
        target[knownIndex.at(k)] = known.at(k);
    bool fits = true;
    for (int i = 0; i < ids.size() && fits; ++i) {
        if (target.at(i))
            continue;
        int j = i;
        while (j < ids.size() && !target.at(j))
            ++j;
        const qint64 low = i > 0 ? *target.at(i - 1) : 0;
        const qint64 high = j < ids.size() ? *target.at(j) : low + kPositionStep * (j - i + 1);
        const qint64 step = (high - low) / (j - i + 1);
        if (step < 1) {
            fits = false;
            break;
        }
        for (int k = i; k < j; ++k)
            target[k] = low + step * (k - i + 1);
    }
    if (!fits)
        for (int i = 0; i < ids.size(); ++i)
            target[i] = kPositionStep * (i + 1);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE shots SET position = ? WHERE id = ?"));
    for (int i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        const qint64 position = *target.at(i);
        const bool stored = m_positions.contains(id);
        if (stored && m_positions.value(id) == position)
            continue;
        m_positions.insert(id, position);
        if (!stored)
            continue; // a new shot: its upsert writes the row with this position
        q.addBindValue(position);
        q.addBindValue(id);
        if (core::Status st = store::exec(q, QStringLiteral("reorder the shots")); !st)
            return st;
    }
    return {};
}

} // namespace kinora::story
