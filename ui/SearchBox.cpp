#include "SearchBox.h"

#include "SearchResultDelegate.h"
#include "SearchResultsModel.h"
#include "StoreReader.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Long enough to skip the intermediate words of a fast typist, short enough to feel live.
constexpr int TypingPauseMs = 120;

} // namespace

SearchBox::SearchBox(const StoreReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit)
    , m_results(new QListView)
    // Owned by this box as its QObject child.
    , m_model(reader.create<SearchResultsModel>(this).release())
    , m_debounce(new QTimer(this))
    , m_empty(new QLabel)
{
    setObjectName(u"searchBox"_s);
    m_edit->setObjectName(u"searchEdit"_s);
    m_edit->setPlaceholderText(tr("Search messages and contacts  ( / )"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Search messages and contacts"));
    m_results->setObjectName(u"searchResults"_s);
    m_results->setAccessibleName(tr("Search results"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setMouseTracking(true);
    m_results->setUniformItemSizes(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setVisible(false);
    m_results->setFrameShape(QFrame::NoFrame);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(TypingPauseMs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_results, 1);
    m_empty->setObjectName(u"searchNoResults"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->hide();
    layout->addWidget(m_empty, 1);

    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            m_debounce->stop();
            clear();
            return;
        }
        m_debounce->start();
    });
    connect(m_debounce, &QTimer::timeout, this, &SearchBox::searchNow);
    // One click opens a hit, the first one too (it is already current, so "activated" alone,
    // a double click on most desktops, left it doing nothing). Enter is handled below.
    connect(m_results, &QAbstractItemView::clicked, this, &SearchBox::choose);
    m_edit->installEventFilter(this);
    m_results->installEventFilter(this);
}

void SearchBox::setAccount(qint64 accountId)
{
    m_accountId = accountId;
    clear();
}

void SearchBox::searchNow()
{
    m_debounce->stop();
    const QString text = m_edit->text();
    m_model->search(m_accountId, text);
    const bool active = !text.trimmed().isEmpty();
    if (active && m_model->rowCount() > 0)
        m_results->setCurrentIndex(m_model->index(0));
    const bool none = active && m_model->rowCount() == 0;
    m_empty->setText(none ? tr("No messages or contacts match \u201c%1\u201d.").arg(text.trimmed())
                          : QString());
    m_empty->setVisible(none);
    if (m_results->isVisible() != (active && !none) || m_active != active) {
        m_results->setVisible(active && !none);
        if (m_active != active) {
            m_active = active;
            Q_EMIT activeChanged(active);
        }
    }
}

void SearchBox::clear()
{
    m_debounce->stop();
    if (!m_edit->text().isEmpty())
        m_edit->clear(); // comes back here through textChanged
    m_model->clear();
    m_empty->hide();
    m_results->setVisible(false);
    if (m_active) {
        m_active = false;
        Q_EMIT activeChanged(false);
    }
}

void SearchBox::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    Q_EMIT messageRequested(index.data(SearchResultsModel::ThreadIdRole).toLongLong(),
                            index.data(SearchResultsModel::MessageIdRole).toLongLong());
}

bool SearchBox::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        clear();
        Q_EMIT dismissed();
        return true;
    }
    if (watched == m_results && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        choose(m_results->currentIndex());
        return true;
    }
    if (watched == m_edit) {
        if (m_debounce->isActive() && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return ||
                                       key->key() == Qt::Key_Enter))
            searchNow();
        if (key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_results->setFocus();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_results->currentIndex().isValid()) {
            choose(m_results->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
