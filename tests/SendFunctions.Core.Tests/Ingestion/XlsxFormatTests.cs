using System.IO.Compression;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Spreadsheets;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion;

public sealed class XlsxFormatTests
{
    private static readonly DropPath MilestonesXlsx = new(Drops.January2025, Dataset.Milestones, FileFormat.Xlsx);
    private static readonly DropPath MetricsXlsx = new(Drops.January2025, Dataset.Metrics, FileFormat.Xlsx);

    private static readonly WorkbookValue[] MilestoneHeader =
        ["Milestone ID", "Workstream", "Milestone", "Owner", "Due Date", "Revised Due Date", "Completed Date", "Status", "At Risk", "Commentary"];

    [Fact]
    public void Validate_DateCellsSerialsAndText_AreAllDates()
    {
        var workbook = Drops.Workbook("Milestones",
            MilestoneHeader,
            ["WS1-01", "Leadership", "A", "Lead", WorkbookValue.Of(new DateOnly(2025, 3, 31)), "", "", "In progress", "No", "ok"],
            ["WS1-02", "Leadership", "B", "Lead", WorkbookValue.Of(45747), "", "", "In progress", "No", "ok"],
            ["WS1-03", "Leadership", "C", "Lead", "31/03/2025", "5 Apr 2025", "", "In progress", "No", "ok"]);

        var result = Drops.Validate(MilestonesXlsx, workbook);

        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        var items = ((DatasetRows<Milestone>)result.Data!).Items;
        Assert.All(items, m => Assert.Equal(new DateOnly(2025, 3, 31), m.Due));
        Assert.Equal(new DateOnly(2025, 4, 5), items[2].Revised);
    }

    [Fact]
    public void Validate_PercentFormattedCell_IsReadAsPercent()
    {
        var workbook = Drops.Workbook("Metrics",
            ["MetricId", "Metric", "Area", "Unit", "Polarity", "Value", "DataPeriod", "Target"],
            ["EHCP20", "EHCPs within 20 weeks", "EHCP", "%", "Higher is better", WorkbookValue.Percent(0.37), "2025-01", WorkbookValue.Percent(0.58)]);

        var metric = Assert.Single(((DatasetRows<MetricReading>)Drops.Validate(MetricsXlsx, workbook).Data!).Items);

        Assert.Equal(37m, metric.Value);
        Assert.Equal(58m, metric.Target);
    }

    [Fact]
    public void Validate_SheetNamedLikeDataset_IsPreferredOverFirst()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var notes = AddSheet(workbookPart, "Read me");
            var data = AddSheet(workbookPart, "MetricId");
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets(
                new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = "Notes", SheetId = 1, Id = workbookPart.GetIdOfPart(notes) },
                new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = "METRICS", SheetId = 2, Id = workbookPart.GetIdOfPart(data) }));
        }

        var result = Drops.Validate(MetricsXlsx, stream.ToArray());

        Assert.Equal("METRICS", result.Report.Sheet);
        Assert.Contains(result.Report.Errors, e => e.Code == IssueCode.MissingColumn && e.Column == "Metric");
    }

    [Fact]
    public void Validate_RowNumbers_AreTheSheetsOwn()
    {
        var workbook = Drops.Workbook("Milestones",
            [],
            [],
            MilestoneHeader,
            ["WS1-01", "Leadership", "A", "Lead", "32/01/2025", "", "", "In progress", "No", "ok"]);

        var error = Assert.Single(Drops.Validate(MilestonesXlsx, workbook).Report.Errors);

        Assert.Equal(4, error.Row);
        Assert.Equal("Due Date", error.Column);
    }

    [Fact]
    public void Validate_NotAZip_IsRejected()
    {
        var error = Assert.Single(Drops.Validate(MilestonesXlsx, "MilestoneId,Workstream\r\n"u8.ToArray()).Report.Errors);
        Assert.Equal(IssueCode.NotXlsx, error.Code);
    }

    [Fact]
    public void Validate_EncryptedWorkbook_IsRejectedWithAdvice()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]];
        var error = Assert.Single(Drops.Validate(MilestonesXlsx, compoundFile).Report.Errors);
        Assert.Equal(IssueCode.Encrypted, error.Code);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZipWithoutWorkbook_IsRejected()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("not a workbook");
        }

        var error = Assert.Single(Drops.Validate(MilestonesXlsx, stream.ToArray()).Report.Errors);
        Assert.Equal(IssueCode.NotXlsx, error.Code);
    }

    [Fact]
    public void Validate_ZipBomb_StopsAtTheLimit()
    {
        // 200 MB of zeros compresses to about 200 KB; the limit is 10 MB here.
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                entry.Write(zeros);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Drops.Validate(MilestonesXlsx, stream.ToArray(), IngestionLimits.Default with { MaxUncompressedBytes = 10 * 1024 * 1024 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before; // this thread only: other test classes run in parallel

        Assert.Equal(IssueCode.TooLarge, Assert.Single(result.Report.Errors).Code);
        Assert.True(allocated < 50 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    private static DocumentFormat.OpenXml.Packaging.WorksheetPart AddSheet(DocumentFormat.OpenXml.Packaging.WorkbookPart workbook, string firstCell)
    {
        var part = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
        part.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(
            new DocumentFormat.OpenXml.Spreadsheet.Row(new DocumentFormat.OpenXml.Spreadsheet.Cell
            {
                CellReference = "A1",
                DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(firstCell)),
            }) { RowIndex = 1 }));
        return part;
    }
}
