#include "addprobedialog.h"

#include "ui/common/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops {

AddProbeDialog::AddProbeDialog(QWidget *parent)
    : QDialog(parent)
    , m_endpoint(new QLineEdit(this))
    , m_service(new QLineEdit(this))
    , m_tls(new QComboBox(this))
    , m_caFile(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_serverName(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addProbeDialog"));
    setWindowTitle(tr("Add health probe"));

    m_endpoint->setObjectName(QStringLiteral("probeEndpoint"));
    m_endpoint->setPlaceholderText(tr("host:port, e.g. api.example.com:443"));
    m_service->setObjectName(QStringLiteral("probeService"));
    m_service->setPlaceholderText(tr("empty: the server as a whole"));
    m_tls->setObjectName(QStringLiteral("probeTls"));
    for (auto tls :
         {ProbeTarget::Tls::Plaintext, ProbeTarget::Tls::SystemRoots, ProbeTarget::Tls::CaFile})
        m_tls->addItem(probeTlsText(tls), int(tls));
    m_caFile->setObjectName(QStringLiteral("probeCaFile"));
    m_caFile->setPlaceholderText(tr("PEM file with the CA certificate"));
    m_browse->setObjectName(QStringLiteral("probeCaBrowse"));
    m_serverName->setObjectName(QStringLiteral("probeServerName"));
    m_serverName->setPlaceholderText(tr("empty: the endpoint's host"));
    m_error->setObjectName(QStringLiteral("probeError"));
    m_error->setWordWrap(true);

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(tr("&Service:"), m_service);
    form->addRow(tr("&Transport:"), m_tls);
    form->addRow(tr("&CA file:"), caRow);
    form->addRow(tr("Server &name:"), m_serverName);

    auto *hint = new QLabel(
        tr("The console follows the endpoint with the standard gRPC health protocol "
           "(grpc.health.v1: Watch, or Check polling when the server has no Watch). Probes are "
           "anonymous: no token is sent."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &AddProbeDialog::browseCaFile);
    for (QLineEdit *edit : {m_endpoint, m_service, m_caFile, m_serverName})
        connect(edit, &QLineEdit::textChanged, this, &AddProbeDialog::validate);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &AddProbeDialog::validate);
    setMinimumWidth(480);
    validate();
}

QPushButton *AddProbeDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

ProbeTarget AddProbeDialog::target() const
{
    ProbeTarget t;
    t.endpoint = m_endpoint->text().trimmed();
    t.service = m_service->text().trimmed();
    t.tls = ProbeTarget::Tls(m_tls->currentData().toInt());
    if (t.tls == ProbeTarget::Tls::CaFile)
        t.caFile = m_caFile->text().trimmed();
    if (t.tls != ProbeTarget::Tls::Plaintext)
        t.serverName = m_serverName->text().trimmed();
    return t;
}

void AddProbeDialog::setTarget(const ProbeTarget &target)
{
    m_endpoint->setText(target.endpoint);
    m_service->setText(target.service);
    m_tls->setCurrentIndex(m_tls->findData(int(target.tls)));
    m_caFile->setText(target.caFile);
    m_serverName->setText(target.serverName);
    validate();
}

QString AddProbeDialog::errorText() const
{
    return m_error->text();
}

void AddProbeDialog::validate()
{
    const auto tls = ProbeTarget::Tls(m_tls->currentData().toInt());
    m_caFile->setEnabled(tls == ProbeTarget::Tls::CaFile);
    m_browse->setEnabled(tls == ProbeTarget::Tls::CaFile);
    m_serverName->setEnabled(tls != ProbeTarget::Tls::Plaintext);

    const ProbeTarget t = target();
    QString error = t.validationError();
    if (error.isEmpty() && tls == ProbeTarget::Tls::CaFile && !QFileInfo(t.caFile).isReadable())
        error = tr("The CA file \"%1\" cannot be read.").arg(t.caFile);
    // Nothing typed yet is not an error worth shouting about.
    const bool pristine = m_endpoint->text().isEmpty();
    m_error->setText(pristine ? QString() : error);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, theme::warningColor(palette()));
    m_error->setPalette(pal);
    okButton()->setEnabled(error.isEmpty());
}

void AddProbeDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("CA certificate"), QFileInfo(m_caFile->text()).absolutePath(),
        tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

} // namespace ops
