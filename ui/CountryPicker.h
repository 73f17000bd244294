// A country chosen by name or ISO code: "Germany" or "de" both mean DE, shown as
// "Germany (DE)". Typing is matched against every name as the user types; text that names no
// country is refused rather than cut to two letters (which turned "Germany" into Georgia).
#pragma once

#include <QComboBox>

#include <optional>

class CountryPicker : public QComboBox
{
    Q_OBJECT

public:
    explicit CountryPicker(QWidget *parent = nullptr);

    // The ISO 3166 code the current text names, or nothing when it names no country.
    std::optional<QString> isoCode() const;
    // "Germany (DE)"; the code alone for a code QLocale does not know.
    static QString displayName(const QString &isoCode);
    // The code `text` names: an item's text, a country name or a two-letter code, any case.
    static std::optional<QString> codeFor(const QString &text);
};
