using System.Text.Json;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Calendar;

/// <summary>How a paper was signed off.</summary>
public enum SignOffMethod
{
    /// <summary>The approve link in the draft's email.</summary>
    Link,

    /// <summary><c>sendfx approve</c>.</summary>
    Cli,
}

/// <summary>What a sign-off did with the version.</summary>
public enum AfterSignOff
{
    /// <summary>Queued for its distribution list.</summary>
    Distributed,

    /// <summary>
    /// A revision approved after an earlier version of the paper had gone to the list, with
    /// <c>reports.{kind}.calendar.reissueOnCorrection</c> false: recorded, not sent.
    /// </summary>
    NotReissued,
}

/// <summary>
/// <c>reports/{period}/{kind}/v{n}/signoff.json</c>, beside the version's manifest: who signed that paper version off, when
/// and how. Written once (create-if-absent), never changed, so a version is signed off at most once and the manifest
/// itself stays as it was made. A paper made from the calendar is distributed only once this exists.
/// </summary>
/// <param name="Then">What the sign-off did; absent in records made before revisions existed, which were all distributed.</param>
public sealed record SignOff(PaperVersion Paper, string By, DateTimeOffset At, SignOffMethod How, AfterSignOff Then = AfterSignOff.Distributed)
{
    public const string FileName = "signoff.json";

    public static string BlobName(PaperVersion paper) => paper.DocumentName(FileName);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    public static SignOff FromJson(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<SignOff>(utf8, Json.Options) ?? throw new JsonException("Empty sign-off.");

    /// <summary>"signed off by Sam Taylor on 27 February 2025 at 14:05 (approve link)", in UK local time as given; a revision not reissued says so.</summary>
    public string Describe(DateTimeOffset localAt) =>
        $"signed off by {By} on {Status.Words.Date(DateOnly.FromDateTime(localAt.DateTime))} at {localAt:HH:mm} ({(How == SignOffMethod.Link ? "approve link" : "sendfx approve")})"
        + (Then == AfterSignOff.NotReissued ? "; not sent to the list: an earlier version had already been distributed and reissueOnCorrection is false" : string.Empty);

    /// <summary>
    /// What approving a version does. A version that is not a revision, or a revision none of whose earlier versions went to
    /// the list, is distributed (once, as any paper). A revision after an earlier version was distributed goes only when the
    /// kind's calendar says <c>reissueOnCorrection</c>.
    /// </summary>
    public static AfterSignOff Decide(PaperRevision? revision, bool earlierDistributed, bool reissueOnCorrection) =>
        revision is not null && earlierDistributed && !reissueOnCorrection ? AfterSignOff.NotReissued : AfterSignOff.Distributed;
}
