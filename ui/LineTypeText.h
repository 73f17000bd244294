// A number's line type as people read it: Lookup's raw values ("landline", "nonFixedVoip")
// in the same capitalised words everywhere ("Landline", "VoIP"), as the "Mobile" badge reads.
#pragma once

#include <QString>

namespace LineTypeText {

QString display(const QString &lineType);

} // namespace LineTypeText
