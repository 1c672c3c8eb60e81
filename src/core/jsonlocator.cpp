// JsonLocator: a small hand-written JSON scanner that only tracks value paths and lines.
// QJsonDocument forgets positions once it has parsed, so import errors need this second pass.
#include "core/jsonlocator.h"

#include <algorithm>

namespace kinora::core {

TextPosition positionOfOffset(const QByteArray &text, int offset)
{
    TextPosition pos{1, 1};
    const int end = qBound(0, offset, int(text.size()));
    for (int i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            // Columns count characters, not bytes: UTF-8 continuation bytes do not advance.
            ++pos.column;
        }
    }
    return pos;
}

namespace {

// Deep enough for any real storyboard; the limit keeps hostile input from exhausting the stack.
constexpr int kMaxDepth = 256;

class Scanner
{
public:
    Scanner(const QByteArray &text, QHash<QString, int> &lines) : m_text(text), m_lines(lines) {}

    void run()
    {
        skipSpace();
        value(QString(), 0);
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++m_pos;
        }
    }

    // Every function returns false at the first syntax error; the caller then stops scanning,
    // keeping the lines recorded so far (enough to locate errors before the broken spot).
    bool value(const QString &path, int depth)
    {
        if (depth > kMaxDepth || atEnd())
            return false;
        m_lines.insert(path, m_line);
        switch (peek()) {
        case '{':
            return object(path, depth);
        case '[':
            return array(path, depth);
        case '"': {
            QString ignored;
            return string(&ignored);
        }
        default:
            return scalar();
        }
    }

    bool object(const QString &path, int depth)
    {
        ++m_pos; // '{'
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            QString key;
            if (peek() != '"' || !string(&key))
                return false;
            skipSpace();
            if (peek() != ':')
                return false;
            ++m_pos;
            skipSpace();
            if (!value(path.isEmpty() ? key : path + QLatin1Char('.') + key, depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                skipSpace();
                continue;
            }
            if (peek() != '}')
                return false;
            ++m_pos;
            return true;
        }
    }

    bool array(const QString &path, int depth)
    {
        ++m_pos; // '['
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (int index = 0;; ++index) {
            if (!value(path + QStringLiteral("[%1]").arg(index), depth + 1))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                skipSpace();
                continue;
            }
            if (peek() != ']')
                return false;
            ++m_pos;
            return true;
        }
    }

    // Decodes the escapes too, because keys become path components and must match field names.
    bool string(QString *out)
    {
        ++m_pos; // opening quote
        QString decoded;
        QByteArray raw; // undecoded UTF-8 run since the last \u escape
        while (!atEnd()) {
            const char c = m_text.at(m_pos++);
            if (c == '"') {
                *out = decoded + QString::fromUtf8(raw);
                return true;
            }
            if (c == '\n')
                return false; // raw newlines are not allowed inside JSON strings
            if (c != '\\') {
                raw.append(c);
                continue;
            }
            if (atEnd())
                return false;
            const char e = m_text.at(m_pos++);
            switch (e) {
            case 'n': raw.append('\n'); break;
            case 't': raw.append('\t'); break;
            case 'r': raw.append('\r'); break;
            case 'b': raw.append('\b'); break;
            case 'f': raw.append('\f'); break;
            case 'u': {
                bool ok = false;
                const uint unit = m_text.mid(m_pos, 4).toUInt(&ok, 16);
                if (!ok || m_pos + 4 > m_text.size())
                    return false;
                m_pos += 4;
                // Appended as a UTF-16 unit so that surrogate pairs join up in the QString.
                decoded += QString::fromUtf8(raw);
                raw.clear();
                decoded += QChar(static_cast<char16_t>(unit));
                break;
            }
            default: raw.append(e); break; // \" \\ \/
            }
        }
        return false;
    }

    bool scalar()
    {
        const int start = m_pos;
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            const bool part = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-'
                || c == '+' || c == '.' || c == 'E';
            if (!part)
                break;
            ++m_pos;
        }
        return m_pos > start;
    }

    const QByteArray &m_text;
    QHash<QString, int> &m_lines;
    int m_pos = 0;
    int m_line = 1;
};

// "shots[2].dialogue[0]" -> "shots[2].dialogue" -> "shots[2]" -> "shots" -> "" (the root).
QString parentPath(const QString &path)
{
    const int cut = std::max(path.lastIndexOf(QLatin1Char('.')), path.lastIndexOf(QLatin1Char('[')));
    return cut < 0 ? QString() : path.left(cut);
}

} // namespace

JsonLocator::JsonLocator(const QByteArray &text)
{
    Scanner(text, m_lines).run();
}

int JsonLocator::lineOf(const QString &path) const
{
    QString probe = path;
    for (;;) {
        const auto it = m_lines.constFind(probe);
        if (it != m_lines.constEnd())
            return it.value();
        if (probe.isEmpty())
            return 0;
        probe = parentPath(probe);
    }
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true/false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    default: return QStringLiteral("nothing");
    }
}

QString jsonChild(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString jsonIndexed(const QString &path, int index)
{
    return path + QStringLiteral("[%1]").arg(index);
}

} // namespace kinora::core
