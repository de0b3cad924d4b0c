#include "auditpanel.h"
#include "ui/common/panelspec.h"

#include "services/auditclient.h"
#include "services/connection.h"
#include "services/identityclient.h"

namespace ops {

PanelSpec auditPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("audit");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Audit");
    spec.area = Qt::BottomDockWidgetArea;
    spec.needs = {&AuditClient::staticMetaObject};
    spec.roles = {QStringLiteral("compliance_officer")};
    spec.tabBehind = QStringLiteral("activity");
    spec.heightPercent = 16; // when it is the front of the bottom strip
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        return new AuditPanel(context.client<AuditClient>(), context.client<IdentityClient>(),
                              context.client<Connection>(), host.hostWidget());
    };
    return spec;
}

} // namespace ops
