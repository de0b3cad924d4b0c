#pragma once

#include "models/probe.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ops {

// "Add endpoint…": endpoint, service name, TLS mode, CA file and server name, validated as typed;
// OK stays disabled (and a line says why) until the target can be probed.
class AddProbeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddProbeDialog(QWidget *parent = nullptr);

    ProbeTarget target() const;
    void setTarget(const ProbeTarget &target);
    QString errorText() const; // empty when valid

    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *serviceEdit() const { return m_service; }
    QComboBox *tlsCombo() const { return m_tls; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *serverNameEdit() const { return m_serverName; }
    QPushButton *okButton() const;

private:
    void validate();
    void browseCaFile();

    QLineEdit *m_endpoint;
    QLineEdit *m_service;
    QComboBox *m_tls;
    QLineEdit *m_caFile;
    QPushButton *m_browse;
    QLineEdit *m_serverName;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace ops
