// The plan command: compile and simulate in process (no rendering, no worker); progress goes to
// stderr, the plans to the output file.
#include "enginecommands.h"

#include "engine/filmplanner.h"
#include "engineargs.h"
#include "story/projectio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <memory>

namespace kinora::cli {

int runPlan(const QStringList &args, QTextStream &out, QTextStream &err)
{
    EngineArgs a;
    if (const int code = parseEngineArgs(QStringLiteral("plan"), args, err, a); code != 0)
        return code;
    auto board = story::readStoryboardFile(a.input);
    if (!board) {
        err << "error: " << board.error().toString() << "\n";
        return 1;
    }
    if (const int code = checkBoard(board.value(), err, a); code != 0)
        return code;
    auto lastLine = std::make_shared<QString>();
    auto progress = [&err, lastLine](const engine::PipelineProgress &p) {
        const int percent = p.total > 0 ? p.done * 100 / p.total : 0;
        const QString line = QStringLiteral("shot %1/%2 %3 %4%").arg(p.shot).arg(p.shotCount).arg(p.stage).arg(percent);
        if (line != *lastLine) {
            err << "\r" << line << "   ";
            err.flush();
            *lastLine = line;
        }
        return true;
    };
    engine::FilmPlanner planner;
    auto plans = planner.plan(board.value(), a.overrides, progress);
    err << "\n";
    if (!plans) {
        err << "error: " << plans.error().toString() << "\n";
        return 1;
    }
    QJsonArray shots;
    int unknown = 0;
    for (const engine::ScenePlan &plan : plans.value()) {
        shots.append(engine::toJson(plan));
        unknown += int(plan.unknownWords.size());
    }
    const QJsonObject doc{{QStringLiteral("format"), QStringLiteral("kinora.plans.v1")}, {QStringLiteral("shots"), shots}};
    if (core::Status st = story::writeFileAtomically(a.output, QJsonDocument(doc).toJson(QJsonDocument::Indented)); !st) {
        err << "error: " << st.error().toString() << "\n";
        return 1;
    }
    out << "wrote " << a.output << " (plans: " << plans.value().size() << ", words not understood: " << unknown << ")\n";
    return 0;
}

} // namespace kinora::cli
