// Checks one CSV row of a contact import against the mapping and turns it into a contact:
// the number (libphonenumber), the fields' limits and control characters (ContactLimits), time
// zones, consent times, cells beyond the header, and numbers the file holds twice. It keeps
// only what a streaming import must remember across rows: the numbers seen (as integers, so a
// million rows cost tens of MB, not hundreds) and the time zones already looked up.
#pragma once

#include "ContactImport.h"

#include <QHash>
#include <QStringList>

class ContactRowChecker
{
public:
    ContactRowChecker(const QStringList &header, const QList<ContactImport::Column> &mapping,
                      const ContactImport::Options &options);

    // True with *contact filled when the row is good; false with its errors appended.
    bool check(const QStringList &row, int rowNumber, ContactImport::Contact *contact,
               QList<ContactImport::RowError> *errors);

private:
    QString header(int column) const;

    QStringList m_header;
    QList<ContactImport::Column> m_mapping;
    ContactImport::Options m_options;
    QHash<qint64, int> m_firstRowOf; // an E.164 number's digits -> the row it is on
    QHash<QString, bool> m_zoneKnown;
};
