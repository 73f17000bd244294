// The Numbers screen's "Messaging Services" tab: the account's Messaging Services and the
// numbers of their sender pools (as last read from the provider; "Refresh from provider"
// reads them again), and whether each number's messages go through its service — US A2P
// 10DLC traffic must, and a scheduled message can then be held by the provider (SendAt).
#pragma once

#include "MessagingServiceRows.h"

#include <QWidget>

#include <functional>

class MessagingServiceRefresh;
class ProviderClient;
class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class StoreReader;
class StoreWriter;

class MessagingServicesPage : public QWidget
{
    Q_OBJECT

public:
    // provider: the connected account's client, asked when refreshing (null: not connected).
    MessagingServicesPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                          std::function<ProviderClient *()> provider, QWidget *parent = nullptr);

    void reload();
    void refreshFromProvider();
    QTreeWidget *tree() const { return m_tree; }
    QCheckBox *allThrough() const { return m_all; }

Q_SIGNALS:
    // A refresh or a switch was answered (error empty: done).
    void answered(const QString &error);

private:
    void fill(const QList<MessagingServiceRows::Entry> &entries);
    void answer(const QString &error, const QList<MessagingServiceRows::Entry> &entries);
    MessagingServiceRefresh *refresher();

    const StoreReader &m_reader;
    StoreWriter *m_writer;
    qint64 m_accountId;
    std::function<ProviderClient *()> m_provider;
    MessagingServiceRefresh *m_refresh = nullptr;
    ProviderClient *m_refreshFor = nullptr;
    QTreeWidget *m_tree;
    QCheckBox *m_all;
    QPushButton *m_refreshButton;
    QLabel *m_status;
    bool m_filling = false;
};
