// The Audience screen: a segment of the account's contacts (tags, an attribute, consent) and,
// before anything is sent, how many are included and how many are left out for each reason.
#pragma once

#include "AudienceQuery.h"

#include <QWidget>

class AudienceSegmentForm;
class ChangeSet;
class ContactCommands;
class QCheckBox;
class QLabel;
class QSpinBox;
class QTableWidget;
class StoreReader;
class StoreWriter;

class AudiencePage : public QWidget
{
    Q_OBJECT

public:
    // Reads on `reader`; the audience settings are saved through ContactCommands on `writer`
    // (not owned), whose change feed keeps the counts current.
    AudiencePage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                 QWidget *parent = nullptr);

    // What the controls describe, for the campaign screen.
    AudienceQuery::Segment segment() const;
    AudienceQuery::Options options() const;
    // Re-reads tags, settings and counts (after an import, say).
    void reload();
    // Human names of the suppression reasons, as the table shows them.
    static QString reasonLabel(SuppressionReason reason);

Q_SIGNALS:
    void audienceCounted(int matched, int included);
    void settingsSaved();

private:
    void recount();
    void saveSettings();
    void follow(const ChangeSet &changes);

    const StoreReader &m_reader;
    ContactCommands *m_commands;
    qint64 m_accountId;

    AudienceSegmentForm *m_segment;
    QCheckBox *m_promotional;
    QSpinBox *m_capPerDay;
    QSpinBox *m_capPerWeek;
    QCheckBox *m_suppressOpenThreads;
    QLabel *m_included;
    QLabel *m_matched;
    QTableWidget *m_exclusions;
};
