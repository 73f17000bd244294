// The keyword_processes table: an admin's processes per inbound number (or shared short code
// + provider keyword), validated with KeywordValidator (one Unsubscribe and one Help per
// number, letters-only keywords...) and moved through KeywordProcessLifecycle, each change
// written with its audit_log entry in one transaction.
#pragma once

#include "KeywordProcess.h"
#include "KeywordProcessLifecycle.h"
#include "KeywordValidator.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class KeywordProcessRows
{
public:
    struct Row
    {
        // process.inboundNumber / providerKeyword come from the sender number row.
        // process.replyTemplateId is the template the reply was taken from, if any.
        KeywordProcess process;
        qint64 senderNumberId = 0;
        QString reply; // the text sent; '' for none
        // The process's id on every desktop of the team (local ids differ); a new UUID when
        // created with none.
        QString teamId;
    };

    // A reply a process can take: the latest approved version of one of the account's
    // templates.
    struct ReplyTemplate
    {
        qint64 id = 0; // templates.id
        QString name;
        QString body;
    };

    explicit KeywordProcessRows(QSqlDatabase db);

    std::optional<QList<ReplyTemplate>> replyTemplates(qint64 accountId);

    // The account's processes, by number then type; nullopt on a read error.
    std::optional<QList<Row>> list(qint64 accountId);
    std::optional<QList<Row>> listFor(qint64 accountId, qint64 senderNumberId);
    std::optional<Row> find(qint64 accountId, qint64 processId);

    // Stores a new process (status New unless `row.process.status` says otherwise and the
    // lifecycle allows it) on the account's number; its id, or 0 when refused: problems()
    // lists every validation problem, errorString() joins them.
    qint64 create(qint64 accountId, const Row &row, const QString &actor);
    // Saves an edit of the stored process `row.process.id`; live at once when started.
    bool update(qint64 accountId, const Row &row, const QString &actor);
    // Start, Pause or Delete (Edit goes through update()).
    bool apply(qint64 accountId, qint64 processId, KeywordProcessLifecycle::Action action,
               const QString &actor);

    const QList<KeywordValidator::Problem> &problems() const { return m_problems; }
    QString errorString() const { return m_error; }

    // The process as the validator sees it: a reply typed as text counts as a reply.
    static KeywordProcess forValidation(const Row &row);

private:
    struct Number
    {
        QString number;
        QString providerKeyword;
    };
    std::optional<Number> numberOf(qint64 accountId, qint64 senderNumberId);
    std::optional<QList<Row>> select(qint64 accountId, const QString &where, const QVariantList &);
    bool validate(qint64 accountId, const Row &row, const Number &number);
    bool save(qint64 accountId, const Row &row, const QString &actor, qint64 *id);
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
    QList<KeywordValidator::Problem> m_problems;
};
