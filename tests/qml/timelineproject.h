// A small project with real takes for the Timeline suites and screenshots: four shots, three of
// them generated (flat colour + frame number + tone, with a poster PNG) and one still a gap.
#pragma once

#include "../unit/timelinefixtures.h"
#include "store/jobrepository.h"
#include "store/projectdatabase.h"
#include "story/projectio.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPainter>

namespace kinora::test {

/// @brief Writes @p path (a new .kinora) with shots of 2 s, 2 s, 1 s (gap) and 2 s at 24 fps.
inline core::Status writeTimelineProject(const QString &path, int width = 320, int height = 180)
{
    story::Storyboard board;
    board.title = QStringLiteral("Timeline fixture");
    board.resolution = story::Resolution::P480;
    const QStringList prompts{QStringLiteral("A red room; a low hum."), QStringLiteral("A green field; a bright tone."),
                              QStringLiteral("A dog runs along a beach at sunset."), QStringLiteral("A blue sky; a high whistle.")};
    for (int i = 0; i < prompts.size(); ++i) {
        story::Shot s = story::makeShot(prompts.at(i));
        s.id = QStringLiteral("shot-%1").arg(i + 1);
        s.durationDs = i == 2 ? 10 : 20;
        board.shots << s;
    }
    if (core::Status st = story::writeStoryboardFile(board, path); !st)
        return st;
    auto db = store::ProjectDatabase::open(path);
    if (!db)
        return db.error();
    store::JobRepository jobs(db.value()->db());
    const QString folder = store::ProjectDatabase::mediaFolderFor(path);
    QDir().mkpath(folder);
    const ClipLook looks[] = {{QColor(200, 40, 40), 220}, {QColor(40, 170, 70), 440}, {}, {QColor(50, 80, 220), 880}};
    for (int i : {0, 1, 3}) {
        const QString takeId = QStringLiteral("take-%1").arg(i + 1);
        if (core::Status st = writeTestTake(folder + QLatin1Char('/') + takeId + QStringLiteral(".mp4"), looks[i], 48, width, height); !st)
            return st;
        QImage poster(160, 90, QImage::Format_RGB32);
        poster.fill(looks[i].colour);
        QPainter painter(&poster);
        painter.setPen(Qt::white);
        painter.drawText(poster.rect(), Qt::AlignCenter, QStringLiteral("Shot %1").arg(i + 1));
        painter.end();
        poster.save(folder + QLatin1Char('/') + takeId + QStringLiteral(".png"));
        auto job = jobs.enqueue(board.shots.at(i).id, "{}", QStringLiteral("hash-%1").arg(i));
        if (!job)
            return job.error();
        auto claimed = jobs.claimNext(QCoreApplication::applicationPid());
        if (!claimed || !claimed.value())
            return core::Error{QStringLiteral("could not claim the fixture job"), path};
        store::Take take;
        take.id = takeId;
        take.shotId = board.shots.at(i).id;
        take.specHash = QStringLiteral("hash-%1").arg(i);
        take.engineVersion = QStringLiteral("fixture");
        take.media = takeId + QStringLiteral(".mp4");
        take.plan = take.endState = take.timings = "{}";
        if (core::Status st = jobs.complete(claimed.value()->id, take); !st)
            return st;
    }
    return {};
}

} // namespace kinora::test
