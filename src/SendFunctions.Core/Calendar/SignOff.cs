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

/// <summary>
/// <c>reports/{period}/{kind}/v{n}/signoff.json</c>, beside the version's manifest: who signed that paper version off, when
/// and how. Written once (create-if-absent), never changed, so a version is signed off at most once and the manifest
/// itself stays as it was made. A paper made from the calendar is distributed only once this exists.
/// </summary>
public sealed record SignOff(PaperVersion Paper, string By, DateTimeOffset At, SignOffMethod How)
{
    public const string FileName = "signoff.json";

    public static string BlobName(PaperVersion paper) => paper.DocumentName(FileName);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    public static SignOff FromJson(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<SignOff>(utf8, Json.Options) ?? throw new JsonException("Empty sign-off.");

    /// <summary>"signed off by Sam Taylor on 27 February 2025 at 14:05 (approve link)", in UK local time as given.</summary>
    public string Describe(DateTimeOffset localAt) =>
        $"signed off by {By} on {Status.Words.Date(DateOnly.FromDateTime(localAt.DateTime))} at {localAt:HH:mm} ({(How == SignOffMethod.Link ? "approve link" : "sendfx approve")})";
}
