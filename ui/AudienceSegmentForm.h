// The controls that describe a segment of the account's contacts (tags, an attribute,
// consent), shared by the Audience screen and the campaign editor.
#pragma once

#include "AudienceQuery.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

class AudienceSegmentForm : public QWidget
{
    Q_OBJECT

public:
    explicit AudienceSegmentForm(QWidget *parent = nullptr);

    AudienceQuery::Segment segment() const;
    // What the account's contacts use, offered as hints and attribute keys; keeps the choice.
    void setChoices(const QStringList &tags, const QStringList &attributeKeys);
    void clear();

Q_SIGNALS:
    // The segment changed; emitted once a burst of typing settles.
    void segmentChanged();

private:
    QLineEdit *m_tags;
    QLineEdit *m_excludedTags;
    QComboBox *m_attributeKey;
    QLineEdit *m_attributeValue;
    QComboBox *m_consent;
    QLabel *m_knownTags;
    QTimer *m_settle;
};
