// bench_prompt [--repeat N]: compiles the prompt test corpus N times (default 100) and prints the
// mean and the slowest microseconds per prompt, the figure that bounds the storyboard's live preview.
#include "engine/prompt/promptcompiler.h"
#include "tst_prompt_cases.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace kinora::engine;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--repeat")));
    const int repeat = at >= 0 && at + 1 < args.size() ? std::max(1, args.at(at + 1).toInt()) : 100;
    const PromptCompiler compiler;
    QList<ShotInput> shots;
    for (const PromptCase &c : kPromptCases) {
        ShotInput s;
        s.prompt = QString::fromUtf8(c.prompt);
        s.durationSeconds = 6;
        shots << s;
    }
    qint64 checksum = 0;
    double slowestUs = 0;
    QElapsedTimer total;
    total.start();
    for (int r = 0; r < repeat; ++r)
        for (const ShotInput &s : shots) {
            QElapsedTimer one;
            one.start();
            const ScenePlan plan = compiler.compile(s, {}, {});
            slowestUs = std::max(slowestUs, one.nsecsElapsed() / 1e3);
            checksum += plan.entities.size() + plan.actions.size(); // keeps the work observable
        }
    const double perPromptUs = total.nsecsElapsed() / 1e3 / (double(repeat) * shots.size());
    std::printf("prompts: %lld x %d\n", qlonglong(shots.size()), repeat);
    std::printf("compile: %.1f us per prompt (mean), %.1f us slowest\n", perPromptUs, slowestUs);
    std::printf("entities+actions per pass: %lld\n", checksum / repeat);
    return checksum > 0 ? 0 : 1;
}
