// A page slot whose content is built the first time it is shown: opening an account must not
// wait for screens the user may never visit (the Contacts page reads the whole audience).
#pragma once

#include <QWidget>

#include <functional>

class DeferredPage : public QWidget
{
    Q_OBJECT

public:
    using Factory = std::function<QWidget *()>;

    explicit DeferredPage(Factory factory, QWidget *parent = nullptr);

    // The built page, or null while it has not been shown.
    QWidget *content() const { return m_content; }
    // Builds the page now if it has not been built (tests, and pages opened by code).
    QWidget *build();

protected:
    void showEvent(QShowEvent *event) override;

private:
    Factory m_factory;
    QWidget *m_content = nullptr;
};
