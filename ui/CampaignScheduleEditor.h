// The form that sets up a campaign: name, variants and split, hold-out, sender pool, schedule,
// quiet hours and recipients, with a live preview of the plan's expected finish.
#pragma once

#include "CampaignDraft.h"
#include "CampaignOptions.h"

#include <QWidget>

class QButtonGroup;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

class CampaignScheduleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignScheduleEditor(QWidget *parent = nullptr);

    void setOptions(const QList<CampaignOptions::Choice> &senders,
                    const QList<CampaignOptions::Choice> &versions);
    void setAccountZone(const QString &ianaId) { m_accountZone = ianaId; }
    // The audience screen (or a paste) fills the numbers.
    void setRecipients(const QStringList &numbers);
    void clear();

    // The draft as the form says; '' error when complete, else what to fix.
    CampaignDraft draft(QString *error) const;
    QStringList recipients() const;
    QString previewText() const;
    // Planning refused the campaign: say why where the preview is.
    void showError(const QString &message);

Q_SIGNALS:
    void scheduleRequested(const CampaignDraft &draft, const QStringList &numbers);

private:
    void addVariant(const QString &label, int percent);
    void updatePreview();
    void requestSchedule();

    QLineEdit *m_name;
    QButtonGroup *m_scheduleKind;
    QDateTimeEdit *m_when;
    QTimeEdit *m_quietStart;
    QTimeEdit *m_quietEnd;
    QListWidget *m_senders;
    QTableWidget *m_variants;
    QSpinBox *m_holdOut;
    QPlainTextEdit *m_numbers;
    QLabel *m_preview;
    QList<CampaignOptions::Choice> m_senderChoices;
    QList<CampaignOptions::Choice> m_versionChoices;
    QString m_accountZone = QStringLiteral("UTC");
};
