#include "SyncStatusWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

using namespace Qt::StringLiterals;

SyncStatusWidget::SyncStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_team(new QLabel(this))
    , m_unshared(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16); // the team line and the sync line read as two
    m_team->setObjectName(u"teamOnline"_s);
    m_team->hide();
    layout->addWidget(m_team);
    m_unshared->setObjectName(u"teamUnshared"_s);
    m_unshared->setToolTip(tr("Changes made on this desktop are applied here at once; teammates "
                              "see them once the team log has them (when it can be reached)."));
    m_unshared->hide();
    layout->addWidget(m_unshared);
    m_notice->setObjectName(u"syncNotice"_s);
    m_notice->setStyleSheet(u"color: #8a4b00; font-weight: 600;"_s);
    m_notice->hide();
    m_notice->setMinimumWidth(1); // may be cut on a narrow window rather than widen it
    layout->addWidget(m_notice);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    m_bar->hide();
}

QString SyncStatusWidget::describe(qint64 messages, const QDateTime &reached, qint64 etaMs)
{
    const QLocale locale;
    QString text = tr("%1 messages").arg(locale.toString(messages));
    if (reached.isValid())
        text += tr(" · back to %1")
                    .arg(locale.toString(reached.toLocalTime().date(), QLocale::ShortFormat));
    if (etaMs > 0) {
        const qint64 minutes = (etaMs + 59'999) / 60'000;
        text +=
            minutes <= 1 ? tr(" · under a minute left") : tr(" · about %1 min left").arg(minutes);
    }
    return text;
}

void SyncStatusWidget::started(bool fullSync)
{
    m_full = fullSync;
    // A history of unknown length: a busy bar, with how far back it got in the text.
    m_bar->setRange(0, 0);
    m_bar->setVisible(fullSync);
    m_label->setText(fullSync ? tr("First sync: reading the history…") : tr("Syncing…"));
}

void SyncStatusWidget::progressed(qint64 messages, const QDateTime &historyReached, qint64 etaMs)
{
    const QString detail = describe(messages, historyReached, etaMs);
    m_label->setText(m_full ? tr("First sync: %1").arg(detail) : tr("Syncing: %1").arg(detail));
}

void SyncStatusWidget::ended(bool ok)
{
    m_bar->hide();
    m_full = false;
    m_label->setText(ok ? tr("Up to date") : tr("Sync stopped; it retries on its own"));
}

void SyncStatusWidget::stopped(const QString &message, bool retries)
{
    m_bar->hide();
    m_full = false;
    if (retries) {
        m_label->setText(tr("Sync stopped; it retries on its own"));
        m_label->setToolTip(message);
        return;
    }
    m_label->setText(tr("Sync stopped: %1 Edit the account's credentials to go on.").arg(message));
    m_label->setToolTip({});
}

void SyncStatusWidget::setNotice(const QString &text)
{
    // Elided to a bounded width: a long line must never widen the window; the whole notice
    // is the tooltip.
    m_notice->setText(m_notice->fontMetrics().elidedText(
        text, Qt::ElideRight, m_notice->fontMetrics().averageCharWidth() * 96));
    m_notice->setToolTip(text);
    m_notice->setVisible(!text.isEmpty());
}

QString SyncStatusWidget::describeTeam(const QStringList &names)
{
    if (names.isEmpty())
        return {};
    return tr("Online: %1").arg(names.join(u", "_s));
}

QString SyncStatusWidget::describeUnshared(qint64 count)
{
    if (count <= 0)
        return {};
    return count == 1 ? tr("1 change not yet shared")
                      : tr("%1 changes not yet shared").arg(QLocale().toString(count));
}

void SyncStatusWidget::setUnshared(qint64 count)
{
    m_unshared->setText(describeUnshared(count));
    m_unshared->setVisible(count > 0);
}

void SyncStatusWidget::setTeamOnline(const QStringList &names)
{
    m_team->setText(describeTeam(names));
    m_team->setToolTip(tr("Teammates whose desktops are open now"));
    m_team->setVisible(!names.isEmpty());
}
