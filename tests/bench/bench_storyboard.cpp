// bench_storyboard [--shots N] [--edits M]: opens, edits and saves an N-shot storyboard the way
// the studio does (ProjectSession on its writer thread) and prints open time, edit latency (GUI
// side and until durable on disk), rows written per edit, and peak memory.
#include "store/projectdatabase.h"
#include "store/sqlutil.h"
#include "story/projectio.h"
#include "story/projectsession.h"
#include "story/storyboarddocument.h"
#include "story/storyboardrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace kinora;

namespace {

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int shotCount = intOption(app.arguments(), QStringLiteral("--shots"), 500);
    const int editCount = intOption(app.arguments(), QStringLiteral("--edits"), 200);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.kinora"));

    story::Storyboard board;
    board.title = QStringLiteral("Benchmark");
    for (int i = 0; i < shotCount; ++i) {
        story::Shot shot = story::makeShot(QStringLiteral("Shot %1: a ball bounces across a gym floor, "
                                                          "a dog runs on a beach, rain on a street.").arg(i));
        shot.dialogue << story::DialogueLine{QStringLiteral("d%1").arg(i), QStringLiteral("MAYA"), QStringLiteral("en"),
                                             QStringLiteral("Line %1 of the film.").arg(i), {}, {}};
        board.shots << shot;
    }
    QElapsedTimer timer;
    timer.start();
    if (core::Status st = story::writeStoryboardFile(board, path); !st) {
        std::fprintf(stderr, "error: %s\n", qPrintable(st.error().toString()));
        return 1;
    }
    const double createMs = timer.nsecsElapsed() / 1e6;

    story::StoryboardDocument document;
    story::ProjectSession session;
    session.attach(&document);
    QEventLoop loop;
    QObject::connect(&session, &story::ProjectSession::opened, [&](const QString &, const story::Storyboard &b) {
        document.reset(b);
        loop.quit();
    });
    timer.restart();
    session.openProject(path);
    loop.exec();
    const double openMs = timer.nsecsElapsed() / 1e6;

    // Edit latency: GUI-side cost of a request, and the time until the write is durable.
    QList<double> applyMs, durableMs;
    quint64 waitingFor = 0;
    QElapsedTimer since;
    QObject::connect(&session, &story::ProjectSession::saved, [&](quint64 seq) {
        if (seq >= waitingFor) {
            durableMs << since.nsecsElapsed() / 1e6;
            loop.quit();
        }
    });
    for (int i = 0; i < editCount; ++i) {
        since.start();
        const auto &shots = document.storyboard().shots;
        if (i % 2 == 0) {
            story::Shot shot = shots.at((i * 7) % shots.size());
            shot.prompt += QStringLiteral(" Edit %1.").arg(i);
            document.requestUpdateShot(shot);
        } else {
            document.requestMoveShots({shots.at((i * 13) % shots.size()).id}, (i * 5) % shots.size());
        }
        applyMs << since.nsecsElapsed() / 1e6;
        waitingFor = session.lastQueued();
        if (session.lastSaved() < waitingFor) // a move onto its own place writes nothing
            loop.exec();
    }
    session.closeProject();
    session.flush();

    // Rows written by one prompt edit and by one move, counted by SQLite on the writing connection.
    auto db = store::ProjectDatabase::open(path);
    if (!db) {
        std::fprintf(stderr, "error: %s\n", qPrintable(db.error().toString()));
        return 1;
    }
    story::StoryboardRepository repo(db.value()->db());
    story::Storyboard stored = repo.load().value();
    const auto changes = [&] { return store::scalar(db.value()->db(), QStringLiteral("SELECT total_changes()")).toLongLong(); };
    qint64 before = changes();
    stored.shots[shotCount / 2].prompt = QStringLiteral("changed");
    repo.upsertShot(stored.shots.at(shotCount / 2));
    const qint64 rowsPerEdit = changes() - before;
    QStringList order;
    for (const auto &s : stored.shots)
        order << s.id;
    order.move(order.size() - 1, 0);
    before = changes();
    repo.setOrder(order);
    const qint64 rowsPerMove = changes() - before;

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("bench_storyboard: %d shots, %d edits\n", shotCount, editCount);
    std::printf("  create project file      %8.1f ms\n", createMs);
    std::printf("  open (lock+check+load)   %8.1f ms\n", openMs);
    std::printf("  edit, GUI thread  median %8.3f ms   p95 %8.3f ms\n", percentile(applyMs, 0.5), percentile(applyMs, 0.95));
    std::printf("  edit, durable     median %8.3f ms   p95 %8.3f ms\n", percentile(durableMs, 0.5), percentile(durableMs, 0.95));
    std::printf("  rows written: prompt edit %lld, move to front %lld\n", rowsPerEdit, rowsPerMove);
    std::printf("  peak memory (max RSS)    %8.1f MiB\n", usage.ru_maxrss / 1024.0);
    return rowsPerEdit == 1 && rowsPerMove == 1 ? 0 : 1;
}
