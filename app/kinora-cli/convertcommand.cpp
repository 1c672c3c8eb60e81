// The convert command: read by the input's extension, write by the output's.
#include "convertcommand.h"

#include "story/projectio.h"

#include <QCoreApplication>

namespace kinora::cli {

int runConvert(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() != 2) {
        err << QCoreApplication::translate("cli", "usage: kinora-cli convert INPUT OUTPUT\n"
                                                  "  INPUT:  .fountain, .json or .kinora\n"
                                                  "  OUTPUT: .json or .kinora\n");
        return 2;
    }
    const QString &input = args.at(0);
    const QString &output = args.at(1);
    if (story::fileKindOf(output) == story::StoryboardFileKind::Fountain
        || story::fileKindOf(output) == story::StoryboardFileKind::Invalid) {
        err << QCoreApplication::translate("cli", "error: %1: output must end in .json or .kinora\n").arg(output);
        return 2;
    }
    auto board = story::readStoryboardFile(input);
    if (!board) {
        err << QCoreApplication::translate("cli", "error: %1\n").arg(board.error().toString());
        return 1;
    }
    if (core::Status st = story::writeStoryboardFile(board.value(), output); !st) {
        err << QCoreApplication::translate("cli", "error: %1\n").arg(st.error().toString());
        return 1;
    }
    out << QCoreApplication::translate("cli", "wrote %1 (shots: %2)\n").arg(output).arg(board.value().shots.size());
    return 0;
}

} // namespace kinora::cli
