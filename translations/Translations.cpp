#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// The language part of a UI language ("de-DE" -> "de").
QString languageOf(const QString &uiLanguage)
{
    return uiLanguage.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
}

} // namespace

QString Translations::resourceDirectory()
{
    return u":/i18n"_s;
}

QStringList Translations::languages()
{
    QStringList result;
    const QStringList files =
        QDir(resourceDirectory()).entryList({u"smsdesk_*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        result.append(file.mid(8).chopped(3));
    return result;
}

QString Translations::qtTranslationsDirectory()
{
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

QStringList Translations::install(QCoreApplication *app, const QLocale &locale)
{
    const QStringList ours = languages();
    QString language;
    // The first UI language wins: a German with LANGUAGE=en:de reads English.
    for (const QString &uiLanguage : locale.uiLanguages()) {
        const QString candidate = languageOf(uiLanguage);
        if (candidate == u"en" || candidate == u"c")
            return {};
        if (ours.contains(candidate)) {
            language = candidate;
            break;
        }
    }
    if (language.isEmpty())
        return {};

    QStringList installed;
    // Owned by the application: they must live as long as any text is translated.
    auto *smsdesk = new QTranslator(app);
    const QString ourFile = resourceDirectory() + u"/smsdesk_"_s + language + u".qm"_s;
    if (smsdesk->load(ourFile) && QCoreApplication::installTranslator(smsdesk))
        installed.append(ourFile);
    else
        delete smsdesk;

    // Qt's standard buttons ("Cancel", "OK") and dialogs, when the system has them.
    auto *qt = new QTranslator(app);
    const QString qtFile = QDir(qtTranslationsDirectory()).filePath(u"qtbase_"_s + language);
    if (qt->load(qtFile) && QCoreApplication::installTranslator(qt))
        installed.append(qt->filePath());
    else
        delete qt;
    return installed;
}
