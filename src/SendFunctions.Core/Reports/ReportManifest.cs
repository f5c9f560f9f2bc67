using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Status;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Reports;

/// <summary>
/// <c>reports/{period}/{kind}/v{n}/manifest.json</c>: what a paper version was made from and what it holds.
/// Its <see cref="Fingerprint"/> identifies the inputs: a repeated request with the same inputs reuses the
/// version instead of making a new one. <see cref="Title"/>, <see cref="Highlights"/> and <see cref="Attention"/> are what
/// the paper's email says, so that a resend says the same.
/// </summary>
/// <param name="CodeVersion">The version of the code that rendered the paper (<see cref="ReportRenderer.CodeVersion"/>): with the
/// inputs and <paramref name="ConfigSha256"/>, what is needed to render the same bytes again.</param>
/// <param name="Findings">What <see cref="PaperCheck"/> found in the paper; empty or null when it passed.</param>
/// <param name="Covers">The months a paper made from the committee calendar covers, oldest first; null (absent) for a month's paper.</param>
/// <param name="Meeting">The meeting such a paper goes to.</param>
/// <param name="Revision">Set when the version was made after an earlier one of the same paper was signed off: what it replaces and what changed.</param>
public sealed record ReportManifest(
    ReportingPeriod Period,
    ReportKind Report,
    int Version,
    string Fingerprint,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ManifestInput> Inputs,
    string ConfigSha256,
    StatusJson.SummaryJson Summary,
    IReadOnlyList<ManifestFile> Files,
    string? Title = null,
    IReadOnlyList<string>? Highlights = null,
    IReadOnlyList<string>? Attention = null,
    string? CodeVersion = null,
    IReadOnlyList<PaperFinding>? Findings = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReportingPeriod>? Covers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Meeting = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Calendar.PaperRevision? Revision = null)
{
    public const string FileName = "manifest.json";

    [JsonIgnore]
    public PaperVersion Paper => new(Period, Report, Version);

    /// <summary>Whether this version is of the calendar paper <paramref name="cover"/> describes: the same months and meeting.</summary>
    public bool IsOf(PaperCover cover)
    {
        ArgumentNullException.ThrowIfNull(cover);
        return Covers is { } covers && covers.SequenceEqual(cover.Months) && Meeting == cover.Meeting;
    }

    /// <summary>Whether <paramref name="other"/> is a version of the same paper: the same months (none for a month's paper) and meeting.</summary>
    public bool IsSamePaperAs(ReportManifest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Meeting == other.Meeting && (Covers ?? []).SequenceEqual(other.Covers ?? []);
    }

    /// <summary>The paper's document in the reports container.</summary>
    [JsonIgnore]
    public string DocumentBlob => Paper.DocumentName(Files[0].Name);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    public static ReportManifest FromJson(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<ReportManifest>(utf8, Json.Options) ?? throw new JsonException("Empty manifest.");

    /// <summary>The kind, the curated versions used and the configuration, hashed: equal fingerprints mean equal papers.</summary>
    /// <param name="cover">A calendar paper's months and meeting: a different cover is a different paper even on the same inputs.</param>
    public static string FingerprintOf(ReportKind kind, IEnumerable<ManifestInput> inputs, string configSha256, PaperCover? cover = null)
    {
        var text = new StringBuilder(kind.ToSlug()).Append('|').Append(configSha256);
        if (cover is not null)
        {
            text.Append("|covers:").AppendJoin(',', cover.Months).Append("|meeting:").Append(cover.Meeting?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var input in inputs.OrderBy(i => i.Period.ToString(), StringComparer.Ordinal).ThenBy(i => i.Dataset.ToSlug(), StringComparer.Ordinal))
        {
            text.Append('|').Append(input.Period.ToString()).Append('/').Append(input.Dataset.ToSlug()).Append('@').Append(input.ETag);
        }

        return Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static ManifestInput InputOf(CuratedDrop drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        return new ManifestInput(drop.Period, drop.Dataset, drop.Source.Archive, drop.Source.ETag, drop.Source.UploadedAt, drop.Rows);
    }
}

/// <summary>One accepted drop a paper was made from.</summary>
public sealed record ManifestInput(ReportingPeriod Period, Dataset Dataset, string Archive, string ETag, DateTimeOffset UploadedAt, int Rows);

public sealed record ManifestFile(string Name, long Bytes, string Sha256);
