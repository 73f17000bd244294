#include "ContactCommands.h"

#include "AudienceQuery.h"
#include "ConsentImportOpApplier.h"
#include "ContactImportShare.h"
#include "ImportRows.h"
#include "TeamShare.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

ContactCommands::ContactCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                                 QObject *parent)
    : AdminCommandBase(writer, accountId, actor, parent)
{}

void ContactCommands::importContacts(const CsvTable &table,
                                     const QList<ContactImport::Column> &mapping,
                                     ContactImport::Options options,
                                     ContactImport::Progress progress, ImportDone done)
{
    runImport(table.header, mapping, std::move(options), std::move(progress), std::move(done),
              [table](ImportRows &rows, qint64 account, const QList<ContactImport::Column> &columns,
                      const ContactImport::Options &o, const ContactImport::Progress &report) {
                  return rows.contacts(account, table, columns, o, report);
              });
}

void ContactCommands::importContactsFromFile(const QString &path, const QStringList &header,
                                             const QList<ContactImport::Column> &mapping,
                                             ContactImport::Options options,
                                             ContactImport::Progress progress, ImportDone done)
{
    runImport(header, mapping, std::move(options), std::move(progress), std::move(done),
              [path, header](
                  ImportRows &rows, qint64 account, const QList<ContactImport::Column> &columns,
                  const ContactImport::Options &o, const ContactImport::Progress &report) {
                  return rows.contactsFromFile(account, path, header, columns, o, report);
              });
}

void ContactCommands::runImport(const QStringList &header,
                                const QList<ContactImport::Column> &mapping,
                                ContactImport::Options options, ContactImport::Progress progress,
                                ImportDone done, ImportJob job)
{
    options.actor = actor();
    if (const QString problem = ContactImport::mappingError(mapping, int(header.size()));
        !problem.isEmpty()) {
        // Refused before a job: the same answer the import itself would give.
        ContactImport::Result detail;
        detail.error = problem;
        QTimer::singleShot(0, this, [problem, detail, done = std::move(done)] {
            if (done)
                done(CommandResult::failure(problem), detail);
        });
        return;
    }
    // Progress crosses to this thread through the writer (an object of this thread that
    // outlives its jobs), which checks that this service is still there.
    StoreWriter *relay = writer();
    QPointer<ContactCommands> guard(this);
    ContactImport::Progress report;
    if (progress) {
        report = [relay, guard, progress](const ContactImport::Progressed &p) {
            QMetaObject::invokeMethod(relay, [guard, progress, p] {
                if (guard)
                    progress(p);
            });
        };
    }
    const qint64 account = accountId();
    const ContactOpApplier::Fields shared = ContactImportShare::fieldsOf(mapping);
    runWithDetail<ContactImport::Result>(
        u"contacts.import"_s,
        [job = std::move(job), mapping, options, report, account,
         shared](WriterContext &context) mutable {
            options.actor = actingAs(context, account, options.actor);
            ContactImport::Result result;
            result.error = refusal(context, {account, options.actor, u"contacts.import"_s, 0});
            if (!result.error.isEmpty())
                return std::pair(CommandResult::failure(result.error), result);
            // In a team the contacts written and their opt-ins are queued for the team log
            // batch by batch as the import goes (contact.put, consent.import), in its
            // transaction.
            auto share = context.repo<TeamShare>();
            const bool ok = share.runStreamed(
                account, options.actor, [&](const TeamShare::Queue &queue) -> QString {
                    if (queue)
                        options.written =
                            context.repo<ContactImportShare>().sink(account, shared, queue);
                    auto rows = context.repo<ImportRows>();
                    result = job(rows, account, mapping, options, report);
                    if (result.written)
                        return {};
                    return result.error.isEmpty() ? u"rows have errors"_s : result.error;
                });
            if (!ok && result.written) {
                // The commit failed: nothing was kept.
                result.written = false;
                result.inserted = result.updated = result.consentEvents = 0;
                result.error = share.errorString();
            }
            CommandResult answer =
                result.written
                    ? CommandResult::success()
                    : CommandResult::failure(result.error.isEmpty()
                                                 ? tr("%n rows have errors: nothing was imported.",
                                                      nullptr, result.badRows)
                                                 : result.error);
            return std::pair(answer, result);
        },
        std::move(done));
}

void ContactCommands::importOptIns(const QString &csv, const QString &defaultRegion,
                                   OptInsDone done)
{
    const qint64 account = accountId();
    const QString who = actor();
    runWithDetail<ConsentCsv::ImportResult>(
        u"consent.import"_s,
        [csv, defaultRegion, account, who](WriterContext &context) {
            const QString by = actingAs(context, account, who);
            ConsentCsv::ImportResult result;
            result.storeError = refusal(context, {account, by, u"consent.import"_s, 0});
            if (!result.storeError.isEmpty())
                return std::pair(CommandResult::failure(result.storeError), result);
            // In a team the opt-ins are queued for the team log with the import, packed into
            // few items (consent.import).
            auto share = context.repo<TeamShare>();
            const bool ok = share.run(
                account, by,
                [&]() -> QString {
                    result = context.repo<ImportRows>().optIns(account, csv, by, defaultRegion);
                    if (result.ok())
                        return {};
                    return result.storeError.isEmpty() ? u"rows have errors"_s : result.storeError;
                },
                [&](QString *) -> std::optional<QList<TeamOp>> {
                    return ConsentImportOpApplier::ops(result.events);
                });
            if (!ok && result.ok()) {
                result.imported = 0;
                result.storeError = share.errorString();
            }
            CommandResult answer;
            if (result.ok())
                answer = CommandResult::success();
            else if (!result.storeError.isEmpty())
                answer = CommandResult::failure(result.storeError);
            else
                answer = CommandResult::failure(
                    tr("nothing imported: %n bad row(s)", nullptr, int(result.errors.size())));
            return std::pair(answer, result);
        },
        std::move(done));
}

void ContactCommands::saveAudienceSettings(const AudienceFilter::Settings &settings, Done done)
{
    if (!settings.frequencyCap.isValid())
        return refuse(tr("a frequency cap cannot be negative"), std::move(done));
    const qint64 account = accountId();
    run(
        u"audience.settings"_s,
        [settings, account](WriterContext &context) {
            auto query = context.repo<AudienceQuery>();
            return query.saveSettings(account, settings)
                       ? CommandResult::success(account)
                       : CommandResult::failure(query.errorString());
        },
        std::move(done));
}
