// ShotPlanViewModel implementation: the FilmPlanner runs on the thread pool (it simulates the
// shots before this one for continuity), and only the newest answer is shown.
#include "shotplanviewmodel.h"

#include "engine/filmplanner.h"
#include "storyboardviewmodel.h"
#include "shotlistmodel.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QVariantList>
#include <QtConcurrent/QtConcurrentRun>

namespace kinora::storyboard {
namespace {

QVariantMap summarize(const engine::ScenePlan &plan)
{
    QVariantList entities, actions;
    QSet<QString> vehicles;
    for (const engine::PlanEntity &e : plan.entities) {
        entities << QVariantMap{{QStringLiteral("id"), e.id}, {QStringLiteral("noun"), e.noun},
                                {QStringLiteral("label"), e.label}, {QStringLiteral("category"), e.category},
                                {QStringLiteral("colorName"), e.colorName}};
        if (e.category == QLatin1String("vehicle"))
            vehicles.insert(e.id);
    }
    for (const engine::PlanAction &a : plan.actions) {
        // A vehicle's walk or run is how the plan spells a drive; the panel says what a person would.
        const bool drives = vehicles.contains(a.actor) && (a.verb == QLatin1String("run") || a.verb == QLatin1String("walk"));
        actions << QVariantMap{{QStringLiteral("verb"), drives ? QStringLiteral("drive") : a.verb}, {QStringLiteral("actor"), a.actor},
                               {QStringLiteral("object"), a.object}, {QStringLiteral("target"), a.target},
                               {QStringLiteral("startSeconds"), a.startSeconds}, {QStringLiteral("succeeds"), a.succeeds},
                               {QStringLiteral("path"), a.path}, {QStringLiteral("intensity"), a.intensity}};
    }
    return {{QStringLiteral("valid"), true},
            {QStringLiteral("environment"), plan.environment},
            {QStringLiteral("timeOfDay"), plan.timeOfDay},
            {QStringLiteral("weather"), plan.weather},
            {QStringLiteral("style"), plan.style},
            {QStringLiteral("camera"), plan.camera.move + QStringLiteral(" · ") + plan.camera.framing},
            {QStringLiteral("entities"), entities},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("unknownWords"), plan.unknownWords},
            {QStringLiteral("notes"), plan.notes},
            {QStringLiteral("json"), QString::fromUtf8(QJsonDocument(engine::toJson(plan)).toJson(QJsonDocument::Indented))}};
}

} // namespace

ShotPlanViewModel::ShotPlanViewModel(StoryboardViewModel *storyboard)
    : QObject(storyboard), m_storyboard(storyboard)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(350);
    connect(&m_debounce, &QTimer::timeout, this, &ShotPlanViewModel::compute);
}

void ShotPlanViewModel::schedule()
{
    m_debounce.start();
}

void ShotPlanViewModel::compute()
{
    if (m_busy) {
        m_again = true; // one more pass once the running one answers
        return;
    }
    const story::Storyboard board = m_storyboard->storyboardSnapshot();
    const int row = m_storyboard->shots()->currentRow();
    if (row < 0 || row >= board.shots.size()) {
        m_summary.clear();
        Q_EMIT summaryChanged();
        return;
    }
    m_busy = true;
    Q_EMIT busyChanged();
    auto *watcher = new QFutureWatcher<QVariantMap>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_summary = watcher->result();
        m_busy = false;
        Q_EMIT summaryChanged();
        Q_EMIT busyChanged();
        if (std::exchange(m_again, false))
            compute();
    });
    watcher->setFuture(QtConcurrent::run([board, row]() -> QVariantMap {
        engine::FilmOverrides only;
        only.shots = {row + 1};
        const bool edited = !board.shots.at(row).plan.isEmpty();
        auto plans = engine::FilmPlanner().plan(board, only);
        if (!plans || plans.value().isEmpty())
            return {{QStringLiteral("valid"), false}, {QStringLiteral("edited"), edited},
                    {QStringLiteral("error"), plans ? QString() : plans.error().toString()}};
        QVariantMap summary = summarize(plans.value().first());
        summary.insert(QStringLiteral("edited"), edited);
        return summary;
    }));
}

QString ShotPlanViewModel::checkPlan(const QString &text) const
{
    QJsonParseError parseError;
    const QByteArray bytes = text.toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(bytes.left(parseError.offset).count('\n')) + 1;
        return tr("Line %1: %2.").arg(line).arg(parseError.errorString());
    }
    if (!doc.isObject())
        return tr("A plan is one JSON object: { \"environment\": ..., \"entities\": [...], ... }.");
    auto plan = engine::scenePlanFromJson(doc.object());
    return plan ? QString() : plan.error().toString();
}

bool ShotPlanViewModel::applyPlan(const QString &text)
{
    if (!checkPlan(text).isEmpty())
        return false;
    m_storyboard->setShotField(QStringLiteral("plan"), QJsonDocument::fromJson(text.toUtf8()).object());
    schedule();
    return true;
}

void ShotPlanViewModel::resetPlan()
{
    m_storyboard->setShotField(QStringLiteral("plan"), QJsonObject());
    schedule();
}

} // namespace kinora::storyboard
