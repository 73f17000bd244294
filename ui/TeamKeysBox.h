// The account's Twilio API keys on the Team page (admins): one key per person, so access can
// be cut per person at the provider. Creating one shows its secret this once (the provider
// never shows it again) to hand to that person; revoking deletes it at the provider, after
// which requests with it are refused (20003). Talks to the provider directly: keys live there,
// not in the profile.
#pragma once

#include <QGroupBox>

#include <functional>

class ProviderClient;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

class TeamKeysBox : public QGroupBox
{
    Q_OBJECT

public:
    using ProviderSource = std::function<ProviderClient *()>;
    explicit TeamKeysBox(ProviderSource provider, QWidget *parent = nullptr);

    QTableWidget *keys() const { return m_keys; }
    // The secret of the key just created (shown once), '' when none.
    QString shownSecret() const;

public Q_SLOTS:
    // Re-reads the keys from the provider.
    void reload();
    // A key named for `person` ("SMS Desk · Ana Lee"); its secret is shown once.
    void createFor(const QString &person);
    // Deletes the selected key at the provider.
    void revokeSelected();

Q_SIGNALS:
    // A list, create or revoke finished (ok or not): tests wait on it.
    void finished(bool ok);

private:
    void showStatus(const QString &text, bool error);

    ProviderSource m_provider;
    QTableWidget *m_keys;
    QPushButton *m_revoke;
    QPlainTextEdit *m_secret;
    QLabel *m_status;
};
