#include "DeferredPage.h"

#include <QVBoxLayout>

DeferredPage::DeferredPage(Factory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget *DeferredPage::build()
{
    if (!m_content && m_factory) {
        m_content = m_factory();
        m_factory = nullptr; // what it captured is not needed any more
        layout()->addWidget(m_content);
        // Built from showEvent: a child added to a shown parent stays hidden until told.
        m_content->show();
    }
    return m_content;
}

void DeferredPage::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}
