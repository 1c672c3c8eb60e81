// kinora-edit-burst PROJECT COUNT [TAG]: opens a project through ProjectSession (as the studio does) and
// makes COUNT edits as fast as it can, printing "ack N" once edit N is committed to disk.
// Edit N is: N%4==0 add a shot with prompt "add N"; 1 set the notes of shot (N/4)%5 to "edit N";
// 2 move the last shot to the front; 3 set the title "title N". With TAG, texts start "TAG:".
#include "story/projectsession.h"
#include "story/storyboarddocument.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace kinora;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: kinora-edit-burst PROJECT COUNT [TAG]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int count = QString::fromLatin1(argv[2]).toInt();
    const QString tag = argc == 4 ? QString::fromLocal8Bit(argv[3]) + QLatin1Char(':') : QString();
    story::StoryboardDocument document;
    story::ProjectSession session;
    session.attach(&document);
    QHash<quint64, int> editOfSequence; // the last write sequence of each edit
    int next = 0;
    int acked = -1;

    auto edit = [&](int n) {
        const auto &shots = document.storyboard().shots;
        switch (n % 4) {
        case 0: {
            story::Shot shot = story::makeShot(tag + QStringLiteral("add %1").arg(n));
            document.requestInsertShots(int(shots.size()), {shot}, QStringLiteral("add"));
            break;
        }
        case 1: {
            story::Shot shot = shots.at((n / 4) % std::min<int>(5, int(shots.size())));
            shot.notes = tag + QStringLiteral("edit %1").arg(n);
            document.requestUpdateShot(shot);
            break;
        }
        case 2:
            document.requestMoveShots({shots.last().id}, 0);
            break;
        case 3: {
            story::StoryboardSettings s = document.settings();
            s.title = tag + QStringLiteral("title %1").arg(n);
            document.requestSetSettings(s);
            break;
        }
        }
        editOfSequence.insert(session.lastQueued(), n);
    };

    QObject::connect(&session, &story::ProjectSession::failed, [&](const QString &, const core::Error &e) {
        std::fprintf(stderr, "error: %s\n", qPrintable(e.toString()));
        QCoreApplication::exit(1);
    });
    QObject::connect(&session, &story::ProjectSession::saved, [&](quint64 sequence) {
        for (quint64 s = sequence; s > 0; --s) {
            auto it = editOfSequence.constFind(s);
            if (it != editOfSequence.constEnd()) {
                for (int n = acked + 1; n <= it.value(); ++n)
                    std::printf("ack %d\n", n);
                std::fflush(stdout);
                acked = std::max(acked, it.value());
                break;
            }
        }
        if (acked == count - 1)
            QCoreApplication::quit();
    });
    QTimer pump;
    QObject::connect(&pump, &QTimer::timeout, [&] {
        for (int i = 0; i < 3 && next < count; ++i)
            edit(next++);
    });
    QObject::connect(&session, &story::ProjectSession::opened, [&](const QString &, const story::Storyboard &board) {
        document.reset(board);
        while (document.storyboard().shots.size() < 5)
            edit(next++);
        pump.start(0);
    });
    session.openProject(path);
    return app.exec();
}
