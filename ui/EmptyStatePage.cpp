#include "EmptyStatePage.h"

#include "SvgIcon.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const QColor IconColor(0x9c, 0xa3, 0xaf);
constexpr int IconSize = 56;
constexpr int TextWidth = 380;
} // namespace

EmptyStatePage::EmptyStatePage(const QString &iconResource, const QString &title,
                               const QString &text, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_text(new QLabel(text, this))
{
    setObjectName(u"emptyStatePage"_s);

    auto *icon = new QLabel(this);
    icon->setObjectName(u"emptyStateIcon"_s);
    icon->setPixmap(SvgIcon::pixmap(iconResource, IconColor, IconSize, devicePixelRatioF()));
    icon->setAlignment(Qt::AlignCenter);

    m_title->setObjectName(u"emptyStateTitle"_s);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_text->setObjectName(u"emptyStateText"_s);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // A fixed-width column that the labels fill, so the wrapped text gets the height it needs.
    auto *column = new QWidget(this);
    column->setFixedWidth(TextWidth);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(0);
    columnLayout->addWidget(icon);
    columnLayout->addSpacing(14);
    columnLayout->addWidget(m_title);
    columnLayout->addSpacing(6);
    columnLayout->addWidget(m_text);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(column, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

QString EmptyStatePage::title() const
{
    return m_title->text();
}

QString EmptyStatePage::text() const
{
    return m_text->text();
}
