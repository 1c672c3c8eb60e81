// Subtitle cues: SRT and WebVTT writers, an SRT reader, and the shift used when takes are joined
// into one film.
#include "media/subtitles.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace kinora::media {
namespace {

QString timestamp(double seconds, QChar fractionSeparator)
{
    const qint64 ms = std::max<qint64>(0, std::llround(seconds * 1000.0));
    return QStringLiteral("%1:%2:%3%4%5")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(fractionSeparator)
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

// The speaker leads the first line, as broadcast subtitles name an off-screen or new voice.
QString cueText(const SubtitleCue &cue)
{
    return cue.speaker.isEmpty() ? cue.text : cue.speaker + QStringLiteral(": ") + cue.text;
}

QString document(const QList<SubtitleCue> &cues, QChar separator, bool numbered)
{
    QString out;
    int number = 0;
    for (const SubtitleCue &cue : cues) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        if (numbered)
            out += QString::number(++number) + QLatin1Char('\n');
        out += timestamp(cue.startSeconds, separator) + QStringLiteral(" --> ") + timestamp(cue.endSeconds, separator)
            + QLatin1Char('\n') + cueText(cue) + QLatin1Char('\n');
    }
    return out;
}

} // namespace

QString toSrt(const QList<SubtitleCue> &cues)
{
    return document(cues, QLatin1Char(','), true);
}

QString toWebVtt(const QList<SubtitleCue> &cues)
{
    const QString body = document(cues, QLatin1Char('.'), false);
    return body.isEmpty() ? QStringLiteral("WEBVTT\n") : QStringLiteral("WEBVTT\n\n") + body;
}

core::Result<QList<SubtitleCue>> parseSrt(const QString &text)
{
    static const QRegularExpression timing(QStringLiteral(
        R"(^(\d+):(\d\d):(\d\d)[,.](\d{3})\s*-->\s*(\d+):(\d\d):(\d\d)[,.](\d{3}))"));
    static const QRegularExpression speakerPrefix(QStringLiteral(R"(^([^:\n]{1,40}):\s)"));
    QList<SubtitleCue> cues;
    const QStringList lines = QString(text).remove(QLatin1Char('\r')).split(QLatin1Char('\n'));
    int i = 0;
    auto seconds = [](const QRegularExpressionMatch &m, int first) {
        return m.captured(first).toInt() * 3600.0 + m.captured(first + 1).toInt() * 60.0
            + m.captured(first + 2).toInt() + m.captured(first + 3).toInt() / 1000.0;
    };
    while (i < lines.size()) {
        if (lines[i].trimmed().isEmpty()) {
            ++i;
            continue;
        }
        const int cueLine = i + 1;
        bool numberOk = false;
        lines[i].trimmed().toInt(&numberOk);
        if (!numberOk)
            return core::Error{QStringLiteral("Subtitle line %1: expected a cue number, found \"%2\".")
                                   .arg(cueLine).arg(lines[i].left(40)), {}};
        if (++i >= lines.size())
            return core::Error{QStringLiteral("Subtitle cue at line %1 has no timing line.").arg(cueLine), {}};
        const QRegularExpressionMatch m = timing.match(lines[i]);
        if (!m.hasMatch())
            return core::Error{QStringLiteral("Subtitle line %1: expected \"00:00:01,000 --> 00:00:02,000\", found \"%2\".")
                                   .arg(i + 1).arg(lines[i].left(60)), {}};
        SubtitleCue cue;
        cue.startSeconds = seconds(m, 1);
        cue.endSeconds = seconds(m, 5);
        if (cue.endSeconds < cue.startSeconds)
            return core::Error{QStringLiteral("Subtitle line %1: the cue ends before it starts.").arg(i + 1), {}};
        QStringList body;
        for (++i; i < lines.size() && !lines[i].trimmed().isEmpty(); ++i)
            body << lines[i];
        cue.text = body.join(QLatin1Char('\n'));
        if (const QRegularExpressionMatch s = speakerPrefix.match(cue.text); s.hasMatch()) {
            cue.speaker = s.captured(1);
            cue.text = cue.text.mid(s.capturedLength());
        }
        cues << cue;
    }
    return cues;
}

QList<SubtitleCue> shiftCues(const QList<SubtitleCue> &cues, double offsetSeconds, double from, double to)
{
    QList<SubtitleCue> out;
    for (SubtitleCue cue : cues) {
        cue.startSeconds = std::max(from, cue.startSeconds + offsetSeconds);
        cue.endSeconds = std::min(to, cue.endSeconds + offsetSeconds);
        if (cue.endSeconds > cue.startSeconds)
            out << cue;
    }
    return out;
}

} // namespace kinora::media
