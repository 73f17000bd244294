#include "ContactImportShare.h"

#include "ConsentImportOpApplier.h"

ContactImportShare::ContactImportShare(QSqlDatabase db)
    : m_db(std::move(db))
{}

ContactOpApplier::Fields ContactImportShare::fieldsOf(const QList<ContactImport::Column> &mapping)
{
    using Field = ContactImport::Column::Field;
    ContactOpApplier::Fields shared;
    for (const ContactImport::Column &column : mapping) {
        const bool namePart = column.field == Field::FirstName || column.field == Field::LastName;
        shared.name |= column.field == Field::Name || namePart;
        shared.tags |= column.field == Field::Tags;
        shared.attributes |= column.field == Field::Attribute || namePart;
        shared.timeZone |= column.field == Field::TimeZone;
    }
    return shared;
}

ContactImport::Options::Written ContactImportShare::sink(qint64 accountId,
                                                         ContactOpApplier::Fields fields,
                                                         TeamShare::Queue queue) const
{
    return [db = m_db, accountId, fields, queue = std::move(queue)](
               const QStringList &numbers, const QList<ConsentEvent> &optIns) -> QString {
        ContactOpApplier contacts(db);
        auto ops = contacts.describe(accountId, numbers, fields);
        if (!ops)
            return contacts.errorString();
        *ops += ConsentImportOpApplier::ops(optIns);
        return queue(*ops);
    };
}
