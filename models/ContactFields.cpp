#include "ContactFields.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QHash<QString, QString> ContactFields::values(const QString &name, const QString &number,
                                              const QString &attributesJson)
{
    QHash<QString, QString> values;
    if (!attributesJson.isEmpty()) {
        const QJsonObject attributes = QJsonDocument::fromJson(attributesJson.toUtf8()).object();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            if (it.value().isString())
                values.insert(it.key(), it.value().toString());
        }
    }
    const QString trimmed = name.simplified();
    const qsizetype space = trimmed.indexOf(u' ');
    values.insert(u"name"_s, trimmed);
    values.insert(u"first_name"_s, space < 0 ? trimmed : trimmed.left(space));
    values.insert(u"last_name"_s, space < 0 ? QString() : trimmed.mid(space + 1));
    values.insert(u"phone"_s, number);
    return values;
}
