// A media item of a thread at full size: an image in a scroll area, with Save as… to copy
// the cached file elsewhere.
#pragma once

#include <QDialog>

class QLabel;

class MediaViewerDialog : public QDialog
{
    Q_OBJECT

public:
    MediaViewerDialog(const QString &path, const QString &contentType, QWidget *parent = nullptr);

    // The image shown (null when the file could not be read).
    QPixmap pixmap() const;
    QString path() const { return m_path; }

private:
    void saveAs();

    QString m_path;
    QLabel *m_image;
};
