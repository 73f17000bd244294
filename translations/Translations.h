// Puts SMS Desk in the person's language: the translation of our tr() strings embedded under
// :/i18n (built by lrelease from translations/smsdesk_<lang>.ts) and Qt's own translation of
// its dialogs' buttons when the system has it (qt6-translations-l10n).
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

class Translations
{
public:
    // Installs on `app` the translations for the first of the locale's UI languages that SMS
    // Desk has (the system's: LANGUAGE, then LC_ALL, LC_MESSAGES, LANG); English, the source
    // language, and a language with no translation install nothing. Returns the
    // translations' files installed (empty: English). Call before any window is built: texts
    // are not translated again afterwards.
    static QStringList install(QCoreApplication *app, const QLocale &locale = QLocale::system());

    // Where our .qm files are: ":/i18n/smsdesk_de.qm" and so on.
    static QString resourceDirectory();
    // The languages SMS Desk is translated into ("de"), from the embedded files.
    static QStringList languages();
    // Where Qt's own translations are installed (QLibraryInfo::TranslationsPath).
    static QString qtTranslationsDirectory();
};
