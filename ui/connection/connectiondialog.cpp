#include "connectiondialog.h"

#include "profilestore.h"
#include "ui/common/theme.h"

#include <algorithm>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace {
// Row 0 of the list is the embedded platform; saved profile i is row i + 1.
constexpr int kEmbeddedRow = 0;
} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent, QSettings *settings)
    : QDialog(parent)
    , m_settings(settings)
    , m_list(new QListWidget(this))
    , m_form(new QWidget(this))
    , m_embeddedInfo(new QLabel(this))
    , m_name(new QLineEdit(m_form))
    , m_endpoint(new QLineEdit(m_form))
    , m_tls(new QCheckBox(tr("Use TLS"), m_form))
    , m_caFile(new QLineEdit(m_form))
    , m_certFile(new QLineEdit(m_form))
    , m_keyFile(new QLineEdit(m_form))
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
    m_caFile->setPlaceholderText(tr("System certificates"));
    m_tls->setToolTip(tr("Encrypt the connection and verify the server certificate."));
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(QString(), m_tls);
    form->addRow(tr("&CA certificate:"),
                 createFileField(m_caFile, tr("CA certificate"), tr("PEM files (*.pem *.crt)")));
    form->addRow(tr("Client c&ertificate:"),
                 createFileField(m_certFile, tr("Client certificate"),
                                 tr("PEM files (*.pem *.crt)")));
    form->addRow(tr("Client &key:"),
                 createFileField(m_keyFile, tr("Client key"), tr("PEM files (*.pem *.key)")));
    auto *note = new QLabel(tr("Only file paths are saved; keys and tokens are never stored."),
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
    for (QLineEdit *edit : {m_name, m_endpoint, m_caFile, m_certFile, m_keyFile})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateValidation);
    connect(m_tls, &QCheckBox::toggled, this, [this](bool on) {
        for (QLineEdit *edit : {m_caFile, m_certFile, m_keyFile})
            edit->parentWidget()->setEnabled(on);
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
    resize(640, 380);
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
    } while (std::any_of(m_profiles.cbegin(), m_profiles.cend(),
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
    m_formRow = -1;  // the form's profile is going away: nothing to store
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
    m_tls->setChecked(profile.useTls);
    m_caFile->setText(profile.caFile);
    m_certFile->setText(profile.clientCertFile);
    m_keyFile->setText(profile.clientKeyFile);
    for (QLineEdit *edit : {m_caFile, m_certFile, m_keyFile})
        edit->parentWidget()->setEnabled(profile.useTls);
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
    profile.useTls = m_tls->isChecked();
    profile.caFile = m_caFile->text().trimmed();
    profile.clientCertFile = m_certFile->text().trimmed();
    profile.clientKeyFile = m_keyFile->text().trimmed();
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
    if (m_tls->isChecked() && m_certFile->text().trimmed().isEmpty()
        != m_keyFile->text().trimmed().isEmpty()) {
        *why = tr("A client certificate needs its key, and a key its certificate.");
        return false;
    }
    return true;
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
    store.save(m_profiles);
    store.setLastProfileName(isEmbeddedSelected() ? QString() : selectedProfile().name);
    QDialog::accept();
}

} // namespace ops
