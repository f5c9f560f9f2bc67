using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Ingestion;

/// <summary>Where accepted data came from: the upload and its immutable archive copy.</summary>
public sealed record DropSource(string Blob, string Archive, string ETag, DateTimeOffset UploadedAt);

/// <summary>
/// One accepted drop, as kept in <c>curated/{period}/{dataset}.json</c>: its rows, whose type says the dataset. The stored
/// JSON is that of <see cref="CuratedDropJson"/>, unchanged since the first curated blob was written.
/// </summary>
[JsonConverter(typeof(CuratedDropJson))]
public sealed record CuratedDrop(ReportingPeriod Period, DropSource Source, DatasetRows Data)
{
    public Dataset Dataset => Data.Dataset;

    public int Rows => Data.Count;

    /// <summary>The curated drop of a valid upload; <paramref name="rows"/> must be of the dataset the upload's path names.</summary>
    public static CuratedDrop From(DropPath drop, DropSource source, DatasetRows rows)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Dataset == drop.Dataset
            ? new CuratedDrop(drop.Period, source, rows)
            : throw new ArgumentException($"The rows are {rows.Dataset.ToSlug()}, the drop {drop.Dataset.ToSlug()}.", nameof(rows));
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    public static CuratedDrop FromJson(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<CuratedDrop>(utf8, Json.Options) ?? throw new JsonException("The curated document is empty.");
}
