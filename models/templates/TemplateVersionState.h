// The review state of one template version: draft, approved (by whom, when), retired.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// Allowed transitions:
//   draft    -> approved  (needs an approver name and a time)
//   approved -> retired   (keeps who approved it and when)
// Everything else is refused with a reason: approving twice, approving a retired version,
// retiring a draft (a draft is discarded, not retired; the schema also requires a retired
// version to carry its approval), retiring twice. Text is only edited in a draft: editing an
// approved or retired version creates a new draft version (EditOutcome::NewDraftVersion).
class TemplateVersionState
{
public:
    enum class Stage
    {
        Draft,
        Approved,
        Retired
    };
    enum class EditOutcome
    {
        EditInPlace,
        NewDraftVersion
    };

    struct Transition; // below: it holds a TemplateVersionState

    TemplateVersionState() = default; // a draft

    // Rebuilds a state read from template_versions; refuses inconsistent rows.
    static Transition fromStored(const QString &state, const QString &approver,
                                 const QDateTime &approvedAt);

    Stage stage() const { return m_stage; }
    QString approver() const { return m_approver; }
    QDateTime approvedAt() const { return m_approvedAt; }

    Transition approve(const QString &approver, const QDateTime &at) const;
    Transition retire() const;
    EditOutcome edit() const;

    // Only an approved version may be used by a new campaign.
    bool isUsable() const { return m_stage == Stage::Approved; }

    static QString toString(Stage stage); // draft, approved, retired (the schema's values)
    static std::optional<Stage> stageFromString(const QString &name);

private:
    Stage m_stage = Stage::Draft;
    QString m_approver;
    QDateTime m_approvedAt;
};

struct TemplateVersionState::Transition
{
    std::optional<TemplateVersionState> state; // empty when refused
    QString error;
    bool ok() const { return state.has_value(); }
};
