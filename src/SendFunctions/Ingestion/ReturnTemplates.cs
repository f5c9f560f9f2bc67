using Azure.Storage.Blobs;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Templates;

namespace SendFunctions.Ingestion;

/// <summary>A month's return template from the curated container: last month's accepted rows carried forward (docs/owners.md).</summary>
internal static class ReturnTemplates
{
    /// <summary>The workbook's bytes, and whether last month had an accepted return to carry forward.</summary>
    public static async Task<(byte[] Workbook, bool Carried)> BuildAsync(BlobServiceClient blobs, Dataset dataset, ReportingPeriod period, DateOnly? due, CancellationToken ct)
    {
        var previous = await CuratedStore.CurrentAsync(blobs, period.Previous, dataset, ct);
        using var stream = new MemoryStream();
        ReturnTemplate.Write(stream, new TemplateRequest(dataset, period, previous is null ? null : ReturnTemplate.RowsOf(previous)) { Due = due });
        return (stream.ToArray(), previous is not null);
    }
}
