// ShotPlanViewModel: "how Kinora understood this shot": the current shot's ScenePlan (place,
// light, things, actions, camera) and the words the compiler did not understand, recomputed in
// the background shortly after each edit.
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace kinora::storyboard {

class StoryboardViewModel;

class ShotPlanViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ShotPlanViewModel comes from StoryboardViewModel.plan")
    Q_PROPERTY(QVariantMap summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit ShotPlanViewModel(StoryboardViewModel *storyboard);

    QVariantMap summary() const { return m_summary; }
    bool busy() const { return m_busy; }

    /// @brief Recompute soon (edits come in bursts while typing).
    void schedule();

    /// @brief Why @p text is not a plan that can render ("line 12: ..." or a field path), or "".
    Q_INVOKABLE QString checkPlan(const QString &text) const;
    /// @brief Makes @p text the current shot's plan (undoable); false when checkPlan() objects.
    Q_INVOKABLE bool applyPlan(const QString &text);
    /// @brief Drops the current shot's edited plan: the prompt decides again (undoable).
    Q_INVOKABLE void resetPlan();

Q_SIGNALS:
    void summaryChanged();
    void busyChanged();

private:
    void compute();

    StoryboardViewModel *m_storyboard;
    QTimer m_debounce;
    QVariantMap m_summary;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace kinora::storyboard
