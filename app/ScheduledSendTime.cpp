#include "ScheduledSendTime.h"

#include "LocalTimeResolver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScheduledSendTime", text);
}

} // namespace

ScheduledSendTime::ScheduledSendTime(const QString &ianaZone, QuietHours quiet)
    : m_zone(ianaZone.toUtf8())
    , m_quiet(quiet)
{
    m_zoneKnown = m_zone.isValid();
    if (!m_zoneKnown)
        m_zone = QTimeZone(QByteArrayLiteral("UTC"));
}

qint64 ScheduledSendTime::nextAllowed(qint64 utcMs) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, m_zone);
    if (m_quiet.isEmpty() || !m_quiet.isQuiet(local.time()))
        return utcMs;
    // Quiet hours end at m_quiet.end() local time: today's if it is still ahead, else the
    // next day's.
    QDate day = local.date();
    if (m_quiet.crossesMidnight() && local.time() >= m_quiet.start())
        day = day.addDays(1);
    return LocalTimeResolver::toUtcMSecs(m_zone, day, m_quiet.end());
}

ScheduledSendTime::Check ScheduledSendTime::check(QDate localDate, QTime localTime,
                                                  qint64 nowMs) const
{
    Check result;
    if (!localDate.isValid() || !localTime.isValid()) {
        result.refusal = tr("Pick a date and a time.");
        return result;
    }
    result.utcMs = LocalTimeResolver::toUtcMSecs(m_zone, localDate, localTime);
    const QLocale locale;
    if (result.utcMs <= nowMs + 60 * 1000) {
        result.refusal =
            tr("That time has passed (or is less than a minute away); pick a later one.");
        result.suggestionMs = nextAllowed(nowMs + 5 * 60 * 1000);
        return result;
    }
    if (result.utcMs - nowMs > kMaxLeadMs) {
        result.refusal = tr("Messages can be scheduled up to a year ahead.");
        return result;
    }
    if (!m_quiet.isEmpty() && m_quiet.isQuiet(localTime)) {
        result.suggestionMs = nextAllowed(result.utcMs);
        result.refusal =
            tr("%1 is inside the customer's quiet hours (%2–%3 their time). The earliest "
               "allowed time is %4.")
                .arg(locale.toString(localTime, u"HH:mm"_s),
                     locale.toString(m_quiet.start(), u"HH:mm"_s),
                     locale.toString(m_quiet.end(), u"HH:mm"_s),
                     bubbleLabel(result.suggestionMs, QString::fromUtf8(m_zone.id())));
    }
    return result;
}

QString ScheduledSendTime::zoneLabel(qint64 atMs) const
{
    const int offset = m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC));
    const QString sign = offset < 0 ? u"\u2212"_s : u"+"_s;
    const int minutes = qAbs(offset) / 60;
    const QString utc = u"UTC%1%2:%3"_s.arg(sign)
                            .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    if (!m_zoneKnown)
        return tr("%1 (the customer's zone is not known)").arg(utc);
    return u"%1 (%2)"_s.arg(QString::fromUtf8(m_zone.id()), utc);
}

QString ScheduledSendTime::bubbleLabel(qint64 utcMs, const QString &ianaZone)
{
    QTimeZone zone(ianaZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(QByteArrayLiteral("UTC"));
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, zone);
    const QLocale locale;
    const QString day = locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    const QString time = locale.toString(local.time(), u"HH:mm"_s);
    // Within the coming week the day name says which day; further ahead it needs the date.
    if (utcMs - QDateTime::currentMSecsSinceEpoch() < 6LL * 24 * 3600 * 1000)
        return tr("%1 %2 (customer's time)").arg(day, time);
    return tr("%1 %2, %3 (customer's time)")
        .arg(day, locale.toString(local.date(), u"MMM d"_s), time);
}
