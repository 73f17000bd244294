// A page that says what will appear on it, shown while it has nothing to show (or until the
// real screen is built).
#pragma once

#include <QWidget>

class QLabel;

class EmptyStatePage : public QWidget
{
    Q_OBJECT

public:
    // `iconResource` is a monochrome SVG drawing with currentColor (see SvgIcon).
    EmptyStatePage(const QString &iconResource, const QString &title, const QString &text,
                   QWidget *parent = nullptr);

    QString title() const;
    QString text() const;

private:
    QLabel *m_title;
    QLabel *m_text;
};
