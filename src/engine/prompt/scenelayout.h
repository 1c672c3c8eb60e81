// Scene layout: turns "on", "next to", "behind" into positions and spreads the remaining new
// entities over an 8 m x 6 m stage around the origin, facing the camera (+z), without overlaps.
#pragma once

#include "engine/sceneplan.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kinora::engine::prompt {

/// "the cup (anchor) is on (kind) the table (reference)".
struct SpatialRelation
{
    int anchor = -1;
    /// on | above | under | beside | near | behind | front | left | right | with, or where a path
    /// starts: past (in the lane beside the reference) | toward (a few metres from it, facing it)
    QString kind;
    int reference = -1;
};

/// Regulation basketball hoop: the World and the Renderer build the hoop shape from these.
constexpr double kHoopZ = -4.0;          ///< base of the hoop entity (backboard plane just in front)
constexpr double kBackboardBottomM = 2.9;
constexpr double kBackboardTopM = 4.0;
constexpr double kRimHeightM = 3.05;

/// @brief Places entities [firstNew, end) of @p entities. Entities before @p firstNew (carried
/// from the previous shot) never move; a relation between a carried anchor and a new reference
/// places the reference instead (inverted); one between two carried entities adds a note.
void layoutScene(QList<PlanEntity> &entities, int firstNew, const QList<SpatialRelation> &relations,
                 QStringList *notes);

/// @brief The place the things in a scene suggest when the prompt names none ("car": street),
/// with the noun that decided it in @p noun; "" when nothing suggests one.
QString environmentForThings(const QList<PlanEntity> &entities, QString *noun);

/// @brief "Dropped into the water": at the beach the new entities of @p inWater (index >=
/// @p firstNew) start side by side just above the sea; a place without water adds a note.
void placeInWater(QList<PlanEntity> &entities, int firstNew, const QList<int> &inWater, const QString &environment,
                  QStringList *notes);

} // namespace kinora::engine::prompt
