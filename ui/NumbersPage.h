// The admin's Numbers screen: the account's sender numbers (kind, provider keyword, label,
// throughput, daily cap, capabilities), an edit panel (details, send-only notifications,
// sharing a send-only number with another account) and the unrouted replies list.
#pragma once

#include <QWidget>

class ChangeSet;
class NumberCommands;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class StoreReader;
class StoreWriter;

class NumbersPage : public QWidget
{
    Q_OBJECT

public:
    // `reader` is a read connection of the profile (reads run on this thread); changes go
    // through NumberCommands on `writer` (not owned, must outlive the page), whose change feed
    // keeps the page current. `actor` names the admin in the audit log.
    NumbersPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                const QString &actor, QWidget *parent = nullptr);

    // Re-reads numbers and unrouted replies (after a sync, say).
    void reload();
    qint64 selectedNumberId() const;

    // "Long code", "Toll-free", "Short code", "Shared short code".
    static QString kindName(const QString &kind);
    static QString sendOnlyExplanation();
    // `keyword` fills the example ("BLOOM STOP"); empty: a placeholder.
    static QString sharedShortCodeExplanation(const QString &keyword = {});

Q_SIGNALS:
    // After a change was saved (or refused: see the error label).
    void changed();

private:
    void showSelected();
    void save();
    void share();
    void showError(const QString &message);
    void validateProviderKeyword();
    void reloadUnrouted();
    void follow(const ChangeSet &changes);

    const StoreReader &m_reader;
    NumberCommands *m_commands;
    qint64 m_accountId;

    QTableWidget *m_table;
    QGroupBox *m_editor;
    QLineEdit *m_label;
    QDoubleSpinBox *m_throughput;
    QSpinBox *m_dailyCap;
    QCheckBox *m_sharedCode;
    QLineEdit *m_providerKeyword;
    QLabel *m_sharedCodeHelp;
    QFormLayout *m_form;
    QCheckBox *m_sendOnly;
    QLabel *m_sendOnlyHelp;
    QComboBox *m_shareWith;
    QPushButton *m_share;
    QPushButton *m_save;
    QLabel *m_error;
    QTableWidget *m_unrouted;
};
