using System.Globalization;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Storage;

/// <summary>
/// The names of everything the system stores (DESIGN.md, "Storage layout"), made and parsed here only: the function
/// app and sendfx both use it. Every name of an upload's outputs is derived from the upload's own timestamp and ETag,
/// never from the clock, so a re-delivered blob maps onto the same names.
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

    /// <summary>One row per email and recipient (partition: the period, as in <see cref="DeliveriesTable"/>): what SendGrid said about each.</summary>
    public const string RecipientsTable = "recipients";

    /// <summary>
    /// The runs under way: one row per run while it is queued or running (same partition and row key as its row in
    /// <see cref="RunsTable"/>), removed when the run gets its outcome. The in-flight recovery reads this, not the whole
    /// run ledger, so its work grows with the live runs rather than with every run ever recorded.
    /// </summary>
    public const string InFlightTable = "inflight";

    /// <summary>The committee calendar's ledger: one row per paper and step taken (partition: kind and meeting; row: the step).</summary>
    public const string CalendarTable = "calendar";
    public const string UnrecognisedFolder = "_unrecognised";

    /// <summary>An owner email's attachments too large to travel in its <c>owner-emails</c> message: written before it is queued, read when it is sent.</summary>
    public const string MailAttachments = "mail-attachments";

    /// <summary>The partition of runs and deliveries that belong to no period (an upload whose path named none, a malformed message).</summary>
    public const string NoPeriod = UnrecognisedFolder;

    /// <summary>An upload's identity: when the blob was last written, and its ETag.</summary>
    public static string Stamp(DateTimeOffset uploadedAt, string etag) => $"{Timestamp(uploadedAt)}-{CleanETag(etag)}";

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The upload time at the start of a name made by <see cref="Stamp"/> (a validation report's or a curated version's file name).</summary>
    public static bool TryParseStamp(string fileName, out DateTimeOffset uploadedAt)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        uploadedAt = default;
        return fileName.Length >= 19
            && DateTimeOffset.TryParseExact(fileName[..19], "yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out uploadedAt);
    }

    public static string CleanETag(string etag) => etag.Trim('"', 'W', '/');

    public static string ArchiveName(DropPath drop, DateTimeOffset uploadedAt, string etag) =>
        $"{drop.Period}/{drop.Dataset.ToSlug()}/{Stamp(uploadedAt, etag)}.{drop.Format.ToExtension()}";

    /// <summary>Uploads whose path we do not recognise are still archived, under their own name encoded (<see cref="DropName.Encode"/>: never resolved as a path).</summary>
    public static string UnrecognisedArchiveName(string blobName, DateTimeOffset uploadedAt, string etag) =>
        $"{UnrecognisedFolder}/{Stamp(uploadedAt, etag)}/{(DropName.IsSetAside(blobName) ? blobName : DropName.Encode(blobName))}";

    /// <summary>The upload's timestamp, then its ETag: two uploads within one second still get a report each.</summary>
    public static string ValidationName(DropPath drop, DateTimeOffset uploadedAt, string etag, string extension) =>
        $"{drop.Period}/{drop.Dataset.ToSlug()}/{Stamp(uploadedAt, etag)}.{extension}";

    public static string UnrecognisedValidationName(DateTimeOffset uploadedAt, string etag, string extension) =>
        $"{UnrecognisedFolder}/{Stamp(uploadedAt, etag)}.{extension}";

    /// <summary>Where a period's validation reports are: one per upload, accepted or not.</summary>
    public static string ValidationPrefix(ReportingPeriod period, Dataset dataset) => $"{period}/{dataset.ToSlug()}/";

    public static string CuratedName(ReportingPeriod period, Dataset dataset) => $"{period}/{dataset.ToSlug()}.json";

    /// <summary>A current curated version is <c>{period}/{dataset}.json</c>; the history beneath <c>{period}/{dataset}/</c> is not.</summary>
    public static bool TryParseCuratedName(string name, out ReportingPeriod period, out Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(name);
        period = default;
        dataset = default;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && name.EndsWith(".json", StringComparison.Ordinal)
            && name.IndexOf('/', slash + 1) < 0
            && ReportingPeriod.TryParse(name[..slash], out period)
            && DatasetNames.TryParse(name[(slash + 1)..^".json".Length], out dataset);
    }

    /// <summary>
    /// A delivery's identity outside the table, "{partition}/{rowKey}": SendGrid carries it as the custom argument
    /// <c>deliveryId</c> and returns it in every event.
    /// </summary>
    public static string DeliveryId(string partition, string rowKey) => $"{partition}/{rowKey}";

    /// <summary>A delivery id from outside (an Event Webhook event): both halves must be usable as table keys.</summary>
    public static bool TryParseDeliveryId(string? id, out string partition, out string rowKey)
    {
        partition = string.Empty;
        rowKey = string.Empty;
        var slash = id?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (id is null || slash <= 0 || !IsTableKey(id[..slash]) || !IsTableKey(id[(slash + 1)..]))
        {
            return false;
        }

        partition = id[..slash];
        rowKey = id[(slash + 1)..];
        return true;
    }

    /// <summary>
    /// The <see cref="RecipientsTable"/> row of one recipient of a delivery: the delivery's key, '~', then the address in
    /// lower case with the characters a table key cannot hold (and '%') percent-escaped, so that
    /// all rows of a delivery sort together and one address is one row however SendGrid cases it.
    /// </summary>
    public static string RecipientKey(string deliveryKey, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var escaped = new System.Text.StringBuilder(deliveryKey.Length + address.Length + 1).Append(deliveryKey).Append('~');
        foreach (var c in address.Trim().ToLowerInvariant())
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Table keys hold at most 1 KiB and none of '/', '\', '#', '?' or control characters.</summary>
    public static bool IsTableKey(string key) =>
        key.Length is > 0 and <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>
    /// Where an owner email's attachment waits for the email to be sent: named by the email's identity (its period and
    /// delivery key) and the attachment's place in it, so a retry of the run that queued it rewrites the same blob.
    /// </summary>
    public static string MailAttachmentName(ReportingPeriod period, string deliveryKey, int index, string fileName) =>
        $"{period}/{deliveryKey}/{index.ToString(CultureInfo.InvariantCulture)}-{fileName}";

    /// <summary>Every accepted version is kept beside the current one.</summary>
    public static string CuratedHistoryName(ReportingPeriod period, Dataset dataset, DateTimeOffset uploadedAt, string etag) =>
        $"{period}/{dataset.ToSlug()}/{Stamp(uploadedAt, etag)}.json";
}

/// <summary>
/// One version of one paper: <c>reports/{period}/{kind}/v{n}/</c> holds the document and its <c>manifest.json</c>
/// (a version is complete once its manifest exists).
/// </summary>
public readonly record struct PaperVersion(ReportingPeriod Period, ReportKind Kind, int Version)
{
    public string Folder => $"{Prefix(Period, Kind)}{Version.ToString(CultureInfo.InvariantCulture)}";

    public string ManifestName => $"{Folder}/{ReportManifest.FileName}";

    /// <summary>Where every version of a period's paper of one kind lives, up to the version number.</summary>
    public static string Prefix(ReportingPeriod period, ReportKind kind) => $"{period}/{kind.ToSlug()}/v";

    public string DocumentName(string fileName) => $"{Folder}/{fileName}";

    /// <summary>The blob leased while an instance decides and writes the next version of a period's paper of one kind.</summary>
    public static string LockName(ReportingPeriod period, ReportKind kind) => $"{period}/{kind.ToSlug()}/.lock";

    public PaperVersion Next() => this with { Version = Version + 1 };

    /// <summary>The delivery ledger's row for this version's distribution to its list (partition: the period): "hwb-board-v2-distribution".</summary>
    public string DistributionKey => $"{DeliveryStem}{DistributionSuffix}";

    /// <summary>The delivery ledger's row for a deliberate resend of this version, made at <paramref name="resend"/>.</summary>
    public string ResendKey(string resend) => $"{DeliveryStem}-resend-{resend}";

    private const string DistributionSuffix = "-distribution";

    private string DeliveryStem => $"{Kind.ToSlug()}-v{Version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The version a delivery row of <see cref="DistributionKey"/> distributed; false for a resend, an owner email or anything else.</summary>
    public static bool TryParseDistribution(string partition, string rowKey, out PaperVersion version)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        version = default;
        if (!rowKey.EndsWith(DistributionSuffix, StringComparison.Ordinal) || !ReportingPeriod.TryParse(partition, out var period))
        {
            return false;
        }

        var name = rowKey[..^DistributionSuffix.Length];
        var at = name.LastIndexOf("-v", StringComparison.Ordinal);
        if (at <= 0 || !int.TryParse(name.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !ReportKinds.TryParse(name[..at], out var kind))
        {
            return false;
        }

        version = new PaperVersion(period, kind, number);
        return true;
    }

    public override string ToString() => $"{Period} {Kind.ToSlug()} v{Version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses a blob name in the reports container: the version it belongs to and the file's name within it.</summary>
    public static bool TryParse(string blobName, out PaperVersion version, out string file)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        version = default;
        file = string.Empty;
        var parts = blobName.Split('/');
        if (parts.Length != 4 || !ReportingPeriod.TryParse(parts[0], out var period) || !ReportKinds.TryParse(parts[1], out var kind)
            || parts[2].Length < 2 || parts[2][0] != 'v'
            || !int.TryParse(parts[2].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || parts[3].Length == 0)
        {
            return false;
        }

        version = new PaperVersion(period, kind, number);
        file = parts[3];
        return true;
    }
}
