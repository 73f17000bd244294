// The templates and template_versions tables: create, version, edit, approve and retire
// message templates, refusing bodies TemplateText would not send.
#pragma once

#include "TemplateText.h"
#include "TemplateType.h"
#include "TemplateVersionState.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class TemplateRows
{
public:
    struct Version
    {
        qint64 id = 0;
        qint64 templateId = 0;
        int number = 0; // 1, 2, ... within the template
        QString body;
        TemplateVersionState::Stage stage = TemplateVersionState::Stage::Draft;
        QString author;
        QString approver;     // '' for a draft
        QDateTime approvedAt; // invalid for a draft
    };

    struct Summary
    {
        qint64 id = 0;
        QString name;
        TemplateType type = TemplateType::Transactional;
        Version latest;               // the newest version
        qint64 approvedVersionId = 0; // the newest approved version, 0 when none
        QString teamId;               // the template on every desktop of the team
    };

    explicit TemplateRows(QSqlDatabase db);

    // A new template with version 1 as a draft; its id, or 0 (errorString(), and for a body
    // that cannot be saved also validationErrors()).
    qint64 create(qint64 accountId, const QString &name, TemplateType type, const QString &body,
                  const QString &author);
    // A new draft version of the template; its id or 0.
    qint64 newVersion(qint64 accountId, qint64 templateId, const QString &body,
                      const QString &author);
    // Changes a draft's body; approved and retired versions are refused (make a new version).
    bool editDraft(qint64 accountId, qint64 versionId, const QString &body);
    // What the editor's Save does: renames and retypes the template, then edits the latest
    // version when it is a draft or adds a new draft version otherwise. The draft's id or 0.
    qint64 saveDraft(qint64 accountId, qint64 templateId, const QString &name, TemplateType type,
                     const QString &body, const QString &author);

    // Draft -> approved by `approver` at `at`, with an audit_log row. The body is checked
    // again (attributes may have gone since it was saved).
    bool approve(qint64 accountId, qint64 versionId, const QString &approver, const QDateTime &at);
    // Approved -> retired, with an audit_log row naming `actor`.
    bool retire(qint64 accountId, qint64 versionId, const QString &actor, const QDateTime &at);

    // The account's templates by name, each with its latest version.
    QList<Summary> list(qint64 accountId);
    std::optional<Summary> summary(qint64 accountId, qint64 templateId);
    std::optional<Version> version(qint64 accountId, qint64 versionId);
    // Oldest first.
    QList<Version> versions(qint64 accountId, qint64 templateId);

    // Attribute names used by the account's contacts: the tokens a template may use besides
    // TemplateText::contactFields().
    QStringList attributeNames(qint64 accountId);

    // What one outbound segment costs the account, for cost estimates (accounts.segment_price).
    struct SegmentPrice
    {
        double price = 0;
        QString unit; // "USD"
    };
    std::optional<SegmentPrice> segmentPrice(qint64 accountId);
    bool setSegmentPrice(qint64 accountId, double price);

    QString errorString() const { return m_error; }
    // The body's problems when the last save or approval was refused for them.
    const QList<TemplateText::Error> &validationErrors() const { return m_validation; }

private:
    bool checkBody(qint64 accountId, const QString &body, TemplateType type);
    std::optional<TemplateType> typeOf(qint64 accountId, qint64 templateId);
    qint64 insertVersion(qint64 templateId, const QString &body, const QString &author);
    bool audit(qint64 accountId, const QString &actor, const QString &action, const Version &v,
               const QDateTime &at);
    bool fail(const QString &message);
    qint64 failId(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
    QList<TemplateText::Error> m_validation;
};
