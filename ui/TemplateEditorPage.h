// The Templates screen: the account's templates, an editor with a live segment counter, cost
// estimate and preview against real contacts, and the draft -> approved -> retired actions.
#pragma once

#include "AudienceQuery.h"
#include "SegmentCount.h"
#include "TemplateRows.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class StoreReader;
class StoreWriter;
class TemplateCommands;

class TemplateEditorPage : public QWidget
{
    Q_OBJECT

public:
    // reader: a read connection of this thread; writer: the profile's StoreWriter, which
    // TemplateCommands write through and whose change feed keeps the list current; me: the
    // signed-in user (author and approver).
    TemplateEditorPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId, QString me,
                       QWidget *parent = nullptr);

    // This desktop's person and team role ('' when not in a team): a role that may not change
    // templates sees the editor's actions disabled, naming the role needed; in a team, Approve
    // is disabled on one's own versions (a second person approves).
    void setIdentity(const QString &me, const QString &role);
    // Re-reads templates, contacts and the segment price (after an import, say).
    void reload();
    // "GSM-7 · 2 segments · 180 characters", what the counter shows for the longest rendering.
    static QString counterText(const SegmentCount &count);

Q_SIGNALS:
    // After the writer has stored a save, approval or retirement (or refused it).
    void templateSaved(qint64 templateId);
    void versionApproved(qint64 versionId);
    void versionRetired(qint64 versionId);
    void actionFailed(const QString &message);

private:
    void selectTemplate(qint64 templateId);
    void newTemplate();
    void loadAudience();
    void updateLive();
    void updatePreview();
    void updateState();
    void save();
    void approve();
    void retire();
    void changeState(bool approve);
    void showError(const QString &message);
    TemplateType currentType() const;
    bool isDirty() const;

    const StoreReader &m_reader;
    TemplateCommands *m_commands;
    qint64 m_accountId;
    QString m_me;

    QList<TemplateRows::Summary> m_templates;
    std::optional<TemplateRows::Summary> m_current;
    QStringList m_attributeNames;
    QList<AudienceQuery::Contact> m_audience;
    QList<QHash<QString, QString>> m_audienceValues;
    TemplateRows::SegmentPrice m_price;

    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_type;
    QPlainTextEdit *m_body;
    QPushButton *m_addOptOut;
    QLabel *m_errors;
    QLabel *m_fields; // the tokens a body may use: contact fields and every attribute
    QLabel *m_counter;
    QLabel *m_longest;
    QLabel *m_cost;
    QComboBox *m_audienceCombo;
    QComboBox *m_previewContact;
    QLabel *m_preview;
    QLabel *m_state;
    QPushButton *m_save;
    QPushButton *m_approve;
    QPushButton *m_retire;
    QPushButton *m_new = nullptr;
    QTimer *m_liveTimer;
    QString m_role;
};
