using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.CommitteeCycle;

/// <summary>
/// <c>/api/approve?token=...</c>, beside the SendGrid webhook: the signer's approve link. GET only shows the paper and an
/// Approve button (mail scanners open links; opening must not approve); the button POSTs the token, which signs the version
/// off. A forged token answers 400, an expired one 410, a version already signed off or superseded by a later version 409,
/// each with a page that says so and no button (GET and POST alike).
/// </summary>
public sealed class ApproveEndpoint(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, TimeProvider time, IOptions<SignOffOptions> options, ILogger<ApproveEndpoint> log)
{
    public const string Route = "/api/approve";

    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query["token"].ToString();
        if (await CheckAsync(token, ct) is { Refusal: { } refusal })
        {
            return refusal;
        }

        var paper = ApprovalToken.Verify(token, options.Value.KeyBytes(), time.GetUtcNow()).Paper!.Value;
        var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
        if (!await reports.GetBlobClient(paper.ManifestName).ExistsAsync(ct))
        {
            return Refuse(404, "No such paper", "The paper this link is for cannot be found.");
        }

        if (await SignOffStore.SupersededByAsync(reports, paper, await ReportStore.ReadManifestAsync(reports, paper, ct), ct) is { } later)
        {
            return Refuse(409, "A newer version exists", $"This link was made for version {paper.Version} of the {paper.Kind.ToSlug()} paper for {paper.Period.ToLongName()}, which has been superseded by version {later}. Version {paper.Version} cannot be approved; version {later} was sent to you for sign-off separately: use the link in that email.");
        }

        return Page(200, $"Approve the {paper.Kind.ToSlug()} paper for {paper.Period.ToLongName()}, version {paper.Version}", $"Approving lets the paper go to its distribution list.<form method=\"post\" action=\"{Route}\"><input type=\"hidden\" name=\"token\" value=\"{WebUtility.HtmlEncode(token)}\"><button type=\"submit\">Approve</button></form>");
    }

    public async Task<IResult> ApproveAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.HasFormContentType ? (await request.ReadFormAsync(ct))["token"].ToString() : request.Query["token"].ToString();
        var checkedToken = await CheckAsync(token, ct);
        if (checkedToken.Refusal is { } refusal)
        {
            return refusal;
        }

        var paper = checkedToken.Paper!.Value;
        var outcome = await SignOffStore.ApproveAsync(blobs, queues, tables, new SignOff(paper, checkedToken.Signer, time.GetUtcNow(), SignOffMethod.Link), ct);
        Log.Approval(log, paper, outcome, SignOffMethod.Link);
        return outcome switch
        {
            ApprovalOutcome.SignedOff => Page(200, "Signed off", $"Thank you. The {paper.Kind.ToSlug()} paper for {paper.Period.ToLongName()}, version {paper.Version}, is signed off and is being sent to its distribution list."),
            ApprovalOutcome.SignedOffNotReissued => Page(200, "Signed off", $"Thank you. The revised {paper.Kind.ToSlug()} paper for {paper.Period.ToLongName()}, version {paper.Version}, is signed off. An earlier version has already gone to the distribution list, and this paper is set not to send revisions (reissueOnCorrection), so it has not been sent again."),
            ApprovalOutcome.Superseded => Refuse(409, "A newer version exists", "This paper has a newer version, sent to you for sign-off separately: this link cannot approve it. Use the link in the newer email."),
            ApprovalOutcome.AlreadySignedOff => Refuse(409, "Already signed off", "This paper version has already been signed off; this link cannot be used again."),
            ApprovalOutcome.FailedChecks => Refuse(409, "Cannot be approved", "This paper version failed its checks and cannot be distributed. The programme team has been told."),
            _ => Refuse(404, "No such paper", "The paper this link is for cannot be found."),
        };
    }

    private async Task<(IResult? Refusal, PaperVersion? Paper, string Signer)> CheckAsync(string? token, CancellationToken ct)
    {
        if (!options.Value.HasKey)
        {
            return (Refuse(503, "Approve links are not set up", "Approve links are not configured on this service (SignOff:Key). Ask the programme team to sign the paper off with sendfx approve."), null, string.Empty);
        }

        var (check, paper) = ApprovalToken.Verify(token, options.Value.KeyBytes(), time.GetUtcNow());
        if (check == TokenCheck.Forged)
        {
            return (Refuse(400, "This link is not valid", "This approve link is not one this service made, or it has been changed. Use the link in the email exactly as sent."), null, string.Empty);
        }

        if (check == TokenCheck.Expired)
        {
            return (Refuse(410, "This link has expired", "This approve link has expired, so it cannot approve the paper. Ask the programme team for a new one, or sign the paper off with sendfx approve."), null, string.Empty);
        }

        var reports = blobs.GetBlobContainerClient(StorageLayout.Reports);
        if (await SignOffStore.ReadAsync(reports, paper!.Value, ct) is not null)
        {
            return (Refuse(409, "Already signed off", "This paper version has already been signed off, so there is nothing left to approve; this link cannot be used again."), null, string.Empty);
        }

        var config = await ProgrammeConfigStore.LoadAsync(blobs, log, ct);
        var signer = config.Config is { } programme && ReportCalendar.Resolve(programme).Calendars.FirstOrDefault(c => c.Kind == paper.Value.Kind) is { } calendar
            ? calendar.Signer.Name
            : "the signer named in reporting.json";
        return (null, paper, signer);
    }

    private IResult Refuse(int status, string title, string text)
    {
        Log.ApprovalRefused(log, status, title);
        return Page(status, title, WebUtility.HtmlEncode(text));
    }

    private static IResult Page(int status, string title, string bodyHtml) =>
        Results.Content($"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><div>{bodyHtml}</div></body></html>", "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
