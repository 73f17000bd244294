// smsdesk-cli consent unsubscribe|resubscribe: a customer unsubscribed or re-subscribed by hand
// through the consent command service, shared with the team through the team log (when the
// profile has joined one) before the command returns.
#pragma once

#include "CliIo.h"

#include <QCommandLineParser>
#include <QString>

class ConsentChange
{
public:
    // Recorded in the profile, but the team log could not be reached (EX_TEMPFAIL).
    static constexpr int NotShared = 75;

    static bool isAction(const QString &action);
    static void addOptions(QCommandLineParser &parser);

    // '' when done; otherwise the problem, with usage() and exitCode() saying how to report it.
    QString run(const QString &action, const QCommandLineParser &parser, CliIo &io);
    bool usage() const { return m_usage; }
    int exitCode() const { return m_exitCode; }

private:
    QString refuse(const QString &problem, bool usage, int exitCode = 1);

    bool m_usage = false;
    int m_exitCode = 1;
};
