using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Templates;

/// <summary>What a return's template is made from: the dataset, the month it reports, and last month's accepted rows if any.</summary>
public sealed record TemplateRequest(Dataset Dataset, ReportingPeriod Period, DatasetRows? Previous)
{
    /// <summary>The day the return is due, where the programme's configuration names the dataset; null when not known.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>The month <see cref="Previous"/> was accepted for, when not the month before (a trajectory stays in force).</summary>
    public ReportingPeriod? CarriedFrom { get; init; }
}

/// <summary>
/// The workbook an owner fills in for one month's return (docs/owners.md): the dataset's sheet, named as the reader looks
/// for it, with the contract's headers, last month's rows carried forward, drop-downs for every closed choice, date and
/// percentage formats and a frozen header; then an Instructions sheet. Filled in as it says, it validates.
/// </summary>
public static class ReturnTemplate
{
    /// <summary>The file's name, as it is uploaded: <c>drops/{period}/{dataset}.xlsx</c>.</summary>
    public static string FileName(Dataset dataset) => $"{dataset.ToSlug()}.xlsx";

    public static string UploadPath(Dataset dataset, ReportingPeriod period) => $"{StorageLayout.Drops}/{new DropPath(period, dataset, FileFormat.Xlsx).Name}";

    /// <summary>Targets a year back in force until replaced.</summary>
    public const int TargetLookBackMonths = 12;

    /// <summary>
    /// The months whose accepted rows are carried forward, nearest first; the first with an accepted return is used. Every
    /// return is carried from the month before; targets from the latest accepted trajectory (the contract: the targets
    /// used for a period are the latest accepted at or before it), up to a year back.
    /// </summary>
    public static IEnumerable<ReportingPeriod> SourceMonths(Dataset dataset, ReportingPeriod period)
    {
        var months = dataset == Dataset.Targets ? TargetLookBackMonths : 1;
        for (var month = period.Previous; months-- > 0; month = month.Previous)
        {
            yield return month;
        }
    }

    public static IReadOnlyList<TemplateColumn> ColumnsOf(Dataset dataset) => TemplateLayout.For(dataset).Columns;

    public static void Write(Stream output, TemplateRequest request)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(request);
        var layout = TemplateLayout.For(request.Dataset);
        var rows = request.Previous is { } previous ? layout.Carry(previous) : [];
        using var workbook = new MemoryStream();
        TemplateWorkbook.Write(workbook, layout, rows, TemplateInstructions.Lines(layout, request, rows.Count));

        // Entries stamped with the month's first day, not the clock: the same request gives the same bytes, so the
        // template a reminder attaches is the one sendfx template makes.
        output.Write(Reports.Word.DeterministicZip.Rewrite(workbook.ToArray(), request.Period.FirstDay.ToDateTime(TimeOnly.MinValue)));
    }
}
