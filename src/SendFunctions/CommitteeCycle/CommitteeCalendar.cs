using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Mailing;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.CommitteeCycle;

/// <summary>
/// Hourly (<c>%CommitteeCalendarSchedule%</c>, one instance at a time, and once on start to catch up what was missed while
/// the host was down): for every paper of the committee calendar, reads what the ledger knows (its draft version, its
/// sign-off) and takes the steps <see cref="CycleSteps"/> says are due: asks for the draft, emails it to the signer with the
/// approve link, reminds the signer, escalates to the lead, and asks for a new version when an upload accepted since the
/// latest one changed its data (after a sign-off, a revision that needs sign-off again). Every step is keyed (calendar
/// table, delivery ledger), so a repeat run changes nothing. Distribution follows the sign-off itself (<see cref="SignOffStore"/>).
/// </summary>
public sealed class CommitteeCalendar(
    BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, MailDelivery delivery, ProgrammeClock clock, IOptions<SignOffOptions> options, ILogger<CommitteeCalendar> log, Recovery.InFlightWork work)
{
    [FunctionName(nameof(CommitteeCalendar))]
    [Singleton]
    public async Task Run([TimerTrigger("%CommitteeCalendarSchedule%", RunOnStartup = true)] TimerInfo timer, CancellationToken ct)
    {
        _ = timer;
        if ((await ProgrammeConfigStore.LoadAsync(blobs, log, ct)).Config is not { } config)
        {
            return;
        }

        var days = new WorkingDays(config.Programme.ExtraBankHolidays);
        var localNow = TimeZoneInfo.ConvertTime(clock.UtcNow, clock.Zone).DateTime;
        var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
        foreach (var paper in PaperSchedule.For(config, days))
        {
            if (!CycleSteps.IsActive(paper, DateOnly.FromDateTime(localNow)))
            {
                continue;
            }

            var (draft, state) = await StateAsync(reports, paper, ct);
            foreach (var step in CycleSteps.For(paper, localNow, state, days))
            {
                await TakeAsync(step, paper, draft, state, config, ct);
            }
        }
    }

    /// <summary>The paper's latest version, whether it is signed off, and whether the accepted data has changed under it.</summary>
    private async Task<(ReportManifest? Draft, PaperState State)> StateAsync(BlobContainerClient reports, ScheduledPaper paper, CancellationToken ct)
    {
        var cover = new PaperCover(paper.Periods, paper.Meeting);
        var latest = (await ReportStore.LatestAsync(reports, paper.Period, paper.Report, ct)).Latest;
        if (latest is null || latest.Findings is { Count: > 0 } || !latest.IsOf(cover))
        {
            return (null, new PaperState(null, false));
        }

        var now = await PaperRevisions.InputsNowAsync(blobs, paper.Period, cover, ct);
        var changed = InputChange.Between(latest.Inputs, now).Count > 0 ? InputChange.KeyOf(now) : null;
        return (latest, new PaperState(latest.Version, await SignOffStore.ReadAsync(reports, latest.Paper, ct) is not null, changed));
    }

    private async Task TakeAsync(CycleStep step, ScheduledPaper paper, ReportManifest? draft, PaperState state, ReportingConfig config, CancellationToken ct)
    {
        var key = CycleSteps.KeyFor(step, paper, draft?.Version, clock.Today, state.ChangedInputs);
        var settings = config.ReportFor(paper.Report.ToSlug())!;
        var signer = ReportCalendar.Resolve(config).Calendars.First(c => c.Kind == paper.Report).Signer;
        switch (step)
        {
            case CycleStep.RequestDraft or CycleStep.RequestRevision:
                await RequestDraftAsync(step, paper, key, ct);
                break;
            case CycleStep.SendDraft:
                var document = (await blobs.GetBlobContainerClient(StorageLayout.Reports).GetBlobClient(draft!.DocumentBlob).DownloadContentAsync(ct)).Value.Content.ToArray();
                var attachment = new MailAttachment(ReportEmail.AttachmentName(EmailRequest.For(draft), settings), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", document);
                await SendAsync(paper, key, SignOffEmail.Draft(paper, settings, signer, draft.Version, ApproveUrl(draft.Paper), attachment, draft.Revision), ct);
                break;
            case CycleStep.RemindSigner:
                await SendAsync(paper, key, SignOffEmail.Reminder(paper, settings, signer, draft!.Version, ApproveUrl(draft.Paper)), ct);
                break;
            case CycleStep.Escalate:
                await SendAsync(paper, key, SignOffEmail.Escalation(paper, settings, signer, config.Programme.Lead, draft!.Version), ct);
                break;
        }
    }

    /// <summary>
    /// Once per ledger key: a draft once a day until it exists, a new version once per changed set of inputs. GenerateReports
    /// reuses the version made from the same inputs and cover.
    /// </summary>
    private async Task RequestDraftAsync(CycleStep step, ScheduledPaper paper, string key, CancellationToken ct)
    {
        var ledger = await CreatedOnFirstUse.TableAsync(tables, StorageLayout.CalendarTable, ct);
        if ((await ledger.GetEntityIfExistsAsync<TableEntity>(paper.Period.ToString(), key, cancellationToken: ct)).HasValue)
        {
            return;
        }

        var queue = await CreatedOnFirstUse.QueueAsync(queues, ReportRequest.QueueName, ct);
        await work.QueueAsync(queue, paper.Period.ToString(), nameof(Reporting.GenerateReports), new ReportRequest(paper.Period, [paper.Report], new PaperCover(paper.Periods, paper.Meeting)).ToJson(), ct);
        try
        {
            await ledger.AddEntityAsync(new TableEntity(paper.Period.ToString(), key) { ["At"] = clock.UtcNow }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another run asked too: the second request reuses the first's version.
        }

        Log.CalendarStep(log, step == CycleStep.RequestRevision ? nameof(CycleStep.RequestRevision) : nameof(CycleStep.RequestDraft), key);
    }

    private async Task SendAsync(ScheduledPaper paper, string key, MailMessage message, CancellationToken ct)
    {
        var result = await delivery.DeliverAsync(paper.Period.ToString(), key, message with { ReplyTo = null }, ct);
        Log.CalendarMailed(log, key, result.Status);
    }

    private string? ApproveUrl(PaperVersion paper)
    {
        var settings = options.Value;
        if (!settings.HasKey)
        {
            return null;
        }

        var token = ApprovalToken.Create(paper, clock.UtcNow.Add(settings.LinkExpiry), settings.KeyBytes());
        return $"{settings.PublicUrl.TrimEnd('/')}{ApproveEndpoint.Route}?token={Uri.EscapeDataString(token)}";
    }
}
