// The form that sets up a campaign: name, variants and split, hold-out, sender pool, schedule,
// quiet hours and recipients (an audience segment, or pasted numbers), with a live preview of
// the plan's expected finish.
#pragma once

#include "AudienceQuery.h"
#include "CampaignDraft.h"
#include "CampaignOptions.h"
#include "CampaignPlanner.h"

#include <QWidget>

#include <functional>

class AudienceSegmentForm;
class QButtonGroup;
class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTimeEdit;
class QTimer;

class CampaignScheduleEditor : public QWidget
{
    Q_OBJECT

public:
    enum class RecipientSource
    {
        Audience, // the included contacts of a segment (setAudience)
        Numbers   // numbers typed or pasted, one per line
    };
    // Plans the draft for the numbers as the runner would (zones, quiet hours, throughput),
    // without writing anything: CampaignPlanInput::preview over a reader.
    using PlanPreview = std::function<CampaignPlanner::Result(const CampaignDraft &draft,
                                                              const QStringList &numbers)>;

    explicit CampaignScheduleEditor(QWidget *parent = nullptr);

    void setOptions(const QList<CampaignOptions::Choice> &senders,
                    const QList<CampaignOptions::Choice> &versions);
    // The zone "At a time" is read in, shown beside the time.
    void setAccountZone(const QString &ianaId);
    // Which of `numbers` have no recorded opt-in; with "Only numbers with a recorded
    // opt-in" ticked (the default) pasted numbers without one are left out of the campaign.
    using ConsentCheck = std::function<QStringList(const QStringList &numbers)>;
    void setConsentCheck(ConsentCheck check);
    void setPlanPreview(PlanPreview preview);
    // Tags and attribute keys the account's contacts use, for the segment controls.
    void setAudienceChoices(const QStringList &tags, const QStringList &attributeKeys);
    // The segment's evaluation (answer to audienceChanged): its included contacts become the
    // recipients and the exclusions are shown per reason.
    void setAudience(const AudienceQuery::Evaluation &evaluation);
    void showAudienceError(const QString &message);
    AudienceQuery::Segment segment() const;
    // Pasted numbers: switches the recipients to Numbers.
    void setRecipients(const QStringList &numbers);
    void setRecipientSource(RecipientSource source);
    RecipientSource recipientSource() const;
    void clear();

    // The draft as the form says; '' error when complete, else what to fix.
    CampaignDraft draft(QString *error) const;
    QStringList recipients() const;
    QString previewText() const;
    // The previewed plan's finish (UTC ms), 0 when there is no plan to show.
    qint64 previewFinishMSecs() const { return m_previewFinish; }
    // Plans the preview now rather than once the form settles.
    void updatePreview();
    // Planning refused the campaign: say why where the preview is.
    void showError(const QString &message);

Q_SIGNALS:
    void scheduleRequested(const CampaignDraft &draft, const QStringList &numbers);
    // The segment changed: evaluate it and answer with setAudience().
    void audienceChanged(const AudienceQuery::Segment &segment);

private:
    void addVariant(const QString &label, int percent);
    // Shares 100 % less the hold-out evenly among the variants (the first get the remainder).
    void splitEvenly();
    // Every recipient, before the opt-in rule.
    QStringList candidates() const;
    // The form holds nothing the user entered yet.
    bool untouched() const;
    void requestSchedule();
    QWidget *buildRecipients();

    QLineEdit *m_name;
    QButtonGroup *m_scheduleKind;
    QDateTimeEdit *m_when;
    QTimeEdit *m_quietStart;
    QTimeEdit *m_quietEnd;
    QListWidget *m_senders;
    QTableWidget *m_variants;
    QSpinBox *m_holdOut;
    QPlainTextEdit *m_numbers;
    QButtonGroup *m_recipientSource;
    QStackedWidget *m_recipientStack;
    AudienceSegmentForm *m_segment;
    QLabel *m_audienceSummary;
    QStringList m_audienceNumbers;
    QLabel *m_preview;
    QLabel *m_zone;
    QCheckBox *m_requireOptIn;
    ConsentCheck m_consentCheck;
    QTimer *m_previewTimer;
    PlanPreview m_planPreview;
    qint64 m_previewFinish = 0;
    QList<CampaignOptions::Choice> m_senderChoices;
    QList<CampaignOptions::Choice> m_versionChoices;
    QString m_accountZone = QStringLiteral("UTC");
};
