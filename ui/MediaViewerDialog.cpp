#include "MediaViewerDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

MediaViewerDialog::MediaViewerDialog(const QString &path, const QString &contentType,
                                     QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_image(new QLabel(this))
{
    setWindowTitle(tr("Attachment \u2014 %1").arg(contentType));
    setObjectName(QStringLiteral("mediaViewer"));
    m_image->setObjectName(QStringLiteral("mediaViewerImage"));
    m_image->setAlignment(Qt::AlignCenter);
    const QPixmap pixmap(path);
    if (pixmap.isNull())
        m_image->setText(tr("This image cannot be shown."));
    else
        m_image->setPixmap(pixmap);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_image);
    scroll->setWidgetResizable(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("Save as\u2026"), QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, &MediaViewerDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(buttons);
    resize(pixmap.isNull() ? QSize(360, 200)
                           : pixmap.size().boundedTo(QSize(1000, 760)) + QSize(40, 80));
}

QPixmap MediaViewerDialog::pixmap() const
{
    return m_image->pixmap();
}

void MediaViewerDialog::saveAs()
{
    const QString target =
        QFileDialog::getSaveFileName(this, tr("Save attachment"), QFileInfo(m_path).fileName());
    if (target.isEmpty())
        return;
    QFile::remove(target);
    if (!QFile::copy(m_path, target))
        QMessageBox::warning(this, tr("Save attachment"), tr("Could not save to %1.").arg(target));
}
