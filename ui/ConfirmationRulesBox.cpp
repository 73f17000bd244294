#include "ConfirmationRulesBox.h"

#include "ConfirmationRuleRows.h"
#include "CountryPicker.h"
#include "KeywordCommands.h"
#include "StoreReader.h"
#include "StoreWriter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using Rule = ConfirmationRule::Rule;

QString ConfirmationRulesBox::ruleName(int rule)
{
    switch (Rule(rule)) {
    case Rule::Required:
        return tr("Required");
    case Rule::Optional:
        return tr("Optional");
    case Rule::Prohibited:
        return tr("Prohibited");
    }
    return {};
}

ConfirmationRulesBox::ConfirmationRulesBox(const StoreReader &reader, StoreWriter *writer,
                                           qint64 accountId, const QString &actor, QWidget *parent)
    : QGroupBox(tr("Opt-out confirmation by country"), parent)
    , m_reader(reader)
    , m_commands(new KeywordCommands(writer, accountId, actor, this))
    , m_accountId(accountId)
    , m_table(new QTableWidget(0, 3))
    , m_country(new CountryPicker)
    , m_rule(new QComboBox)
    , m_error(new QLabel)
{
    setObjectName(u"confirmationRules"_s);
    m_table->setObjectName(u"keywordCountryRules"_s);
    m_table->setAccessibleName(tr("Confirmation rules by country"));
    m_table->setHorizontalHeaderLabels({tr("Country"), tr("Confirmation"), tr("Set by")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_country->setObjectName(u"keywordCountry"_s);
    m_country->setAccessibleName(tr("Country"));
    setMinimumWidth(300);
    m_rule->setObjectName(u"keywordRule"_s);
    m_rule->setAccessibleName(tr("Confirmation"));
    for (const Rule rule : {Rule::Required, Rule::Optional, Rule::Prohibited})
        m_rule->addItem(ruleName(int(rule)), int(rule));
    auto *set = new QPushButton(tr("Set"));
    set->setObjectName(u"keywordSetRule"_s);
    m_error->setObjectName(u"keywordRuleError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    auto *help = new QLabel(tr("Whether SMS Desk texts a confirmation after an opt-out, by the "
                               "customer's country. Unsubscribe processes need a reply where "
                               "it is required."));
    help->setWordWrap(true);

    // The country gets a line of its own: "United States Virgin Islands (VI)" is long.
    auto *row = new QHBoxLayout;
    row->addWidget(m_rule, 1);
    row->addWidget(set);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_table);
    layout->addWidget(m_country);
    layout->addLayout(row);
    layout->addWidget(m_error);
    connect(set, &QPushButton::clicked, this, &ConfirmationRulesBox::apply);
    if (writer) {
        connect(writer->changes(), &ChangeFeed::changed, this, [this](const ChangeSet &changes) {
            if (changes.touches(ChangeSet::Table::ConfirmationRules))
                reload();
        });
    }
    reload();
}

void ConfirmationRulesBox::reload()
{
    auto rows = m_reader.make<ConfirmationRuleRows>();
    const auto rules = rows.load(m_accountId);
    if (!rules) {
        m_error->setText(rows.errorString());
        return;
    }
    QHash<QString, bool> accountSet;
    for (auto it = rules->overrides().cbegin(); it != rules->overrides().cend(); ++it)
        accountSet.insert(it.key(), true);
    for (auto it = ConfirmationRule::defaultTable().cbegin();
         it != ConfirmationRule::defaultTable().cend(); ++it)
        accountSet.insert(it.key(), accountSet.value(it.key()));
    QStringList countries = accountSet.keys();
    std::sort(countries.begin(), countries.end());
    m_table->setRowCount(int(countries.size()));
    for (int r = 0; r < countries.size(); ++r) {
        const QString &country = countries.at(r);
        auto *name = new QTableWidgetItem(CountryPicker::displayName(country));
        name->setData(Qt::UserRole, country);
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, new QTableWidgetItem(ruleName(int(rules->ruleFor(country)))));
        m_table->setItem(
            r, 2,
            new QTableWidgetItem(accountSet.value(country) ? tr("This account") : tr("Default")));
    }
    m_table->resizeColumnsToContents();
}

void ConfirmationRulesBox::apply()
{
    const auto country = m_country->isoCode();
    if (!country) {
        // Never cut what was typed down to a code: "Germany" is not "GE" (Georgia).
        m_error->setText(
            m_country->currentText().trimmed().isEmpty()
                ? tr("Choose a country from the list first.")
                : tr("“%1” is not a country SMS Desk knows. Choose one from the list, or type "
                     "its name or two-letter code.")
                      .arg(m_country->currentText().trimmed()));
        return;
    }
    const Rule rule = Rule(m_rule->currentData().toInt());
    // The table follows the change feed; the answer only says whether it was refused.
    m_commands->setConfirmationRule(*country, rule, [this](const CommandResult &result) {
        m_error->setText(result.error);
        Q_EMIT changed();
    });
}
