#include "CountryPicker.h"

#include <QCompleter>
#include <QLineEdit>
#include <QLocale>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Every territory QLocale names that has a two-letter code, sorted by name.
const QList<std::pair<QString, QString>> &countries()
{
    static const QList<std::pair<QString, QString>> list = [] {
        QList<std::pair<QString, QString>> out;
        for (int t = QLocale::AnyTerritory + 1; t <= QLocale::LastTerritory; ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            const QString name = QLocale::territoryToString(territory);
            if (code.size() == 2 && code.at(0).isLetter() && !name.isEmpty())
                out.append({name, code});
        }
        std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
            return QString::localeAwareCompare(a.first, b.first) < 0;
        });
        return out;
    }();
    return list;
}

} // namespace

CountryPicker::CountryPicker(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    for (const auto &[name, code] : countries())
        addItem(u"%1 (%2)"_s.arg(name, code), code);
    setCurrentIndex(-1);
    // The names are QLocale's (CLDR) data, not texts of ours: tst_translations skips them.
    setProperty("smsdeskLocaleData", true);
    lineEdit()->setPlaceholderText(tr("Country name or code, e.g. Germany"));
    auto *matcher = new QCompleter(model(), this);
    matcher->setCaseSensitivity(Qt::CaseInsensitive);
    matcher->setFilterMode(Qt::MatchContains);
    matcher->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(matcher);
    setMinimumContentsLength(18);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
}

std::optional<QString> CountryPicker::isoCode() const
{
    return codeFor(currentText());
}

QString CountryPicker::displayName(const QString &isoCode)
{
    for (const auto &[name, code] : countries()) {
        if (code == isoCode)
            return u"%1 (%2)"_s.arg(name, code);
    }
    return isoCode;
}

std::optional<QString> CountryPicker::codeFor(const QString &text)
{
    const QString wanted = text.simplified();
    if (wanted.isEmpty())
        return std::nullopt;
    for (const auto &[name, code] : countries()) {
        if (wanted.compare(code, Qt::CaseInsensitive) == 0 ||
            wanted.compare(name, Qt::CaseInsensitive) == 0 ||
            wanted.compare(u"%1 (%2)"_s.arg(name, code), Qt::CaseInsensitive) == 0)
            return code;
    }
    return std::nullopt;
}
