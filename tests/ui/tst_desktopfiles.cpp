// The .desktop file and AppStream metainfo agree with each other, with the installed icon
// and binary names, and with the project version.
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// Keys of the [Desktop Entry] group, or `*error` set for an unreadable or malformed file.
QHash<QString, QString> readDesktopEntry(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QHash<QString, QString> keys;
    QString group;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            group = line.mid(1, line.size() - 2);
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            *error = u"%1:%2: not a key=value line: %3"_s.arg(path).arg(lineNumber).arg(line);
            return {};
        }
        if (group == "Desktop Entry"_L1)
            keys.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return keys;
}

struct Metainfo
{
    QString type;
    QString id;
    QString name;
    QString summary;
    QString metadataLicense;
    QString projectLicense;
    QString launchable;
    QStringList binaries;
    QStringList releaseVersions;
    QStringList releaseDates;
};

Metainfo readMetainfo(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    Metainfo info;
    QXmlStreamReader xml(&file);
    if (!xml.readNextStartElement() || xml.name() != "component"_L1) {
        *error = u"%1: the root element is not <component>"_s.arg(path);
        return {};
    }
    info.type = xml.attributes().value("type"_L1).toString();
    // Only the component's own children count, not e.g. <name> inside <developer>.
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == "id"_L1) {
            info.id = xml.readElementText();
        } else if (name == "name"_L1 && xml.attributes().value("xml:lang"_L1).isEmpty()) {
            info.name = xml.readElementText();
        } else if (name == "summary"_L1 && xml.attributes().value("xml:lang"_L1).isEmpty()) {
            info.summary = xml.readElementText();
        } else if (name == "metadata_license"_L1) {
            info.metadataLicense = xml.readElementText();
        } else if (name == "project_license"_L1) {
            info.projectLicense = xml.readElementText();
        } else if (name == "launchable"_L1) {
            if (xml.attributes().value("type"_L1) == "desktop-id"_L1)
                info.launchable = xml.readElementText();
            else
                xml.skipCurrentElement();
        } else if (name == "provides"_L1) {
            while (xml.readNextStartElement()) {
                if (xml.name() == "binary"_L1)
                    info.binaries << xml.readElementText();
                else
                    xml.skipCurrentElement();
            }
        } else if (name == "releases"_L1) {
            while (xml.readNextStartElement()) {
                if (xml.name() == "release"_L1) {
                    info.releaseVersions << xml.attributes().value("version"_L1).toString();
                    info.releaseDates << xml.attributes().value("date"_L1).toString();
                }
                xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return info;
}

} // namespace

class TestDesktopFiles : public QObject
{
    Q_OBJECT

private:
    const QString m_desktopPath = QStringLiteral(SMSDESK_DESKTOP_FILE);
    QHash<QString, QString> m_entry;
    Metainfo m_meta;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_entry = readDesktopEntry(m_desktopPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_meta = readMetainfo(QStringLiteral(SMSDESK_METAINFO_FILE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void desktopEntryKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        const QString binary = QStringLiteral(SMSDESK_APP_BINARY);
        QTest::newRow("Type") << u"Type"_s << u"Application"_s;
        QTest::newRow("Exec is the app binary") << u"Exec"_s << binary;
        // The icon is installed under its file's own name (installer/CMakeLists.txt).
        QTest::newRow("Icon is the installed icon")
            << u"Icon"_s << QFileInfo(QStringLiteral(SMSDESK_APP_ICON)).completeBaseName();
        QTest::newRow("Terminal") << u"Terminal"_s << u"false"_s;
        // Qt's X11 window class is the application name, which main.cpp sets to the binary's.
        QTest::newRow("StartupWMClass") << u"StartupWMClass"_s << binary;
        QTest::newRow("Name matches the metainfo") << u"Name"_s << m_meta.name;
    }

    void desktopEntryKeys()
    {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QVERIFY2(m_entry.contains(key), qPrintable(u"missing key "_s + key));
        QCOMPARE(m_entry.value(key), expected);
    }

    void desktopEntryDescribesTheApp_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("GenericName") << u"GenericName"_s;
        QTest::newRow("Comment") << u"Comment"_s;
        QTest::newRow("Categories") << u"Categories"_s;
    }

    void desktopEntryDescribesTheApp()
    {
        QFETCH(QString, key);
        QVERIFY2(!m_entry.value(key).isEmpty(), qPrintable(u"empty or missing key "_s + key));
    }

    void desktopEntryCategories()
    {
        const QStringList categories =
            m_entry.value(u"Categories"_s).split(u';', Qt::SkipEmptyParts);
        QVERIFY(categories.contains(u"Network"_s));
        QVERIFY(categories.contains(u"Office"_s));
        // The spec wants a terminating semicolon on list values.
        QVERIFY(m_entry.value(u"Categories"_s).endsWith(u';'));
    }

    void metainfoMatchesDesktopFile()
    {
        const QString desktopFileName = QFileInfo(m_desktopPath).fileName();
        QCOMPARE(m_meta.type, u"desktop-application"_s);
        QCOMPARE(m_meta.id + u".desktop"_s, desktopFileName);
        QCOMPARE(m_meta.launchable, desktopFileName);
        QVERIFY(!m_meta.summary.isEmpty());
    }

    void metainfoProvidesTheBinaries()
    {
        QVERIFY2(m_meta.binaries.contains(QStringLiteral(SMSDESK_APP_BINARY)),
                 qPrintable(m_meta.binaries.join(u", "_s)));
        QVERIFY2(m_meta.binaries.contains(QStringLiteral(SMSDESK_CLI_BINARY)),
                 qPrintable(m_meta.binaries.join(u", "_s)));
    }

    void metainfoLicenses()
    {
        QCOMPARE(m_meta.projectLicense, u"MIT"_s);
        QVERIFY(!m_meta.metadataLicense.isEmpty());
    }

    void newestReleaseIsTheProjectVersion()
    {
        QVERIFY(!m_meta.releaseVersions.isEmpty());
        // AppStream lists releases newest first.
        QCOMPARE(m_meta.releaseVersions.first(), QStringLiteral(SMSDESK_EXPECTED_VERSION));
        for (const QString &date : std::as_const(m_meta.releaseDates))
            QVERIFY2(QDate::fromString(date, Qt::ISODate).isValid(), qPrintable(date));
    }
};

QTEST_GUILESS_MAIN(TestDesktopFiles)
#include "tst_desktopfiles.moc"
