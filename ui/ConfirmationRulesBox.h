// The account's per-country opt-out confirmation rules (required / optional / prohibited),
// shown with the documented defaults and editable, for the Keywords screen.
#pragma once

#include <QGroupBox>
#include <QSqlDatabase>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class StoreWriter;

class ConfirmationRulesBox : public QGroupBox
{
    Q_OBJECT

public:
    ConfirmationRulesBox(QSqlDatabase reader, StoreWriter *writer, qint64 accountId,
                         const QString &actor, QWidget *parent = nullptr);

    void reload();
    static QString ruleName(int rule); // ConfirmationRule::Rule

Q_SIGNALS:
    void changed();

private:
    void apply();

    QSqlDatabase m_reader;
    StoreWriter *m_writer;
    qint64 m_accountId;
    QString m_actor;
    QTableWidget *m_table;
    QLineEdit *m_country;
    QComboBox *m_rule;
    QLabel *m_error;
};
