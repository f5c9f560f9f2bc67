using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Serialization;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>
/// <c>reports/{period}/{kind}/v{n}/manifest.json</c>: what a paper version was made from and what it holds.
/// Its <see cref="Fingerprint"/> identifies the inputs: a repeated request with the same inputs reuses the
/// version instead of making a new one.
/// </summary>
/// <param name="CodeVersion">The version of the code that rendered the paper (<see cref="ReportRenderer.CodeVersion"/>): with the
/// inputs and <paramref name="ConfigSha256"/>, what is needed to render the same bytes again.</param>
/// <param name="Findings">What <see cref="PaperCheck"/> found in the paper; empty or null when it passed.</param>
public sealed record ReportManifest(
    string Period,
    string Report,
    int Version,
    string Fingerprint,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ManifestInput> Inputs,
    string ConfigSha256,
    StatusJson.SummaryJson Summary,
    IReadOnlyList<ManifestFile> Files,
    string? Title = null,
    string? CodeVersion = null,
    IReadOnlyList<PaperFinding>? Findings = null)
{
    public const string FileName = "manifest.json";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    public static ReportManifest FromJson(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<ReportManifest>(utf8, Json.Options) ?? throw new JsonException("Empty manifest.");

    /// <summary>The kind, the curated versions used and the configuration, hashed: equal fingerprints mean equal papers.</summary>
    public static string FingerprintOf(ReportKind kind, IEnumerable<ManifestInput> inputs, string configSha256)
    {
        var text = new StringBuilder(kind.ToSlug()).Append('|').Append(configSha256);
        foreach (var input in inputs.OrderBy(i => i.Period, StringComparer.Ordinal).ThenBy(i => i.Dataset, StringComparer.Ordinal))
        {
            text.Append('|').Append(input.Period).Append('/').Append(input.Dataset).Append('@').Append(input.ETag);
        }

        return Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static ManifestInput InputOf(CuratedDrop drop)
    {
        ArgumentNullException.ThrowIfNull(drop);
        return new ManifestInput(drop.Period.ToString(), drop.Dataset.ToSlug(), drop.Source.Archive, drop.Source.ETag, drop.Source.UploadedAt, drop.Rows);
    }
}

/// <summary>One accepted drop a paper was made from.</summary>
public sealed record ManifestInput(string Period, string Dataset, string Archive, string ETag, DateTimeOffset UploadedAt, int Rows);

public sealed record ManifestFile(string Name, long Bytes, string Sha256);
