using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Status;

/// <summary>One upload of a dataset for a period: when storage recorded it, and whether a version of it was accepted.</summary>
public readonly record struct ReturnUpload(DateTimeOffset UploadedAt, bool Accepted);

/// <summary>A dataset's return for a period, from every upload the system recorded for it (its validation reports).</summary>
public static class ReturnHistory
{
    /// <param name="uploads">Every upload of the dataset for the period, accepted or not.</param>
    /// <param name="inUse">When the version in use (the current curated version) was uploaded; null when none was accepted.</param>
    /// <param name="zone">The programme's time zone, in which an upload's day is told.</param>
    public static DatasetReturn Of(Dataset dataset, IReadOnlyList<ReturnUpload> uploads, DateTimeOffset? inUse, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(zone);
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        if (inUse is { } used)
        {
            var superseded = uploads.Where(u => u.Accepted && u.UploadedAt < used).Select(u => (DateTimeOffset?)u.UploadedAt).Max();
            var laterRejected = uploads.Where(u => !u.Accepted && u.UploadedAt > used).Select(u => (DateTimeOffset?)u.UploadedAt).Max();
            return DatasetReturn.Accepted(dataset, Day(used), superseded is { } s ? Day(s) : null, laterRejected is { } r ? Day(r) : null);
        }

        return uploads.Count > 0 ? DatasetReturn.Rejected(dataset, Day(uploads.Max(u => u.UploadedAt))) : DatasetReturn.Missing(dataset);
    }
}
