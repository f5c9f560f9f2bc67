using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;
using SendFunctions.Core.Storage;

namespace SendFunctions.Reporting;

/// <summary>One upload of a return: its stamp (the name of its validation report), when storage recorded it, and whether it was accepted.</summary>
internal sealed record UploadStamp(string Name, DateTimeOffset At, bool Accepted);

/// <summary>
/// What became of each return of a period, from storage: every upload has a validation report, every accepted one a curated
/// version under the same stamp, so an upload with a report and no version was rejected.
/// </summary>
internal static class ReturnStore
{
    /// <param name="expected">Whether the programme expects an optional dataset (reporting.json names its owner); null for none.</param>
    public static async Task<PeriodReturns> ForAsync(
        BlobServiceClient blobs, ReportingPeriod period, IReadOnlyList<CuratedDrop> current, TimeZoneInfo zone, CancellationToken ct, Func<Dataset, bool>? expected = null) =>
        Of(await UploadsAsync(blobs, period, ct), period, current, zone, expected);

    /// <summary>Every upload of each of the period's returns, read from the validation and curated containers once.</summary>
    public static async Task<IReadOnlyDictionary<Dataset, IReadOnlyList<UploadStamp>>> UploadsAsync(BlobServiceClient blobs, ReportingPeriod period, CancellationToken ct)
    {
        var uploads = new Dictionary<Dataset, IReadOnlyList<UploadStamp>>();
        foreach (var dataset in Enum.GetValues<Dataset>())
        {
            var prefix = StorageLayout.ValidationPrefix(period, dataset);
            var accepted = (await StampsAsync(blobs.GetBlobContainerClient(StorageLayout.Curated), prefix, ct)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            uploads[dataset] = (await StampsAsync(blobs.GetBlobContainerClient(StorageLayout.Validation), prefix, ct))
                .Select(s => new UploadStamp(s.Name, s.At, accepted.Contains(s.Name))).ToList();
        }

        return uploads;
    }

    /// <summary>What became of each return, from its uploads and the curated version in use.</summary>
    public static PeriodReturns Of(
        IReadOnlyDictionary<Dataset, IReadOnlyList<UploadStamp>> uploads, ReportingPeriod period, IReadOnlyList<CuratedDrop> current, TimeZoneInfo zone, Func<Dataset, bool>? expected = null)
    {
        var returns = new Dictionary<Dataset, DatasetReturn>();
        foreach (var (dataset, stamps) in uploads)
        {
            var inUse = current.FirstOrDefault(d => d.Period == period && d.Dataset == dataset)?.Source.UploadedAt;
            returns[dataset] = ReturnHistory.Of(dataset, stamps.Select(s => new ReturnUpload(s.At, s.Accepted)).ToList(), inUse, zone);
        }

        return new PeriodReturns(returns[Dataset.Milestones], returns[Dataset.Metrics], returns[Dataset.Actions])
        {
            Optional = PeriodReturns.OptionalOf(returns.Values, expected ?? (_ => false)),
        };
    }

    /// <summary>The JSON documents under a prefix, by their stamp (upload time and ETag) and that time.</summary>
    private static async Task<List<(string Name, DateTimeOffset At)>> StampsAsync(BlobContainerClient container, string prefix, CancellationToken ct)
    {
        var found = new List<(string, DateTimeOffset)>();
        if (!await container.ExistsAsync(ct))
        {
            return found;
        }

        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
        {
            var file = blob.Name[prefix.Length..];
            if (file.EndsWith(".json", StringComparison.Ordinal) && !file.Contains('/', StringComparison.Ordinal) && StorageLayout.TryParseStamp(file, out var at))
            {
                found.Add((file[..^".json".Length], at));
            }
        }

        return found;
    }
}
