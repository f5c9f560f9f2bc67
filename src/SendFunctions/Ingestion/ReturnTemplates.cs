using Azure.Storage.Blobs;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Templates;

namespace SendFunctions.Ingestion;

/// <summary>A month's return template from the curated container: last month's accepted rows carried forward (docs/owners.md).</summary>
internal static class ReturnTemplates
{
    /// <summary>The workbook's bytes, and the month whose accepted rows it carries forward (null for none).</summary>
    public static async Task<(byte[] Workbook, ReportingPeriod? CarriedFrom)> BuildAsync(BlobServiceClient blobs, Dataset dataset, ReportingPeriod period, DateOnly? due, CancellationToken ct)
    {
        CuratedDrop? previous = null;
        foreach (var month in ReturnTemplate.SourceMonths(dataset, period))
        {
            if ((previous = await CuratedStore.CurrentAsync(blobs, month, dataset, ct)) is not null)
            {
                break;
            }
        }

        using var stream = new MemoryStream();
        ReturnTemplate.Write(stream, new TemplateRequest(dataset, period, previous is null ? null : previous.Data) { Due = due, CarriedFrom = previous?.Period });
        return (stream.ToArray(), previous?.Period);
    }
}
