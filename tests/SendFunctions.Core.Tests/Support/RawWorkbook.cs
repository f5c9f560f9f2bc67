using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SendFunctions.Core.Tests.Support;

/// <summary>
/// Workbooks written part by part as XML text, for the cases no well-behaved writer produces: a DTD in a sheet, a cell past
/// column XFD, the 1904 date system, ISO date cells, chart sheets, duplicate zip entries.
/// </summary>
internal sealed record RawWorkbook
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public string SheetName { get; init; } = "Milestones";

    /// <summary>The worksheet part whole; by default a sheetData holding <see cref="Rows"/>.</summary>
    public string? SheetXml { get; init; }

    public string Rows { get; init; } = string.Empty;

    public string? SharedStrings { get; init; }

    public string WorkbookProperties { get; init; } = string.Empty;

    /// <summary>Numbering formats and cell formats: style 1 is a date (14), style 2 a percentage (9).</summary>
    public string Styles { get; init; } =
        $"<styleSheet xmlns=\"{Main}\"><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"9\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

    /// <summary>Sheets before the data sheet: (name, is a chart sheet).</summary>
    public IReadOnlyList<(string Name, bool Chart)> Before { get; init; } = [];

    public string SheetRelationshipId { get; init; } = "rIdData";

    public string Namespace { get; init; } = Main;

    /// <summary>Extra entries written after the parts (name, content), for duplicate and traversal names.</summary>
    public IReadOnlyList<(string Name, string Content)> Extra { get; init; } = [];

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheets = new StringBuilder();
            var rels = new StringBuilder();
            var types = new StringBuilder();
            var id = 1;
            foreach (var (name, chart) in Before)
            {
                var part = chart ? $"chartsheets/sheet{id}.xml" : $"worksheets/other{id}.xml";
                sheets.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{name}\" sheetId=\"{id + 1}\" r:id=\"rId{id}\"/>");
                rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{id}\" Type=\"{Relationships}/{(chart ? "chartsheet" : "worksheet")}\" Target=\"{part}\"/>");
                types.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.{(chart ? "chartsheet" : "worksheet")}+xml\"/>");
                Write(zip, "xl/" + part, chart
                    ? $"<chartsheet xmlns=\"{Namespace}\"><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews></chartsheet>"
                    : $"<worksheet xmlns=\"{Namespace}\"><sheetData/></worksheet>");
                id++;
            }

            sheets.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{SheetName}\" sheetId=\"1\" r:id=\"{SheetRelationshipId}\"/>");
            rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rIdData\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
            rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rIdStyles\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/>");
            if (SharedStrings is not null)
            {
                rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rIdStrings\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
                types.Append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                Write(zip, "xl/sharedStrings.xml", SharedStrings);
            }

            Write(zip, "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + types + "</Types>");
            Write(zip, "_rels/.rels",
                $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Namespace}\" xmlns:r=\"{Relationships}\">{WorkbookProperties}<sheets>{sheets}</sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>");
            Write(zip, "xl/styles.xml", Styles);
            Write(zip, "xl/worksheets/sheet1.xml", SheetXml ?? $"<worksheet xmlns=\"{Namespace}\"><sheetData>{Rows}</sheetData></worksheet>");
            foreach (var (name, content) in Extra)
            {
                Write(zip, name, content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A row of inline-string cells from column A.</summary>
    public static string TextRow(int number, params string[] values) =>
        $"<row r=\"{number}\">" + string.Concat(values.Select((v, i) => v.Length == 0 ? string.Empty : $"<c r=\"{Column(i)}{number}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(v)}</t></is></c>")) + "</row>";

    /// <summary>The milestone header in row 1 and one milestone in row 2 whose due-date cell (E2) is <paramref name="dueCell"/>.</summary>
    public static string MilestoneRows(string dueCell) =>
        TextRow(1, "MilestoneId", "Workstream", "Milestone", "Owner", "DueDate", "Status", "Commentary")
        + "<row r=\"2\">" + Cells(2, "WS1-01", "Leadership", "Deliver", "Lead") + dueCell + "<c r=\"F2\" t=\"inlineStr\"><is><t>In progress</t></is></c><c r=\"G2\" t=\"inlineStr\"><is><t>ok</t></is></c></row>";

    public static string Column(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string Cells(int row, params string[] values) =>
        string.Concat(values.Select((v, i) => $"<c r=\"{Column(i)}{row}\" t=\"inlineStr\"><is><t>{v}</t></is></c>"));

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
