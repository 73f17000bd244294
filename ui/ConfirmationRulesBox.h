// The account's per-country opt-out confirmation rules (required / optional / prohibited),
// shown with the documented defaults and editable, for the Keywords screen.
#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;
class CountryPicker;
class KeywordCommands;
class QTableWidget;
class StoreReader;
class StoreWriter;

class ConfirmationRulesBox : public QGroupBox
{
    Q_OBJECT

public:
    // Reads on `reader`; changes go through KeywordCommands on `writer` (not owned), whose
    // change feed keeps the table current.
    ConfirmationRulesBox(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                         const QString &actor, QWidget *parent = nullptr);

    void reload();
    static QString ruleName(int rule); // ConfirmationRule::Rule

Q_SIGNALS:
    void changed();

private:
    void apply();

    const StoreReader &m_reader;
    KeywordCommands *m_commands;
    qint64 m_accountId;
    QTableWidget *m_table;
    CountryPicker *m_country;
    QComboBox *m_rule;
    QLabel *m_error;
};
