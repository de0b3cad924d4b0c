#pragma once

// The HTTP pieces the module uses (platformd/incidents/http/, library platformd_incidents_http):
// the webhook body parser, the webhook server and the Alertmanager API client.
#if __has_include("incidents/http/webhookpayload.h")
#include "incidents/http/alertmanagerclient.h"
#include "incidents/http/webhookpayload.h"
#include "incidents/http/webhookserver.h"
#else
#include "incidents/alertmanagerclient.h"
#include "incidents/webhookpayload.h"
#include "incidents/webhookserver.h"
#endif
