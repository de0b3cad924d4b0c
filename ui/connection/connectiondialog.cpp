#include "connectiondialog.h"

#include "profilestore.h"
#include "ui/common/theme.h"

#include <algorithm>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace {
// Row 0 of the list is the embedded platform; saved profile i is row i + 1.
constexpr int kEmbeddedRow = 0;

// Every address of the endpoint (one, or several replicas) on this machine.
bool isLoopback(const QString &endpoint)
{
    const QStringList addresses = endpointAddresses(endpoint);
    return !addresses.isEmpty() &&
           std::all_of(addresses.begin(), addresses.end(), [](const QString &address) {
               const QString host = address.section(QLatin1Char(':'), 0, -2);
               return host == QLatin1String("localhost") ||
                      host.startsWith(QLatin1String("127.")) || host == QLatin1String("[::1]");
           });
}
} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent, QSettings *settings)
    : QDialog(parent)
    , m_settings(settings)
    , m_list(new QListWidget(this))
    , m_form(new QWidget(this))
    , m_embeddedInfo(new QLabel(this))
    , m_name(new QLineEdit(m_form))
    , m_endpoint(new QLineEdit(m_form))
    , m_token(new QLineEdit(m_form))
    , m_showToken(new QToolButton(m_form))
    , m_tls(new QCheckBox(tr("Use TLS"), m_form))
    , m_caFile(new QLineEdit(m_form))
    , m_certFile(new QLineEdit(m_form))
    , m_keyFile(new QLineEdit(m_form))
    , m_serverName(new QLineEdit(m_form))
    , m_validation(new QLabel(this))
    , m_deleteButton(new QPushButton(tr("&Delete"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect to platformd"));

    const ProfileStore store(m_settings);
    m_profiles = store.load();

    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setMinimumWidth(220);
    m_list->addItem(tr("Embedded demo platform"));
    for (const ConnectionProfile &profile : std::as_const(m_profiles))
        m_list->addItem(profile.name);

    auto *newButton = new QPushButton(tr("&New profile"), this);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_deleteButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_embeddedInfo->setWordWrap(true);
    m_embeddedInfo->setText(
        tr("Starts a local platformd with simulated demo data and connects to it. Nothing leaves "
           "this computer."));

    m_name->setPlaceholderText(tr("e.g. Production EU"));
    m_endpoint->setPlaceholderText(tr("host:port"));
    m_endpoint->setToolTip(tr("host:port, or several replicas as IP:port separated by commas "
                              "(the console balances its calls over them, round robin)."));
    m_caFile->setPlaceholderText(tr("System certificates"));
    m_serverName->setObjectName(QStringLiteral("tlsServerNameEdit"));
    m_serverName->setPlaceholderText(
        tr("Optional: the endpoint's host (with replicas: the first)"));
    m_serverName->setToolTip(
        tr("The name (DNS name or IP address) the server certificate carries, when it is not "
           "the endpoint's host. With several replicas the certificate is checked against this "
           "name, or else against the first replica's address."));
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("opt_…  (from “platformd token create”)"));
    m_showToken->setObjectName(QStringLiteral("showTokenButton"));
    m_showToken->setText(tr("Show"));
    m_showToken->setCheckable(true);
    m_showToken->setToolTip(tr("Show or hide the token"));
    auto *tokenField = new QWidget(m_form);
    auto *tokenLayout = new QHBoxLayout(tokenField);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    m_token->setParent(tokenField);
    tokenLayout->addWidget(m_token, 1);
    tokenLayout->addWidget(m_showToken);
    connect(m_showToken, &QToolButton::toggled, this, [this](bool show) {
        m_token->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setText(show ? tr("Hide") : tr("Show"));
    });
    m_tls->setToolTip(tr("Encrypt the connection and verify the server certificate."));
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(tr("&Token:"), tokenField);
    form->addRow(QString(), m_tls);
    form->addRow(tr("&CA certificate:"),
                 createFileField(m_caFile, tr("CA certificate"), tr("PEM files (*.pem *.crt)")));
    form->addRow(tr("Client c&ertificate:"), createFileField(m_certFile, tr("Client certificate"),
                                                             tr("PEM files (*.pem *.crt)")));
    form->addRow(tr("Client &key:"),
                 createFileField(m_keyFile, tr("Client key"), tr("PEM files (*.pem *.key)")));
    form->addRow(tr("TLS &server name:"), m_serverName);
    auto *note = new QLabel(tr("The token is kept in a file only you can read, never in the "
                               "settings. Keys stay where they are: only their paths are saved."),
                            m_form);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), note);

    m_validation->setObjectName(QStringLiteral("validationMessage"));
    m_validation->setWordWrap(true);
    QPalette pal = m_validation->palette();
    pal.setColor(QPalette::WindowText, theme::statusColor(HealthStatus::Down, pal));
    m_validation->setPalette(pal);

    auto *right = new QVBoxLayout;
    right->addWidget(m_embeddedInfo);
    right->addWidget(m_form);
    right->addStretch(1);
    right->addWidget(m_validation);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);

    QPushButton *connectButton = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    connectButton->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(newButton, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm(m_formRow);
        loadForm(row);
    });
    for (QLineEdit *edit :
         {m_name, m_endpoint, m_token, m_caFile, m_certFile, m_keyFile, m_serverName})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateValidation);
    connect(m_tls, &QCheckBox::toggled, this, [this](bool on) {
        for (QLineEdit *edit : {m_caFile, m_certFile, m_keyFile})
            edit->parentWidget()->setEnabled(on);
        m_serverName->setEnabled(on);
        updateValidation();
    });

    // Start on the profile used last.
    int start = kEmbeddedRow;
    const QString last = store.lastProfileName();
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == last)
            start = i + 1;
    }
    m_list->setCurrentRow(start);
    loadForm(start);
    resize(860, 460); // room for a list of replicas in the endpoint
}

ConnectionDialog::~ConnectionDialog() = default;

QWidget *ConnectionDialog::createFileField(QLineEdit *edit, const QString &caption,
                                           const QString &filter)
{
    auto *field = new QWidget(m_form);
    edit->setParent(field);
    auto *browse = new QToolButton(field);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a file"));
    auto *layout = new QHBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, caption, filter] {
        const QString file = QFileDialog::getOpenFileName(this, caption, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    return field;
}

bool ConnectionDialog::isEmbeddedSelected() const
{
    return m_list->currentRow() <= kEmbeddedRow;
}

ConnectionProfile ConnectionDialog::selectedProfile() const
{
    const int index = m_list->currentRow() - 1;
    if (index < 0 || index >= m_profiles.size())
        return {};
    return m_profiles.at(index);
}

QString ConnectionDialog::validationMessage() const
{
    return m_validation->text();
}

void ConnectionDialog::addProfile()
{
    storeForm(m_formRow);
    ConnectionProfile profile;
    int n = int(m_profiles.size()) + 1;
    do {
        profile.name = tr("Profile %1").arg(n++);
    } while (
        std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                    [&profile](const ConnectionProfile &p) { return p.name == profile.name; }));
    profile.endpoint = QStringLiteral("127.0.0.1:7443");
    m_profiles.append(profile);
    m_list->addItem(profile.name);
    m_list->setCurrentRow(m_list->count() - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionDialog::deleteProfile()
{
    const int row = m_list->currentRow();
    if (row <= kEmbeddedRow)
        return;
    m_formRow = -1; // the form's profile is going away: nothing to store
    m_profiles.removeAt(row - 1);
    delete m_list->takeItem(row);
    if (m_list->currentRow() == row - 1 || m_list->currentRow() < 0) {
        m_list->setCurrentRow(qMax(kEmbeddedRow, row - 1));
        loadForm(m_list->currentRow());
    }
}

void ConnectionDialog::loadForm(int row)
{
    m_formRow = row;
    const bool embedded = row <= kEmbeddedRow;
    m_embeddedInfo->setVisible(embedded);
    m_form->setVisible(!embedded);
    m_deleteButton->setEnabled(!embedded);
    m_loading = true;
    const ConnectionProfile profile = embedded ? ConnectionProfile{} : m_profiles.value(row - 1);
    m_name->setText(profile.name);
    m_endpoint->setText(profile.endpoint);
    m_token->setText(profile.token);
    m_showToken->setChecked(false);
    m_tls->setChecked(profile.useTls);
    m_caFile->setText(profile.caFile);
    m_certFile->setText(profile.clientCertFile);
    m_keyFile->setText(profile.clientKeyFile);
    m_serverName->setText(profile.tlsServerName);
    for (QLineEdit *edit : {m_caFile, m_certFile, m_keyFile})
        edit->parentWidget()->setEnabled(profile.useTls);
    m_serverName->setEnabled(profile.useTls);
    m_loading = false;
    updateValidation();
}

void ConnectionDialog::storeForm(int row)
{
    if (row <= kEmbeddedRow || row - 1 >= m_profiles.size())
        return;
    ConnectionProfile &profile = m_profiles[row - 1];
    profile.name = m_name->text().trimmed();
    profile.endpoint = m_endpoint->text().trimmed();
    profile.token = m_token->text().trimmed();
    profile.useTls = m_tls->isChecked();
    profile.caFile = m_caFile->text().trimmed();
    profile.clientCertFile = m_certFile->text().trimmed();
    profile.clientKeyFile = m_keyFile->text().trimmed();
    profile.tlsServerName = m_serverName->text().trimmed();
    if (QListWidgetItem *item = m_list->item(row))
        item->setText(profile.name.isEmpty() ? tr("(unnamed)") : profile.name);
}

bool ConnectionDialog::validate(QString *why) const
{
    if (m_formRow <= kEmbeddedRow)
        return true;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        *why = tr("Give the profile a name.");
        return false;
    }
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (i != m_formRow - 1 && m_profiles.at(i).name == name) {
            *why = tr("Another profile is already called “%1”.").arg(name);
            return false;
        }
    }
    if (!ProfileStore::isValidEndpoint(m_endpoint->text().trimmed(), why))
        return false;
    const QString token = m_token->text().trimmed();
    if (!token.isEmpty() && !isValidToken(token, why))
        return false;
    if (m_tls->isChecked()) {
        if (m_certFile->text().trimmed().isEmpty() != m_keyFile->text().trimmed().isEmpty()) {
            *why = tr("A client certificate needs its key, and a key its certificate.");
            return false;
        }
        const QString serverName = m_serverName->text().trimmed();
        if (std::any_of(serverName.cbegin(), serverName.cend(),
                        [](QChar ch) { return ch.isSpace() || ch == QLatin1Char(','); })) {
            *why = tr("The TLS server name “%1” must be one name (a DNS name or IP address), "
                      "without spaces or commas.")
                       .arg(serverName);
            return false;
        }
        const std::pair<QLineEdit *, QString> files[] = {
            {m_caFile, tr("The CA certificate")},
            {m_certFile, tr("The client certificate")},
            {m_keyFile, tr("The client key")},
        };
        for (const auto &[edit, what] : files) {
            const QString path = edit->text().trimmed();
            if (path.isEmpty())
                continue;
            const QFileInfo info(path);
            if (!info.exists() || !info.isFile()) {
                *why = tr("%1 “%2” does not exist.").arg(what, path);
                return false;
            }
            if (!info.isReadable()) {
                *why = tr("%1 “%2” cannot be read.").arg(what, path);
                return false;
            }
        }
    } else if (!token.isEmpty() && !isLoopback(m_endpoint->text().trimmed())) {
        *why = tr("Without TLS the token would cross the network in clear: turn on TLS for "
                  "endpoints other than this computer.");
        return false;
    }
    return true;
}

bool ConnectionDialog::isValidToken(const QString &token, QString *why)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^opt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$)"));
    if (pattern.match(token).hasMatch())
        return true;
    if (why) {
        *why = token.startsWith(QLatin1String("opt_"))
                   ? tr("The token is incomplete or damaged: check that it was copied whole.")
                   : tr("A token looks like opt_<id>_<secret>, as printed by “platformd token "
                        "create”.");
    }
    return false;
}

void ConnectionDialog::updateValidation()
{
    if (m_loading)
        return;
    QString why;
    const bool ok = validate(&why);
    m_validation->setText(ok ? QString() : why);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(ok);
    }
}

void ConnectionDialog::accept()
{
    storeForm(m_formRow);
    QString why;
    if (!validate(&why)) {
        m_validation->setText(why);
        return;
    }
    ProfileStore store(m_settings);
    QString error;
    if (!store.save(m_profiles, &error)) {
        m_validation->setText(error);
        return;
    }
    store.setLastProfileName(isEmbeddedSelected() ? QString() : selectedProfile().name);
    QDialog::accept();
}

} // namespace ops
