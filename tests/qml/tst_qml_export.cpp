// Qt Quick Test runner for the Export page: a small project with real takes (one shot not
// generated yet), its path as timelineProject, an output folder, and a probe for written files.
#include "timelineproject.h"

#include <QFileInfo>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Kinora_ExportPlugin)
Q_IMPORT_QML_PLUGIN(Kinora_StoryboardPlugin)
Q_IMPORT_QML_PLUGIN(Kinora_ControlsPlugin)

/// What the suite cannot see from QML: files on disk.
class FileProbe : public QObject
{
    Q_OBJECT

public:
    Q_INVOKABLE qint64 size(const QString &path) const { return QFileInfo(path).exists() ? QFileInfo(path).size() : -1; }
    Q_INVOKABLE QStringList entries(const QString &folder) const { return QDir(folder).entryList(QDir::Files); }
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KinoraTests"));
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        const kinora::core::Status st = kinora::test::writeTimelineProject(m_dir.filePath(QStringLiteral("film.kinora")));
        if (!st)
            qFatal("cannot write the export fixture: %s", qPrintable(st.error().toString()));
        QDir(m_dir.path()).mkpath(QStringLiteral("out"));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("exportProject"), m_dir.filePath(QStringLiteral("film.kinora")));
        engine->rootContext()->setContextProperty(QStringLiteral("outputFolder"), m_dir.filePath(QStringLiteral("out")));
        engine->rootContext()->setContextProperty(QStringLiteral("files"), &m_probe);
    }

private:
    QTemporaryDir m_dir;
    FileProbe m_probe;
};

QUICK_TEST_MAIN_WITH_SETUP(export, Setup)
#include "tst_qml_export.moc"
