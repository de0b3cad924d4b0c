#pragma once

#include "services/connection.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;
class QSettings;
class QWidget;

namespace ops {

// Picks where to connect: the embedded demo platform (always first) or a saved profile, which can
// be added, edited and deleted here. Profiles are saved when the dialog is accepted: the token to a
// 0600 file (TokenStore), everything else to QSettings.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    // settings nullptr: the application's default QSettings.
    explicit ConnectionDialog(QWidget *parent = nullptr, QSettings *settings = nullptr);
    ~ConnectionDialog() override;

    bool isEmbeddedSelected() const;
    ConnectionProfile selectedProfile() const; // empty for the embedded platform
    QList<ConnectionProfile> profiles() const { return m_profiles; }

    // Test hooks.
    QListWidget *profileList() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *tokenEdit() const { return m_token; }
    QToolButton *showTokenButton() const { return m_showToken; }
    QCheckBox *tlsCheckBox() const { return m_tls; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *clientCertEdit() const { return m_certFile; }
    QLineEdit *clientKeyEdit() const { return m_keyFile; }
    QLineEdit *tlsServerNameEdit() const { return m_serverName; }

    // "opt_<12 hex>_<43 base64url>" (docs/SECURITY.md); on failure `why` says what is wrong.
    static bool isValidToken(const QString &token, QString *why = nullptr);
    QString validationMessage() const;

public slots:
    void accept() override;

private:
    void addProfile();
    void deleteProfile();
    void loadForm(int row);
    void storeForm(int row);
    void updateValidation();
    bool validate(QString *why) const;
    QWidget *createFileField(QLineEdit *edit, const QString &caption, const QString &filter);

    QSettings *m_settings;
    QList<ConnectionProfile> m_profiles;
    int m_formRow = -1;
    bool m_loading = false;
    QListWidget *m_list;
    QWidget *m_form;
    QLabel *m_embeddedInfo;
    QLineEdit *m_name;
    QLineEdit *m_endpoint;
    QLineEdit *m_token;
    QToolButton *m_showToken;
    QCheckBox *m_tls;
    QLineEdit *m_caFile;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QLineEdit *m_serverName;
    QLabel *m_validation;
    QPushButton *m_deleteButton;
    QDialogButtonBox *m_buttons;
};

} // namespace ops
