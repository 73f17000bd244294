// A campaign's audience from the store: the account's contacts matching a segment (tags,
// attributes, consent), then AudienceFilter's suppression (unsubscribed, not text-enabled,
// frequency cap, open support thread), counted per reason before anything is sent.
#pragma once

#include "AudienceFilter.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class AudienceQuery
{
public:
    // Who a campaign is for. Empty criteria match everyone.
    struct Segment
    {
        enum class Consent
        {
            Any,         // everyone not opted out (opt-outs are suppressed anyway)
            OptedInOnly, // only contacts with a recorded opt-in that still stands
            NoRecord     // only contacts with no consent event at all
        };
        QStringList allTags;                           // the contact has every one of these
        QStringList anyTags;                           // and at least one of these (when given)
        QStringList excludedTags;                      // and none of these
        QList<std::pair<QString, QString>> attributes; // attribute key == value, all of them
        Consent consent = Consent::Any;
    };

    struct Options
    {
        // The number the campaign sends from, for per-number consent; '' when not chosen yet:
        // then an opt-out from any of the account's numbers suppresses (the runner re-checks
        // consent against the real sender at send time).
        QString senderNumber;
        qint64 atMs = 0;         // when the campaign starts (frequency cap), UTC ms
        bool promotional = true; // the frequency cap applies to promotional campaigns only
    };

    // A contact of the segment, with what a preview needs to render a template for it.
    struct Contact
    {
        qint64 id = 0;
        QString number;
        QString name;
        QString attributesJson;
        QString timeZone;
    };

    struct Evaluation
    {
        QList<Contact> contacts;       // the segment, by number
        AudienceFilter::Result filter; // indexes into contacts
        int matched() const { return int(contacts.size()); }
        int included() const { return int(filter.included.size()); }
    };

    explicit AudienceQuery(QSqlDatabase db);

    // The account's audience settings (columns of accounts since migration 0007).
    std::optional<AudienceFilter::Settings> settings(qint64 accountId);
    bool saveSettings(qint64 accountId, const AudienceFilter::Settings &settings);

    // The segment's contacts, without suppression (previews, the longest rendering).
    std::optional<QList<Contact>> contacts(qint64 accountId, const Segment &segment);
    // The segment and its suppression under the account's settings.
    std::optional<Evaluation> evaluate(qint64 accountId, const Segment &segment,
                                       const Options &options);
    std::optional<Evaluation> evaluate(qint64 accountId, const Segment &segment,
                                       const Options &options,
                                       const AudienceFilter::Settings &settings);
    // The numbers to text (E.164), in number order: the included part of evaluate().
    // Empty on error (errorString()) as well as for an empty audience.
    QList<QString> recipients(qint64 accountId, const Segment &segment, const Options &options);

    // Every tag and attribute key the account's contacts use, sorted (for segment pickers).
    QStringList tags(qint64 accountId);
    QStringList attributeKeys(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    QStringList distinctJson(qint64 accountId, const QString &sql);

    QSqlDatabase m_db;
    QString m_error;
};
