using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Templates;

namespace SendFunctions.Core.Tests.Templates;

public sealed class ReturnTemplateTests
{
    [Theory]
    [MemberData(nameof(SampleReturns.All), MemberType = typeof(SampleReturns))]
    public void Write_FilledAsInstructed_IsAcceptedWithLastMonthsRows(Dataset dataset)
    {
        var january = SampleReturns.Accepted(SampleReturns.January, dataset);
        var template = SampleReturns.Template(dataset, january);

        var filled = OwnerFill.Fill(template, dataset.ToSlug(), SampleReturns.OwnerEntries(dataset));
        var result = SampleReturns.Validate(dataset, filled);

        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => $"row {e.Row} {e.Column} '{e.Value}' {e.Code}")));
        Assert.Equal(dataset.ToSlug(), result.Report.Sheet);
        Assert.DoesNotContain(result.Report.Warnings, w => w.Code == IssueCode.UnknownColumn);
        Assert.Equal(SampleReturns.Ids(january), SampleReturns.Ids(result.Data!));
    }

    [Theory]
    [MemberData(nameof(SampleReturns.All), MemberType = typeof(SampleReturns))]
    public void Write_AnyDataset_IsAValidPackageWithFrozenContractHeaders(Dataset dataset)
    {
        var template = SampleReturns.Template(dataset, SampleReturns.Accepted(SampleReturns.January, dataset));

        using var document = SpreadsheetDocument.Open(new MemoryStream(template), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal([dataset.ToSlug(), "Instructions"], sheets);
        var sheet = Sheet(document, dataset.ToSlug());
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var headers = sheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(ReturnTemplate.ColumnsOf(dataset).Select(c => c.Name), headers);
        Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 10));
    }

    public static TheoryData<Dataset, string, string> Choices => new()
    {
        { Dataset.Milestones, "Status", "Not started,In progress,Complete,On hold" },
        { Dataset.Milestones, "AtRisk", "Yes,No" },
        { Dataset.Metrics, "Unit", "%,count,weeks,days,number,£" },
        { Dataset.Metrics, "Polarity", "higher,lower" },
        { Dataset.Actions, "Status", "Open,Closed" },
        { Dataset.Decisions, "Type", "Decision,Resolution,ReportBack" },
        { Dataset.Decisions, "Status", "Open,Done" },
        { Dataset.Risks, "Likelihood", "1,2,3,4,5" },
        { Dataset.Risks, "Impact", "1,2,3,4,5" },
        { Dataset.Risks, "Trend", "Up,Down,Same" },
        { Dataset.Risks, "Status", "Open,Closed" },
        { Dataset.Risks, "Type", "Risk,Issue" },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Write_EnumeratedColumn_HasADropdownOfTheContractsWords(Dataset dataset, string column, string words)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleReturns.Template(dataset, null)), false);
        var letter = ((char)('A' + ReturnTemplate.ColumnsOf(dataset).Select(c => c.Name).ToList().IndexOf(column))).ToString();

        var validation = Assert.Single(Sheet(document, dataset.ToSlug()).Descendants<DataValidation>(), v => v.SequenceOfReferences!.InnerText!.StartsWith(letter + "2:", StringComparison.Ordinal));

        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        Assert.Equal($"\"{words}\"", validation.Formula1!.Text);
        Assert.True(validation.ShowErrorMessage!.Value);
    }

    [Theory]
    [MemberData(nameof(SampleReturns.All), MemberType = typeof(SampleReturns))]
    public void Write_EveryDropdownWord_IsReadByTheValidator(Dataset dataset)
    {
        var january = SampleReturns.Accepted(SampleReturns.January, dataset);
        var template = SampleReturns.Template(dataset, january);
        foreach (var column in ReturnTemplate.ColumnsOf(dataset).Where(c => c.Kind == ColumnKind.Choice))
        {
            foreach (var word in column.Choices)
            {
                var filled = OwnerFill.Fill(template, dataset.ToSlug(), SampleReturns.OwnerEntries(dataset));
                var typed = new Dictionary<string, object> { [column.Name] = double.TryParse(word, CultureInfo.InvariantCulture, out var n) ? n : word };
                var result = SampleReturns.Validate(dataset, OwnerFill.Fill(filled, dataset.ToSlug(), typed, replace: true));

                Assert.Equal(SampleReturns.Ids(january).Count, result.Report.Rows);

                Assert.DoesNotContain(result.Report.Errors, e => e.Code is IssueCode.BadChoice or IssueCode.OutOfRange && e.Column == column.Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SampleReturns.All), MemberType = typeof(SampleReturns))]
    public void Write_NoPreviousMonth_HeadersValidationAndInstructionsOnly(Dataset dataset)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleReturns.Template(dataset, null)), false);

        var sheet = Sheet(document, dataset.ToSlug());
        Assert.Single(sheet.Descendants<Row>());
        Assert.Equal(ReturnTemplate.ColumnsOf(dataset).Count(c => c.Kind == ColumnKind.Choice), sheet.Descendants<DataValidation>().Count());
        var instructions = string.Join("\n", Sheet(document, "Instructions").Descendants<Cell>().Select(c => c.InnerText));
        Assert.Contains($"There was no accepted {dataset.ToSlug()} return for January 2025", instructions, StringComparison.Ordinal);
        Assert.Contains($"drops/2025-02/{dataset.ToSlug()}.xlsx", instructions, StringComparison.Ordinal);
        Assert.Contains($"sendfx validate {dataset.ToSlug()}.xlsx --dataset {dataset.ToSlug()} --period 2025-02", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameRequest_EntriesStampedWithTheMonthNotTheClock()
    {
        var template = SampleReturns.Template(Dataset.Milestones, SampleReturns.Accepted(SampleReturns.January, Dataset.Milestones));

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(template), System.IO.Compression.ZipArchiveMode.Read);

        Assert.All(zip.Entries, e => Assert.Equal(SampleReturns.February.FirstDay.ToDateTime(TimeOnly.MinValue), e.LastWriteTime.DateTime));
        Assert.Equal(template, SampleReturns.Template(Dataset.Milestones, SampleReturns.Accepted(SampleReturns.January, Dataset.Milestones)));
    }

    [Fact]
    public void Write_DueDayKnown_InstructionsGiveIt()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleReturns.Template(Dataset.Actions, null, new DateOnly(2025, 3, 5))), false);

        var instructions = string.Join("\n", Sheet(document, "Instructions").Descendants<Cell>().Select(c => c.InnerText));

        Assert.Contains("Due by the end of 5 March 2025.", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Milestones_DatesAreDateCellsAndThisMonthsFieldsBlank()
    {
        var january = (DatasetRows<Milestone>)SampleReturns.Accepted(SampleReturns.January, Dataset.Milestones);
        var open = january.Items.Select((m, i) => (Milestone: m, Row: i + 2)).First(x => x.Milestone.Completed is null);
        using var document = SpreadsheetDocument.Open(new MemoryStream(SampleReturns.Template(Dataset.Milestones, january)), false);
        var cells = Sheet(document, "milestones").Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

        var due = cells[$"E{open.Row}"];
        Assert.Equal(open.Milestone.Due.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), due.CellValue!.Text);
        var format = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)due.StyleIndex!.Value).NumberFormatId!.Value;
        Assert.Equal("dd/mm/yyyy", document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value);
        Assert.False(cells.ContainsKey($"H{open.Row}"), "Status is this month's");
        Assert.False(cells.ContainsKey($"J{open.Row}"), "Commentary is this month's");
    }

    [Fact]
    public void Write_PercentMetric_TargetIsAPercentageCellReadBackAsPoints()
    {
        var january = (DatasetRows<MetricReading>)SampleReturns.Accepted(SampleReturns.January, Dataset.Metrics);
        var template = SampleReturns.Template(Dataset.Metrics, january);

        var filled = SampleReturns.Validate(Dataset.Metrics, OwnerFill.Fill(template, "metrics", SampleReturns.OwnerEntries(Dataset.Metrics)));

        var percent = january.Items.First(m => m.Unit == MetricUnit.Percent && m.Target is not null);
        var read = ((DatasetRows<MetricReading>)filled.Data!).Items.Single(m => m.Id == percent.Id);
        Assert.Equal(percent.Target, read.Target);
        Assert.Equal(40m, read.Value);
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }
}
