using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Mailing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SendFunctions.IntegrationTests;

/// <summary>Mail deliveries built as the host builds them, against any stand-in server; and what the alert rules match.</summary>
internal static class Deliveries
{
    public static MailDelivery Create(TableServiceClient tables, string sendGridHost, TimeProvider clock, MailOptions options) => new(
        new SendGridTransport(
            new global::SendGrid.SendGridClient(MailingRegistration.SendGridHttp(options), new global::SendGrid.SendGridClientOptions { ApiKey = "SG.test", Host = sendGridHost }),
            MsOptions.Create(options),
            MsOptions.Create(new SendGridOptions())),
        tables,
        clock,
        MsOptions.Create(options),
        NullLogger<MailDelivery>.Instance);

    /// <summary>The queries of infra/modules/alerts.bicep, on a log record: a failed run (event 4000), a poisoned message (3002), no monthly cycle (4001).</summary>
    public static bool IsAlert(string message) =>
        (message.StartsWith("Run ", StringComparison.Ordinal) && message.Contains(" Failed for ", StringComparison.Ordinal))
        || message.StartsWith("Poisoned message on ", StringComparison.Ordinal)
        || message.StartsWith("No MonthlyReportCycle run in the last", StringComparison.Ordinal);
}
