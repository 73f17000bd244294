// What a marketer or admin does to message templates: create one, save a draft of it (a new
// version when the latest is approved), approve or retire a version. Called by the template
// editor; every answer comes asynchronously. In a team each change is also queued for the team
// log in the same transaction (template.put, template.version; a version over Sync's 16 KiB
// per item is refused).
#pragma once

#include "AdminCommandBase.h"
#include "TemplateType.h"

class TemplateCommands : public AdminCommandBase
{
    Q_OBJECT

public:
    TemplateCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                     QObject *parent = nullptr);

    // templateId 0: a new template (version 1, a draft); else its draft is saved. The answer
    // carries the template's id. Refused for an empty name or body, or a body that cannot be
    // sent (unknown fields, a promotional text without opt-out language...).
    void save(qint64 templateId, const QString &name, TemplateType type, const QString &body,
              Done done);
    // The answer carries the version's id. In a team the version's author is refused: a
    // second person approves (TemplateApprovalRule).
    void approve(qint64 versionId, Done done);
    void retire(qint64 versionId, Done done);

private:
    void changeState(qint64 versionId, bool approve, Done done);
};
