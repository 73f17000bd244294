// The admin's Keywords screen: per number (or shared short code + provider keyword) its
// keyword processes (type, keywords, reply, status) with New / Save / Start / Pause /
// Delete, live validation of custom keywords, the "provider answers default keywords"
// setting and the per-country confirmation rules.
#pragma once

#include "KeywordProcessLifecycle.h"
#include "KeywordProcessRows.h"

#include <QWidget>

class AuditLogView;
class ChangeSet;
class ConfirmationRulesBox;
class KeywordCommands;
class KeywordStopWarning;
class NumberCommands;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class StoreReader;
class StoreWriter;

class KeywordsPage : public QWidget
{
    Q_OBJECT

public:
    // As NumbersPage: reads on `reader`, changes through the keyword and number commands on
    // `writer` (not owned), whose change feed keeps the page current; `actor` for the audit
    // log.
    KeywordsPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                 const QString &actor, QWidget *parent = nullptr);

    void reload();
    qint64 currentNumberId() const;
    qint64 selectedProcessId() const;
    // The keywords as typed in the editor: split at commas and spaces.
    static QStringList splitKeywords(const QString &text);

Q_SIGNALS:
    void changed();

private:
    void showNumber();
    void showSelected();
    void startNew();
    void save();
    void act(KeywordProcessLifecycle::Action action);
    // Asks before a delete; true when the admin said yes.
    bool confirmDelete();
    void validateKeywords();
    void saveProviderSetting();
    void finishWrite(const QString &error);
    void follow(const ChangeSet &changes);

    const StoreReader &m_reader;
    KeywordCommands *m_commands;
    NumberCommands *m_numberCommands;
    qint64 m_accountId;
    QList<KeywordProcessRows::Row> m_processes;
    qint64 m_editingId = 0; // 0: a new process

    QComboBox *m_number;
    QComboBox *m_providerAnswers;
    QLabel *m_providerNote;
    KeywordStopWarning *m_stopWarning;
    QTableWidget *m_table;
    QComboBox *m_type;
    QLineEdit *m_keywords;
    QComboBox *m_template;
    QPlainTextEdit *m_reply;
    QLabel *m_error;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_delete;
    ConfirmationRulesBox *m_rules;
    AuditLogView *m_audit;
};
