// StoryboardViewModel: shot edits from the strip and the shot editor. Each is one undoable
// request on the document; typing into one field of one shot merges into a single undo step.
#include "storyboardviewmodel.h"

#include "core/ids.h"
#include "shotlistmodel.h"
#include "story/storyboarddocument.h"

#include <QVariantList>

namespace kinora::storyboard {

using story::Shot;

QVariantMap StoryboardViewModel::currentShot() const
{
    const int row = m_shots->currentRow();
    const auto &shots = m_document->storyboard().shots;
    if (row < 0 || row >= shots.size())
        return {};
    const Shot &s = shots.at(row);
    QVariantList dialogue;
    for (const auto &l : s.dialogue)
        dialogue << QVariantMap{{QStringLiteral("speaker"), l.speaker},
                                {QStringLiteral("language"), l.language},
                                {QStringLiteral("text"), l.text},
                                {QStringLiteral("parenthetical"), l.parenthetical},
                                {QStringLiteral("hasStart"), l.startMs.has_value()},
                                {QStringLiteral("startSeconds"), l.startMs.value_or(0) / 1000.0}};
    QStringList cameos;
    QStringList roles;
    for (int i = 0; i < story::kMaxCameoSlots; ++i) {
        cameos << (i < s.cameos.size() ? s.cameos.at(i).cameo : QString());
        roles << (i < s.cameos.size() ? s.cameos.at(i).role : QString());
    }
    return {{QStringLiteral("row"), row},
            {QStringLiteral("number"), row + 1},
            {QStringLiteral("id"), s.id},
            {QStringLiteral("prompt"), s.prompt},
            {QStringLiteral("durationSeconds"), s.durationDs / 10.0},
            {QStringLiteral("camera"), story::toString(s.camera)},
            {QStringLiteral("framing"), story::toString(s.framing)},
            {QStringLiteral("style"), story::toString(s.style)},
            {QStringLiteral("continuity"), story::toString(s.continuity)},
            {QStringLiteral("seed"), qint64(s.seed)},
            {QStringLiteral("seedLocked"), s.seedLocked},
            {QStringLiteral("notes"), s.notes},
            {QStringLiteral("dialogue"), dialogue},
            {QStringLiteral("cameos"), cameos},
            {QStringLiteral("cameoRoles"), roles}};
}

bool StoryboardViewModel::editCurrent(const std::function<bool(Shot &)> &change, const QString &mergeKey)
{
    const int row = m_shots->currentRow();
    if (row < 0 || row >= m_document->storyboard().shots.size())
        return false;
    Shot shot = m_document->storyboard().shots.at(row);
    if (!change(shot))
        return false;
    return m_document->requestUpdateShot(shot, mergeKey);
}

void StoryboardViewModel::setShotField(const QString &field, const QVariant &value)
{
    const bool typed = field == QLatin1String("prompt") || field == QLatin1String("notes");
    editCurrent([&](Shot &s) {
        if (field == QLatin1String("prompt")) {
            s.prompt = value.toString();
        } else if (field == QLatin1String("notes")) {
            s.notes = value.toString();
        } else if (field == QLatin1String("durationSeconds")) {
            s.durationDs = std::clamp(int(qRound(value.toDouble() * 10)), story::kMinDurationDs, story::kMaxDurationDs);
        } else if (field == QLatin1String("camera")) {
            const auto v = story::cameraFromString(value.toString());
            if (v == story::CameraMove::Invalid)
                return false;
            s.camera = v;
        } else if (field == QLatin1String("framing")) {
            const auto v = story::framingFromString(value.toString());
            if (v == story::Framing::Invalid)
                return false;
            s.framing = v;
        } else if (field == QLatin1String("style")) {
            const auto v = story::styleFromString(value.toString());
            if (v == story::Style::Invalid)
                return false;
            s.style = v;
        } else if (field == QLatin1String("continuity")) {
            const auto v = story::continuityFromString(value.toString());
            if (v == story::Continuity::Invalid)
                return false;
            s.continuity = v;
        } else if (field == QLatin1String("plan")) {
            // An edited ScenePlan (checked by ShotPlanViewModel::checkPlan), or empty to go back
            // to the plan compiled from the prompt.
            s.plan = value.toJsonObject();
        } else if (field == QLatin1String("seedLocked")) {
            s.seedLocked = value.toBool();
        } else if (field == QLatin1String("seed")) {
            const qint64 seed = value.toLongLong();
            if (seed < 1 || seed > 0x7fffffff)
                return false;
            s.seed = std::uint32_t(seed);
        } else {
            return false;
        }
        return true;
    }, typed ? field : QString());
}

void StoryboardViewModel::rerollSeed()
{
    editCurrent([](Shot &s) {
        if (s.seedLocked)
            return false;
        s.seed = core::newSeed();
        return true;
    }, {});
}

bool StoryboardViewModel::renewSeed(int row)
{
    const auto &shots = m_document->storyboard().shots;
    if (row < 0 || row >= shots.size() || shots.at(row).seedLocked)
        return false;
    Shot shot = shots.at(row);
    shot.seed = core::newSeed();
    return m_document->requestUpdateShot(shot);
}

void StoryboardViewModel::addDialogueLine()
{
    editCurrent([](Shot &s) {
        story::DialogueLine line;
        line.id = core::newId();
        if (!s.dialogue.isEmpty()) {
            // Alternate speakers by default, the way a conversation goes.
            line.language = s.dialogue.last().language;
            line.speaker = s.dialogue.size() >= 2 ? s.dialogue.at(s.dialogue.size() - 2).speaker : QString();
        }
        s.dialogue << line;
        return true;
    }, {});
}

void StoryboardViewModel::removeDialogueLine(int index)
{
    editCurrent([index](Shot &s) {
        if (index < 0 || index >= s.dialogue.size())
            return false;
        s.dialogue.removeAt(index);
        return true;
    }, {});
}

void StoryboardViewModel::setDialogueField(int index, const QString &field, const QVariant &value)
{
    editCurrent([&](Shot &s) {
        if (index < 0 || index >= s.dialogue.size())
            return false;
        story::DialogueLine &l = s.dialogue[index];
        if (field == QLatin1String("speaker"))
            l.speaker = value.toString();
        else if (field == QLatin1String("language"))
            l.language = value.toString().trimmed();
        else if (field == QLatin1String("text"))
            l.text = value.toString();
        else if (field == QLatin1String("parenthetical"))
            l.parenthetical = value.toString();
        else if (field == QLatin1String("startSeconds"))
            l.startMs = value.isValid() && !value.isNull() && value.toDouble() >= 0
                ? std::optional<int>(qRound(value.toDouble() * 1000))
                : std::nullopt;
        else
            return false;
        return true;
    }, QStringLiteral("dialogue/%1/%2").arg(index).arg(field));
}

void StoryboardViewModel::setCameo(int slot, const QString &handle)
{
    editCurrent([&](Shot &s) {
        if (slot < 0 || slot >= story::kMaxCameoSlots)
            return false;
        QList<story::CameoSlot> slots;
        for (int i = 0; i < story::kMaxCameoSlots; ++i) {
            story::CameoSlot c = i < s.cameos.size() ? s.cameos.at(i) : story::CameoSlot{};
            if (i == slot)
                c.cameo = handle.trimmed();
            if (!c.cameo.isEmpty())
                slots << c;
        }
        s.cameos = slots;
        return true;
    }, QStringLiteral("cameo/%1").arg(slot));
}

void StoryboardViewModel::addShot()
{
    const int row = m_shots->currentRow();
    m_document->requestAddShot(row < 0 ? int(m_document->storyboard().shots.size()) : row + 1);
}

void StoryboardViewModel::duplicateSelected()
{
    const QStringList ids = m_shots->selectedIds();
    if (m_document->requestDuplicateShots(ids) && ids.size() > 1) {
        // Select all the copies, not just the last one inserted.
        const auto &shots = m_document->storyboard().shots;
        QStringList copies;
        for (int i = m_shots->currentRow() - int(ids.size()) + 1; i <= m_shots->currentRow(); ++i)
            copies << shots.at(i).id;
        m_shots->selectIds(copies);
    }
}

void StoryboardViewModel::deleteSelected()
{
    m_document->requestRemoveShots(m_shots->selectedIds());
}

void StoryboardViewModel::moveSelected(int delta)
{
    const QStringList ids = m_shots->selectedIds();
    if (ids.isEmpty())
        return;
    const int first = m_document->storyboard().indexOf(ids.first());
    if (m_document->requestMoveShots(ids, first + delta))
        m_shots->selectIds(ids);
}

void StoryboardViewModel::moveShot(int from, int to)
{
    const QString id = m_shots->idAt(from);
    if (!id.isEmpty() && m_document->requestMoveShots({id}, to))
        m_shots->select(to);
}

void StoryboardViewModel::undo()
{
    m_document->undoStack()->undo();
}

void StoryboardViewModel::redo()
{
    m_document->undoStack()->redo();
}

} // namespace kinora::storyboard
