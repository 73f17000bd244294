#include "AuditLogView.h"

#include "AuditRows.h"
#include "KeywordProcess.h"
#include "StoreReader.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(valueText(item));
        return parts.join(u", "_s);
    }
    if (value.isBool())
        return value.toBool() ? AuditLogView::tr("yes") : AuditLogView::tr("no");
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isNull())
        return AuditLogView::tr("none");
    return value.toString();
}

// Every detail, for the tooltip.
QString detailsText(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it)
        parts.append(it.key() + u": "_s + valueText(it.value()));
    return parts.join(u"; "_s);
}

// What the row is about, in a few words: "Help: HELP, INFO" for a keyword process, the
// provider keyword for a shared short code; else every detail.
QString summaryText(const QJsonObject &details)
{
    if (details.contains(u"type"_s) && details.contains(u"keywords"_s)) {
        const auto type = KeywordProcess::typeFromString(details.value(u"type"_s).toString());
        const QString name =
            type ? KeywordProcess::displayName(*type) : details.value(u"type"_s).toString();
        return name + u": "_s + valueText(details.value(u"keywords"_s));
    }
    if (details.contains(u"provider_keyword"_s)) {
        const QString keyword = details.value(u"provider_keyword"_s).toString();
        return keyword.isEmpty() ? AuditLogView::tr("exclusive short code") : keyword;
    }
    return detailsText(details);
}

QTableWidgetItem *item(const QString &text, const QString &tip = {})
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    cell->setToolTip(tip.isEmpty() ? text : tip);
    return cell;
}

} // namespace

QString AuditLogView::actionName(const QString &action)
{
    const QString verb = action.section(u'.', -1);
    if (verb == u"create"_s)
        return tr("Created");
    if (verb == u"edit"_s)
        return tr("Edited");
    if (verb == u"start"_s)
        return tr("Started");
    if (verb == u"pause"_s)
        return tr("Paused");
    if (verb == u"delete"_s)
        return tr("Deleted");
    if (verb == u"shared_short_code"_s)
        return tr("Shared short code set");
    return action;
}

AuditLogView::AuditLogView(const StoreReader &reader, qint64 accountId, const QString &subjectType,
                           const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_accountId(accountId)
    , m_subjectType(subjectType)
    , m_table(new QTableWidget(0, 4))
{
    m_table->setObjectName(u"auditTable"_s);
    m_table->setAccessibleName(tr("Changes"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Change"), tr("Details")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *heading = new QLabel(title);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_table);
    reload();
}

void AuditLogView::reload()
{
    auto rows = m_reader.make<AuditRows>();
    const QList<AuditRows::Entry> entries = rows.recentAbout(m_accountId, m_subjectType, 50);
    m_table->setRowCount(int(entries.size()));
    for (int r = 0; r < entries.size(); ++r) {
        const AuditRows::Entry &e = entries.at(r);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(e.occurredAtMs).toLocalTime();
        m_table->setItem(r, 0,
                         item(QLocale().toString(at, u"d MMM HH:mm"_s),
                              QLocale().toString(at, QLocale::LongFormat)));
        m_table->setItem(r, 1, item(e.actor));
        m_table->setItem(r, 2, item(actionName(e.action)));
        m_table->setItem(r, 3, item(summaryText(e.details), detailsText(e.details)));
    }
    m_table->resizeColumnsToContents();
}
