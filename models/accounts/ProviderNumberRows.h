// Files the numbers the provider lists for an account (incoming phone numbers, short codes)
// into sender_numbers, so that synced messages can be filed in threads. New numbers are added
// with the throughput given; known ones get the provider's sid and capabilities, and keep
// what the admin set (label, throughput, cap, shared short code keyword).
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class ProviderNumberRows
{
public:
    // One number as the provider lists it, with the kind and default throughput the caller
    // decided for it (the provider's resources do not say them).
    struct Listed
    {
        QString number;      // E.164, or the short code's digits
        QString kind;        // long_code, toll_free, short_code
        QString providerSid; // may be empty
        QString label;       // the provider's friendly name; may be empty
        double throughputMps = 1.0;
        bool sms = false;
        bool mms = false;
        bool voice = false;
    };

    struct Outcome
    {
        int added = 0;
        int updated = 0; // known numbers whose sid or capabilities changed
        // Numbers that already belong to another account of the profile: left where they are.
        QStringList inOtherAccount;
    };

    explicit ProviderNumberRows(QSqlDatabase db);

    // In one transaction: nullopt (errorString()) when anything fails, and nothing is written.
    std::optional<Outcome> store(qint64 accountId, const QList<Listed> &numbers);

    // {"sms":…,"mms":…,"voice":…}, as the capabilities column holds them.
    static QString capabilitiesJson(const Listed &number);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
