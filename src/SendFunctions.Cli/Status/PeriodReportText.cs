using System.Globalization;
using SendFunctions.Core.Display;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Reports;

namespace SendFunctions.Cli.Status;

/// <summary><c>sendfx status</c> as text: times in the programme's time zone, one line per fact.</summary>
internal static class PeriodReportText
{
    public static async Task WriteAsync(TextWriter output, PeriodReport report, TimeZoneInfo zone)
    {
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await output.WriteLineAsync($"{report.Period.ToLongName()} ({report.Period}), as at {Local(report.At)} {zone.Id}");
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync($"  configuration: {problem}");
        }

        await output.WriteLineAsync("\nReturns");
        foreach (var r in report.Returns)
        {
            var uploads = r.Uploads.Count == 0 ? "no upload" : string.Join(", ", r.Uploads.Select(u => $"{Local(u.UploadedAt)} {u.Fate.ToString().ToLowerInvariant()}"));
            var due = r.Due is { } d ? $"due {d:yyyy-MM-dd}" : "no due day";
            await output.WriteLineAsync($"  {r.Dataset.ToSlug(),-10} {r.State,-9} {due}; owner {r.OwnerRole ?? "(no role in reporting.json)"}; uploads: {uploads}");
        }

        await output.WriteLineAsync("\nPapers");
        foreach (var paper in report.Papers)
        {
            if (paper.Versions.Count == 0)
            {
                await output.WriteLineAsync($"  {paper.Kind.ToSlug(),-18} none");
                continue;
            }

            foreach (var v in paper.Versions)
            {
                var made = v.GeneratedAt is { } at ? $" made {Local(at)}" : string.Empty;
                var findings = v.Findings.Count > 0 ? $"; {v.Findings.Count} finding(s): {string.Join("; ", v.Findings.Take(3))}" : string.Empty;
                var signed = v.SignedOff is { } s ? $" by {Printable.Of(s.By)} {Local(s.At)} ({(s.How == Core.Calendar.SignOffMethod.Link ? "approve link" : "sendfx approve")})" : string.Empty;
                var revised = v.Replaces is { } replaced ? $" revised (replaces v{replaced})" : string.Empty;
                var withheld = v.SignedOff is { Then: Core.Calendar.AfterSignOff.NotReissued } ? "; not sent to the list (an earlier version went; reissueOnCorrection is false)" : string.Empty;
                await output.WriteLineAsync($"  {paper.Kind.ToSlug(),-18} v{v.Version} {v.Stage}{revised}{signed}{made}{findings}{withheld}");
                await WriteDeliveriesAsync(output, v.Deliveries, Local, "      ");
            }
        }

        if (report.OwnerEmails.Count > 0)
        {
            await output.WriteLineAsync("\nOwner emails (receipts, rejections, reminders)");
            await WriteDeliveriesAsync(output, report.OwnerEmails, Local, "  ");
        }

        await output.WriteLineAsync("\nNext");
        foreach (var step in report.Next)
        {
            var when = step.On is { } on ? on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : step.At is { } at ? Local(at) : "ops";
            await output.WriteLineAsync($"  {when,-16} {step.What}");
        }

        if (report.FailedRuns.Count > 0)
        {
            await output.WriteLineAsync("\nFailed runs");
            foreach (var run in report.FailedRuns)
            {
                await output.WriteLineAsync($"  {Local(run.StartedAt)} {run.Function} {run.Outcome} {run.Subject}: {run.Detail}");
            }
        }
    }

    private static async Task WriteDeliveriesAsync(TextWriter output, IReadOnlyList<DeliveryReport> deliveries, Func<DateTimeOffset, string> local, string indent)
    {
        foreach (var d in deliveries)
        {
            var when = d.At is { } at ? local(at) : "-";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{indent}email {d.Delivery} {d.Status} {when} attempts={d.Attempts}{(d.LastError is { } e ? $" last error: {e}" : string.Empty)}"));
            foreach (var r in d.Recipients)
            {
                await output.WriteLineAsync($"{indent}  {r.Recipient,-32} {r.State,-10} {local(r.At)}{(r.LastError is { } reason ? $" {reason}" : string.Empty)}");
            }
        }
    }
}
