#include "LineTypeText.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace LineTypeText {

QString display(const QString &lineType)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("LineTypeText", text);
    };
    const QString type = lineType.trimmed().toLower();
    if (type == u"mobile")
        return tr("Mobile");
    if (type == u"landline" || type == u"fixed")
        return tr("Landline");
    if (type == u"voip" || type == u"nonfixedvoip")
        return tr("VoIP");
    if (type == u"fixedvoip")
        return tr("Fixed VoIP");
    if (type == u"tollfree")
        return tr("Toll-free");
    if (type == u"pager")
        return tr("Pager");
    if (type.isEmpty())
        return {};
    // Anything else Lookup adds later: its word, capitalised like the rest.
    return type.at(0).toUpper() + type.mid(1);
}

} // namespace LineTypeText
