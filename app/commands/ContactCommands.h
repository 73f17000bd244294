// What a marketer or admin does to the account's contacts: import contacts from CSV, import
// opt-ins from CSV, and set the audience rules campaigns follow (frequency cap, open threads).
// Called by the contacts import dialog, the Audience screen and the CLI; every answer comes
// asynchronously.
#pragma once

#include "AdminCommandBase.h"
#include "AudienceFilter.h"
#include "ConsentCsv.h"
#include "ContactImport.h"
#include "CsvTable.h"

class ImportRows;

class ContactCommands : public AdminCommandBase
{
    Q_OBJECT

public:
    // An import answers its result (row errors and counts) next to the CommandResult, whose
    // ok says whether anything was written.
    using ImportDone =
        std::function<void(const CommandResult &result, const ContactImport::Result &detail)>;
    using OptInsDone =
        std::function<void(const CommandResult &result, const ConsentCsv::ImportResult &detail)>;

    ContactCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                    QObject *parent = nullptr);

    // Checks the rows against the mapping and writes them in one transaction (all or, with
    // options.importValidRows, the valid ones). options.actor is this service's actor.
    // `progress` is called on this object's thread while the writer works.
    void importContacts(const CsvTable &table, const QList<ContactImport::Column> &mapping,
                        ContactImport::Options options, ContactImport::Progress progress,
                        ImportDone done);
    // The same, streaming the file at `path` on the writer thread (bounded memory whatever
    // its length); `header` is the one the mapping was made for.
    void importContactsFromFile(const QString &path, const QStringList &header,
                                const QList<ContactImport::Column> &mapping,
                                ContactImport::Options options, ContactImport::Progress progress,
                                ImportDone done);
    // Opt-ins (ConsentCsv::importColumns()); nothing is imported unless every row is good.
    void importOptIns(const QString &csv, const QString &defaultRegion, OptInsDone done);

    // The audience rules of the account's campaigns.
    void saveAudienceSettings(const AudienceFilter::Settings &settings, Done done);

private:
    using ImportJob = std::function<ContactImport::Result(
        ImportRows &rows, qint64 account, const QList<ContactImport::Column> &mapping,
        const ContactImport::Options &options, const ContactImport::Progress &progress)>;
    void runImport(const QStringList &header, const QList<ContactImport::Column> &mapping,
                   ContactImport::Options options, ContactImport::Progress progress,
                   ImportDone done, ImportJob job);
};
