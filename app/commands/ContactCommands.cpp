#include "ContactCommands.h"

#include "AudienceQuery.h"
#include "ImportRows.h"

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
    options.actor = actor();
    if (const QString problem = ContactImport::mappingError(mapping, int(table.header.size()));
        !problem.isEmpty()) {
        // Refused before a job: the same answer the import itself would give.
        ContactImport::Result detail;
        detail.rows = int(table.rows.size());
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
        report = [relay, guard, progress](ContactImport::Stage stage, int count, int total) {
            QMetaObject::invokeMethod(relay, [guard, progress, stage, count, total] {
                if (guard)
                    progress(stage, count, total);
            });
        };
    }
    const qint64 account = accountId();
    runWithDetail<ContactImport::Result>(
        u"contacts.import"_s,
        [table, mapping, options, report, account](WriterContext &context) {
            const ContactImport::Result result =
                context.repo<ImportRows>().contacts(account, table, mapping, options, report);
            CommandResult answer =
                result.written
                    ? CommandResult::success()
                    : CommandResult::failure(result.error.isEmpty()
                                                 ? tr("%n rows have errors: nothing was imported.",
                                                      nullptr, int(result.errors.size()))
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
            const ConsentCsv::ImportResult result =
                context.repo<ImportRows>().optIns(account, csv, who, defaultRegion);
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
        return refuse(u"a frequency cap cannot be negative"_s, std::move(done));
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
