// The status bar's sync line: a progress bar while the first sync pages through the history
// ("12,000 messages · back to 3 Mar 2025"), a quiet line for later runs.
#pragma once

#include <QDateTime>
#include <QStringList>
#include <QWidget>

class QLabel;
class QProgressBar;

class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);

    QProgressBar *progressBar() const { return m_bar; }
    QLabel *label() const { return m_label; }
    QLabel *teamLabel() const { return m_team; }
    QLabel *unsharedLabel() const { return m_unshared; }
    QLabel *noticeLabel() const { return m_notice; }

    // "Online: Lee, Sam" (the teammates' desks seen in the last minute); '' for nobody.
    static QString describeTeam(const QStringList &names);

    // "2 changes not yet shared" (made here, applied, not yet in the team log); '' for none.
    static QString describeUnshared(qint64 count);

    // "12,000 messages · back to 3 Mar 2025 · about 2 min left"
    static QString describe(qint64 messages, const QDateTime &reached, qint64 etaMs);

public Q_SLOTS:
    void started(bool fullSync);
    void progressed(qint64 messages, const QDateTime &historyReached, qint64 etaMs);
    void ended(bool ok);
    // Why it stopped: "it retries on its own" only when it does (not for wrong credentials).
    void stopped(const QString &message, bool retries);
    // A line that stays until the next sync says otherwise ('' hides it).
    void setNotice(const QString &text);
    // Who of the team is online now (this desk excluded); empty hides the team line.
    void setTeamOnline(const QStringList &names);
    // How many changes made here wait for the team log; 0 hides the line.
    void setUnshared(qint64 count);

private:
    QLabel *m_label;
    QLabel *m_team;
    QLabel *m_unshared;
    QLabel *m_notice;
    QProgressBar *m_bar;
    bool m_full = false;
};
