#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtGlobal>

#ifndef SMSDESK_VERSION
#error "SMSDESK_VERSION must be defined by the build (ui/CMakeLists.txt)"
#endif

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About SMS Desk"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/smsdesk.svg"_s).pixmap(QSize(72, 72)));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("SMS Desk"), this);
    title->setObjectName(u"aboutTitle"_s);
    title->setAlignment(Qt::AlignCenter);

    auto *versionLabel = new QLabel(tr("Version %1").arg(version()), this);
    versionLabel->setObjectName(u"aboutVersion"_s);
    versionLabel->setAlignment(Qt::AlignCenter);
    versionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QString runtimeQt = QString::fromLatin1(qVersion());
    const QString compiledQt = QStringLiteral(QT_VERSION_STR);
    const QString qtLine =
        runtimeQt == compiledQt
            ? tr("Built with Qt %1.").arg(compiledQt)
            : tr("Built with Qt %1, running on Qt %2.").arg(compiledQt, runtimeQt);
    auto *details =
        new QLabel(tr("A shared inbox for business SMS.") + u"\n\n"_s + qtLine + u"\n"_s +
                       tr("Phone numbers are parsed and formatted with Google's libphonenumber "
                          "(Apache License 2.0).") +
                       u"\n\n"_s + tr("Released under the MIT License."),
                   this);
    details->setObjectName(u"aboutDetails"_s);
    details->setTextFormat(Qt::PlainText);
    details->setAlignment(Qt::AlignCenter);
    details->setWordWrap(true);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(title);
    layout->addWidget(versionLabel);
    layout->addSpacing(12);
    layout->addWidget(details);
    layout->addSpacing(12);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QString AboutDialog::version()
{
    return QStringLiteral(SMSDESK_VERSION);
}
