using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Mail;

/// <summary>An <c>email-requests</c> message: one paper version to send to its distribution list.</summary>
/// <param name="Paper">The version to send; its document is <see cref="PaperVersion.DocumentName"/> of <paramref name="FileName"/>.</param>
/// <param name="Title">The paper's own title with its month, without the board (the subject adds the board from reporting.json).</param>
/// <param name="Highlights">Sentences summarising the paper (headline counts, what changed since last month).</param>
/// <param name="Attention">What needs attention: at-risk milestones, overdue actions.</param>
/// <param name="Resend">Set by a deliberate resend: a new delivery, recorded apart from the first.</param>
/// <param name="ResendReason">Why ops resent it (<c>sendfx resend --reason</c>): said in the email and kept in the delivery ledger.</param>
/// <param name="Covers">The months a paper made from the committee calendar covers, when more than its own; null (absent) otherwise.</param>
/// <param name="Revision">A revised committee paper's revision (what it replaces, what changed), said in the email; null (absent) otherwise.</param>
public sealed record EmailRequest(
    PaperVersion Paper,
    string FileName,
    string Title,
    IReadOnlyList<string>? Highlights = null,
    IReadOnlyList<string>? Attention = null,
    string? Resend = null,
    string? ResendReason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Periods.ReportingPeriod>? Covers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Calendar.PaperRevision? Revision = null)
{
    public const string QueueName = "email-requests";

    /// <summary>The distribution of a stored version, as its manifest records it (title, summary, months covered, revision).</summary>
    public static EmailRequest For(Reports.ReportManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new EmailRequest(
            manifest.Paper, manifest.Files[0].Name, manifest.Title ?? manifest.Period.ToLongName(), manifest.Highlights, manifest.Attention,
            Covers: manifest.Covers, Revision: manifest.Revision);
    }

    /// <summary>The blob of the paper in the reports container.</summary>
    [JsonIgnore]
    public string DocumentBlob => Paper.DocumentName(FileName);

    /// <summary>The delivery ledger's row for this request (partition: the period): one per paper version and distribution list, and per deliberate resend.</summary>
    [JsonIgnore]
    public string DeliveryKey => Resend is null ? Paper.DistributionKey : Paper.ResendKey(Resend);

    /// <summary>"January 2025", or the months the paper covers ("November and December 2024").</summary>
    [JsonIgnore]
    public string Months => Covers is { Count: > 1 } covers ? Calendar.CoveredMonths.Describe(covers) : Paper.Period.ToLongName();

    public string ToJson() => JsonSerializer.Serialize(this, Json.Compact);

    /// <summary>Null when the message is not a valid email request (it is recorded as such rather than retried).</summary>
    public static EmailRequest? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<EmailRequest>(json, Json.Options) is { FileName.Length: > 0, Paper.Version: > 0 } request ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
