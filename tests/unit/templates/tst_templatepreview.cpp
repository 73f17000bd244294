#include "SegmentCounter.h"
#include "TemplatePreview.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TstTemplatePreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longestAcrossRecipients();
    void emptyAudienceUsesFallbacks();
    void ucs2ValueMakesItLongest();
    void missingCounted();
};

namespace {
QHash<QString, QString> person(const QString &first)
{
    return first.isNull() ? QHash<QString, QString>{}
                          : QHash<QString, QString>{{u"first_name"_s, first}};
}
} // namespace

void TstTemplatePreview::longestAcrossRecipients()
{
    const QString tail = QString(150, u'x');
    const TemplateText text(u"Hi {{first_name|there}} "_s + tail);
    const QList<QHash<QString, QString>> people{person(u"Al"_s), person(u"Bartholomew"_s),
                                                person(u"Al"_s), person(QString())};
    const auto r = TemplatePreview::evaluate(text, people);
    QCOMPARE(r.longestText, u"Hi Bartholomew "_s + tail);
    QCOMPARE(r.longestIndex, 1);
    QCOMPARE(r.longest.segments, SegmentCounter::count(r.longestText).segments);
    QCOMPARE(r.longest.units, SegmentCounter::count(r.longestText).units);
    QCOMPARE(r.recipients, 4);
    qint64 total = 0;
    for (const QString &name : {u"Al"_s, u"Bartholomew"_s, u"Al"_s, u"there"_s})
        total += SegmentCounter::count(u"Hi "_s + name + u' ' + tail).segments;
    QCOMPARE(r.totalSegments, total);
    QCOMPARE(TemplatePreview::cost(r.totalSegments, 0.01), double(total) * 0.01);
}

void TstTemplatePreview::emptyAudienceUsesFallbacks()
{
    const auto r = TemplatePreview::evaluate(TemplateText(u"Hi {{first_name|there}}"_s), {});
    QCOMPARE(r.longestText, u"Hi there"_s);
    QCOMPARE(r.longestIndex, -1);
    QCOMPARE(r.totalSegments, 0);
}

void TstTemplatePreview::ucs2ValueMakesItLongest()
{
    const TemplateText text(u"Hello {{first_name}}, see you soon"_s);
    const auto r =
        TemplatePreview::evaluate(text, {person(u"Christopher"_s), person(u"Zoë Łukasz"_s)});
    // One segment each; the UCS-2 rendering has less room left in its segment.
    QCOMPARE(r.longestIndex, 1);
    QCOMPARE(r.longest.encoding, SegmentCount::Encoding::Ucs2);
}

void TstTemplatePreview::missingCounted()
{
    const TemplateText text(u"Hi {{first_name}}"_s);
    const auto r =
        TemplatePreview::evaluate(text, {person(u"A"_s), person(QString()), person(QString())});
    QCOMPARE(r.missing.value(u"first_name"_s), 2);
}

QTEST_GUILESS_MAIN(TstTemplatePreview)
#include "tst_templatepreview.moc"
