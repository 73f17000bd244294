// "Add account" / "Account credentials": name, Account SID, the Auth Token or a person's API
// key (SK… and its secret, which an admin creates on the Team page and can revoke), and
// (advanced) the provider's base URL, with Test connection. Save tests the credentials again
// and refuses, with the provider's answer, what the provider refused. Saving puts the token in the
// OS keychain; when there is none, the admin explicitly chooses a session-only token or nothing is
// kept.
#pragma once

#include "AccountConfig.h"
#include "ApiKeyCredentials.h"

#include <QDialog>

class AccountSetup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

class AccountSetupDialog : public QDialog
{
    Q_OBJECT

public:
    // `setup` is not owned. `existing` (id > 0) edits that account: its fields are filled in
    // and only the token has to be typed again.
    explicit AccountSetupDialog(AccountSetup *setup, const AccountRows::Row &existing = {},
                                QWidget *parent = nullptr);

    AccountConfig config() const;
    QString authToken() const;
    // Signing in with an API key instead of the Auth Token (then tokenEdit() holds its secret).
    bool usesApiKey() const;
    ApiKeyCredentials apiKey() const;
    // After accept(): the saved account and whether its token is kept for this session only.
    qint64 savedAccountId() const { return m_savedId; }
    bool sessionOnly() const { return m_sessionOnly; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *sidEdit() const { return m_sid; }
    QLineEdit *tokenEdit() const { return m_token; }
    QComboBox *methodBox() const { return m_method; }
    QLineEdit *keySidEdit() const { return m_keySid; }
    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    // The keychain is missing: the answer decides whether the token is kept for this session.
    // Tests answer it; in the app it is a question box.
    void sessionOnlyConsentNeeded(const QString &reason);

public Q_SLOTS:
    void answerSessionOnly(bool allowed);

private:
    void showStatus(const QString &text, bool ok);
    void testConnection();
    void save();
    // Stores what was typed; only after the provider accepted exactly these credentials.
    void store();
    void onTested(bool ok, const QString &message);
    void onSaveFailed(const QString &message, bool noKeychain);
    void showMethod();
    QStringList problems() const;

    AccountSetup *m_setup;
    qint64 m_existingId = 0;
    qint64 m_savedId = 0;
    bool m_sessionOnly = false;
    bool m_asked = false;
    // Save runs Test connection first and stores only when it passes.
    bool m_saveAfterTest = false;
    QLineEdit *m_name;
    QLineEdit *m_sid;
    QComboBox *m_method;
    QLineEdit *m_keySid;
    QLabel *m_keySidLabel;
    QLabel *m_tokenLabel;
    QLineEdit *m_token;
    QLineEdit *m_baseUrl;
    QLabel *m_status;
    QPushButton *m_test;
    QPushButton *m_save;
};
