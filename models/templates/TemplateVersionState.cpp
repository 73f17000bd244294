#include "TemplateVersionState.h"

using namespace Qt::StringLiterals;

namespace {

TemplateVersionState::Transition refuse(const QString &why)
{
    return {std::nullopt, why};
}

} // namespace

QString TemplateVersionState::toString(Stage stage)
{
    switch (stage) {
    case Stage::Draft:
        return u"draft"_s;
    case Stage::Approved:
        return u"approved"_s;
    case Stage::Retired:
        return u"retired"_s;
    }
    return {};
}

std::optional<TemplateVersionState::Stage>
TemplateVersionState::stageFromString(const QString &name)
{
    for (const Stage stage : {Stage::Draft, Stage::Approved, Stage::Retired}) {
        if (toString(stage) == name)
            return stage;
    }
    return std::nullopt;
}

TemplateVersionState::Transition TemplateVersionState::approve(const QString &approver,
                                                               const QDateTime &at) const
{
    if (m_stage == Stage::Approved)
        return refuse(u"this version is already approved by %1"_s.arg(m_approver));
    if (m_stage == Stage::Retired)
        return refuse(u"a retired version cannot be approved; edit it to make a new draft"_s);
    if (approver.trimmed().isEmpty())
        return refuse(u"approving needs the approver's name"_s);
    if (!at.isValid())
        return refuse(u"approving needs the time of approval"_s);
    TemplateVersionState next;
    next.m_stage = Stage::Approved;
    next.m_approver = approver.trimmed();
    next.m_approvedAt = at;
    return {next, {}};
}

TemplateVersionState::Transition TemplateVersionState::retire() const
{
    if (m_stage == Stage::Draft)
        return refuse(u"a draft cannot be retired; only an approved version can"_s);
    if (m_stage == Stage::Retired)
        return refuse(u"this version is already retired"_s);
    TemplateVersionState next = *this;
    next.m_stage = Stage::Retired;
    return {next, {}};
}

TemplateVersionState::EditOutcome TemplateVersionState::edit() const
{
    return m_stage == Stage::Draft ? EditOutcome::EditInPlace : EditOutcome::NewDraftVersion;
}

TemplateVersionState::Transition TemplateVersionState::fromStored(const QString &state,
                                                                  const QString &approver,
                                                                  const QDateTime &approvedAt)
{
    const auto stage = stageFromString(state);
    if (!stage)
        return refuse(u"unknown template version state \"%1\""_s.arg(state));
    if (*stage == Stage::Draft)
        return {TemplateVersionState(), {}};
    Transition approved = TemplateVersionState().approve(approver, approvedAt);
    if (!approved.ok())
        return refuse(u"a %1 version must record its approval: %2"_s.arg(state, approved.error));
    return *stage == Stage::Retired ? approved.state->retire() : approved;
}
