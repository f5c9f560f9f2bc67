using System.Globalization;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The names of everything the system stores (DESIGN.md, "Storage layout"). Every name is derived from the
/// upload's own timestamp and ETag, never from the clock, so a re-delivered blob maps onto the same names.
/// </summary>
public static class StorageLayout
{
    public const string Drops = "drops";
    public const string Archive = "archive";
    public const string Validation = "validation";
    public const string Curated = "curated";
    public const string Reports = "reports";
    public const string Config = "config";
    public const string ConfigBlob = "reporting.json";
    public const string RunsTable = "runs";
    public const string DeliveriesTable = "deliveries";
    public const string UnrecognisedFolder = "_unrecognised";

    /// <summary>An upload's identity: when the blob was last written, and its ETag.</summary>
    public static string Stamp(DateTimeOffset uploadedAt, string etag) => $"{Timestamp(uploadedAt)}-{CleanETag(etag)}";

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

    public static string CleanETag(string etag) => etag.Trim('"', 'W', '/');

    public static string ArchiveName(DropPath drop, DateTimeOffset uploadedAt, string etag) =>
        $"{drop.Period}/{drop.Dataset.ToSlug()}/{Stamp(uploadedAt, etag)}.{drop.Format.ToExtension()}";

    /// <summary>Uploads whose path we do not recognise are still archived, under their own name.</summary>
    public static string UnrecognisedArchiveName(string blobName, DateTimeOffset uploadedAt, string etag) =>
        $"{UnrecognisedFolder}/{Stamp(uploadedAt, etag)}/{blobName}";

    /// <summary>The upload's timestamp, then its ETag: two uploads within one second still get a report each.</summary>
    public static string ValidationName(DropPath drop, DateTimeOffset uploadedAt, string etag, string extension) =>
        $"{drop.Period}/{drop.Dataset.ToSlug()}/{Stamp(uploadedAt, etag)}.{extension}";

    public static string UnrecognisedValidationName(DateTimeOffset uploadedAt, string etag, string extension) =>
        $"{UnrecognisedFolder}/{Stamp(uploadedAt, etag)}.{extension}";

    public static string CuratedName(Periods.ReportingPeriod period, Dataset dataset) => $"{period}/{dataset.ToSlug()}.json";

    /// <summary>Every accepted version is kept beside the current one.</summary>
    public static string CuratedHistoryName(DropPath drop, DateTimeOffset uploadedAt, string etag) =>
        $"{drop.Period}/{drop.Dataset.ToSlug()}/{Stamp(uploadedAt, etag)}.json";
}
