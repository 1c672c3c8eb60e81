// kinora-timeline-fixture PATH.kinora [WIDTH HEIGHT]: writes the Timeline test project, for
// screenshots and manual checks of the Timeline page.
#include "timelineproject.h"

#include <QGuiApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // posters draw text
    const QStringList args = app.arguments();
    if (args.size() != 2 && args.size() != 4) {
        std::fprintf(stderr, "usage: kinora-timeline-fixture PATH.kinora [WIDTH HEIGHT]\n");
        return 2;
    }
    const int width = args.size() == 4 ? args.at(2).toInt() : 854;
    const int height = args.size() == 4 ? args.at(3).toInt() : 480;
    const kinora::core::Status st = kinora::test::writeTimelineProject(args.at(1), width, height);
    if (!st) {
        std::fprintf(stderr, "error: %s\n", qPrintable(st.error().toString()));
        return 1;
    }
    return 0;
}
