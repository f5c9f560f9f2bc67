using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports.Word;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>Table body rows are written straight into the part on save: they must be what the element tree would have made.</summary>
public sealed class StreamedTableTests
{
    private static readonly TableCellSpec[] Cells =
    [
        "WS1-01",
        new("Delayed", Rag.Red),
        new("Complete", Rag.Blue, Bold: true),
        string.Empty,
        "First line\nsecond line",
        "Mae'r gwaith yn mynd rhagddo yn dda gyda'r ysgolion.",
        "Spotkanie odbędzie się w przyszłym tygodniu.",
        "\u0627\u0644\u062E\u062F\u0645\u0629 \u0645\u062A\u0627\u062D\u0629",
        "Bad \u0001 control & <markup> \"quoted\"",
        "\U0001F600 emoji beyond the BMP",
    ];

    [Fact]
    public void Save_BodyRows_AreTheParagraphsTheElementTreeMakes()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Write()), false);

        var rows = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>().ToList();
        var cells = rows[1].Elements<TableCell>().ToList();
        Assert.Equal(Cells.Length, cells.Count);
        for (var i = 0; i < Cells.Length; i++)
        {
            Assert.Equal(WordWriter.Line(null, Cells[i].Text, Cells[i].Bold).OuterXml, cells[i].GetFirstChild<Paragraph>()!.OuterXml);
        }
    }

    [Fact]
    public void Save_BodyRows_CarryWidthShadingAndKeepWhole()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Write()), false);

        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single();
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => c.Width!.Value).ToList();
        var row = table.Elements<TableRow>().ElementAt(1);
        Assert.NotNull(row.TableRowProperties!.GetFirstChild<CantSplit>());
        Assert.Null(row.TableRowProperties!.GetFirstChild<TableHeader>());
        var cells = row.Elements<TableCell>().ToList();
        Assert.Equal(grid, cells.Select(c => c.TableCellProperties!.TableCellWidth!.Width!.Value));
        Assert.Equal(Palette.Fill(Rag.Red), cells[1].TableCellProperties!.Shading!.Fill!.Value);
        Assert.Null(cells[0].TableCellProperties!.Shading);
    }

    [Fact]
    public void ParagraphTexts_IncludeBodyRowsAsWordReadsThem()
    {
        using var word = new WordWriter(new DocumentInfo("Title", "Author", DateTimeOffset.UnixEpoch));
        word.Table(new TableSpec("Caption", "Description", Cells.Select((_, i) => $"Column {i}").ToList(), [Cells]));

        var texts = word.ParagraphTexts().ToList();

        Assert.Contains("First linesecond line", texts);
        Assert.Contains("Column 0", texts);
        Assert.Contains("Bad  control & <markup> \"quoted\"", texts);
    }

    private static byte[] Write()
    {
        using var word = new WordWriter(new DocumentInfo("Title", "Author", DateTimeOffset.UnixEpoch));
        word.Heading(1, "A table");
        word.Table(new TableSpec("Caption", "Description", Cells.Select((_, i) => $"Column {i}").ToList(), [Cells, Cells]));
        return word.Save();
    }
}
