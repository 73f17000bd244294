#include "KeywordStopWarning.h"

using namespace Qt::StringLiterals;

KeywordStopWarning::KeywordStopWarning(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(u"keywordStopWarning"_s);
    setWordWrap(true);
    setStyleSheet(u"background: #fff4e5; color: #663c00; padding: 6px; border-radius: 4px;"_s);
    hide();
}

QString KeywordStopWarning::text(const SenderNumberRows::Row &number,
                                 const QList<KeywordProcessRows::Row> &processes)
{
    if (number.providerAnswersKeywords || number.sendOnly)
        return {};
    for (const auto &row : processes) {
        if (row.process.type == KeywordProcess::Type::Unsubscribe &&
            row.process.status == KeywordProcess::Status::Started)
            return {};
    }
    const bool shortCode = number.kind == u"short_code"_s || number.kind == u"shared_short_code"_s;
    const QString what = shortCode ? tr("The provider does not answer STOP on this short code")
                                   : tr("The provider does not answer STOP on this number");
    return tr("%1, and it has no started Unsubscribe process: customers who text STOP are not "
              "unsubscribed and keep receiving texts. Add an Unsubscribe process and start it.")
        .arg(what);
}

void KeywordStopWarning::showFor(const SenderNumberRows::Row &number,
                                 const QList<KeywordProcessRows::Row> &processes)
{
    const QString warning = text(number, processes);
    setText(warning);
    setVisible(!warning.isEmpty());
}
