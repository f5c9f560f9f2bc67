using System.IO.Compression;
using System.Text;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Spreadsheets;
using SendFunctions.Core.Tests.Support;
using static SendFunctions.Core.Tests.Support.RawWorkbook;

namespace SendFunctions.Core.Tests.Ingestion.Hostile;

/// <summary>The workbook half of the hostile corpus (issue 17 item 3).</summary>
internal static class XlsxCorpus
{
    private const string DueSerial = "<c r=\"E2\" s=\"1\"><v>45747</v></c>";

    public static IEnumerable<HostileCase> All()
    {
        yield return Xlsx("well-formed", Raw(MilestoneRows(DueSerial)), true, null);
        yield return Xlsx("date-1904-system", () => new RawWorkbook { WorkbookProperties = "<workbookPr date1904=\"1\"/>", Rows = MilestoneRows("<c r=\"E2\" s=\"1\"><v>44285</v></c>") }.ToBytes(), true, null);
        yield return Xlsx("date-cell-with-time", Raw(MilestoneRows("<c r=\"E2\" s=\"1\"><v>45747.75</v></c>")), true, null);
        yield return Xlsx("serial-60", Raw(MilestoneRows("<c r=\"E2\" s=\"1\"><v>60</v></c>")), false, IssueCode.BadDate);
        yield return Xlsx("iso-date-cell", Raw(MilestoneRows("<c r=\"E2\" t=\"d\"><v>2025-03-31T00:00:00</v></c>")), true, null);
        yield return Xlsx("error-cell", Raw(MilestoneRows("<c r=\"E2\" t=\"e\"><f>VLOOKUP(A2,X!A:B,2,0)</f><v>#N/A</v></c>")), false, IssueCode.CellError);
        yield return Xlsx("formula-without-cached-value", Raw(MilestoneRows("<c r=\"E2\" s=\"1\"><f>TODAY()+30</f></c>")), false, IssueCode.UncalculatedFormula);
        yield return Xlsx("numbers-and-percentages-as-text", () => new RawWorkbook
        {
            SheetName = "Metrics",
            Rows = TextRow(1, "MetricId", "Metric", "Area", "Unit", "Polarity", "Value", "Target") + TextRow(2, "EHCP20", "EHCPs", "EHCP", "%", "Higher", "37%", "58"),
        }.ToBytes(), true, null, dataset: Dataset.Metrics);
        yield return Xlsx("rich-inline-string", Raw(MilestoneRows("<c r=\"E2\" t=\"inlineStr\"><is><r><t>31/03/</t></r><r><rPr><b/></rPr><t>2025</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></is></c>")), true, null);
        yield return Xlsx("rich-shared-strings", () => new RawWorkbook
        {
            SharedStrings = $"<sst xmlns=\"{Main}\"><si><r><t>31/03/</t></r><r><t>2025</t></r></si><si><t>In progress</t></si></sst>",
            Rows = MilestoneRows("<c r=\"E2\" t=\"s\"><v>0</v></c>"),
        }.ToBytes(), true, null);
        yield return Xlsx("shared-string-index-out-of-range", Raw(MilestoneRows("<c r=\"E2\" t=\"s\"><v>99999</v></c>")), false, IssueCode.RequiredValue);
        yield return Xlsx("dataset-sheet-after-another", () => new RawWorkbook { Before = [("Notes", false)], Rows = MilestoneRows(DueSerial) }.ToBytes(), true, null);
        yield return Xlsx("merged-cells", () => new RawWorkbook
        {
            SheetXml = $"<worksheet xmlns=\"{Main}\"><sheetData>{MilestoneRows(DueSerial)}</sheetData><mergeCells count=\"1\"><mergeCell ref=\"H1:J1\"/></mergeCells></worksheet>",
        }.ToBytes(), true, null);
        yield return Xlsx("strict-open-xml", () => new RawWorkbook { Namespace = "http://purl.oclc.org/ooxml/spreadsheetml/main", Rows = MilestoneRows(DueSerial) }.ToBytes(), null, null);
        yield return Xlsx("shared-strings-bomb", SharedStringsBomb, false, null, 400L * 1024 * 1024);
        yield return Xlsx("dtd-entity-expansion", () => new RawWorkbook
        {
            SheetXml = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + $"<worksheet xmlns=\"{Main}\"><sheetData>{TextRow(1, "MilestoneId")}<row r=\"2\"><c t=\"inlineStr\"><is><t>&d;&d;&d;&d;</t></is></c></row></sheetData></worksheet>",
        }.ToBytes(), false, null);
        yield return Xlsx("external-entity", () => new RawWorkbook
        {
            SheetXml = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + $"<worksheet xmlns=\"{Main}\"><sheetData>{TextRow(1, "MilestoneId")}<row r=\"2\"><c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>",
        }.ToBytes(), false, null);
        yield return Xlsx("zip-path-traversal", () => new RawWorkbook { Rows = MilestoneRows(DueSerial), Extra = [("../../evil.xml", "<x/>"), ("/etc/evil.xml", "<x/>")] }.ToBytes(), null, null);
        yield return Xlsx("duplicate-zip-entries", () => new RawWorkbook { Rows = MilestoneRows(DueSerial), Extra = [("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData/></worksheet>")] }.ToBytes(), false, null);
        yield return Xlsx("truncated-zip", () => Raw(MilestoneRows(DueSerial))()[..600], false, IssueCode.NotXlsx);
        yield return Xlsx("xls-renamed", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]], false, IssueCode.Encrypted);
        yield return Xlsx("xlsm-renamed", MacroWorkbook, null, null);
        yield return Xlsx("ods-renamed", OpenDocument, false, IssueCode.NotXlsx);
        yield return Xlsx("empty-sheet", Raw(string.Empty), false, IssueCode.EmptyFile);
        yield return Xlsx("two-hundred-sheets", () => new RawWorkbook { Before = [.. Enumerable.Range(0, 199).Select(i => ($"Sheet{i}", false))], Rows = MilestoneRows(DueSerial) }.ToBytes(), true, null);
        yield return Xlsx("cell-beyond-column-xfd", Raw(TextRow(1, "MilestoneId") + "<row r=\"3\"><c r=\"ZZZZZZ3\" t=\"inlineStr\"><is><t>x</t></is></c></row>"), false, IssueCode.ReadFailed);
        yield return Xlsx("row-beyond-excel", Raw(TextRow(1, "MilestoneId") + "<row r=\"99999999999\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>"), false, IssueCode.ReadFailed);
        yield return Xlsx("nan-number-cell", () => MetricCells("<c r=\"F2\"><v>NaN</v></c>"), false, IssueCode.BadNumber, dataset: Dataset.Metrics);
        yield return Xlsx("huge-number-cell", () => MetricCells("<c r=\"F2\"><v>1E+300</v></c>"), false, IssueCode.BadNumber, dataset: Dataset.Metrics);
        yield return Xlsx("chart-sheet-first", () => new RawWorkbook { SheetName = "Data", Before = [("Chart1", true)], Rows = MilestoneRows(DueSerial) }.ToBytes(), true, null);
        yield return Xlsx("sheet-relationship-points-nowhere", () => new RawWorkbook { SheetRelationshipId = "rIdMissing", Rows = MilestoneRows(DueSerial) }.ToBytes(), false, IssueCode.NotXlsx);
        yield return Xlsx("duplicated-number-format-id", () => new RawWorkbook
        {
            Styles = $"<styleSheet xmlns=\"{Main}\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"164\" formatCode=\"0.0\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>",
            Rows = MilestoneRows(DueSerial),
        }.ToBytes(), true, null);
        yield return Xlsx("damaged-sheet-xml", () => new RawWorkbook { SheetXml = $"<worksheet xmlns=\"{Main}\"><sheetData>{MilestoneRows(DueSerial)}<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>WS1" }.ToBytes(), false, IssueCode.ReadFailed);
        yield return Xlsx("ten-thousand-columns", () => new RawWorkbook { Rows = TextRow(1, [.. Enumerable.Range(0, 10_000).Select(i => $"H{i}")]) + TextRow(2, "x") }.ToBytes(), false, IssueCode.MissingColumn);
        yield return Xlsx("zip-bomb", ZipBomb, false, IssueCode.TooLarge);
        yield return Xlsx("random-bytes-after-zip-signature", () => [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))], false, null);
        yield return Xlsx("made-by-workbook-builder", () => Drops.Workbook("Milestones",
            ["MilestoneId", "Workstream", "Milestone", "Owner", "DueDate"], ["WS1-01", "Leadership", "Deliver", "Lead", WorkbookValue.Of(new DateOnly(2025, 3, 31))]), true, null);
    }

    private static HostileCase Xlsx(string name, Func<byte[]> make, bool? valid, IssueCode? expected, long ceiling = HostileCase.Ceiling, Dataset dataset = Dataset.Milestones) =>
        new("xlsx/" + name, dataset, FileFormat.Xlsx, make, valid ?? false, expected, ceiling) { AnyOutcome = valid is null };

    private static Func<byte[]> Raw(string rows) => () => new RawWorkbook { Rows = rows }.ToBytes();

    private static byte[] MetricCells(string valueCell) => new RawWorkbook
    {
        SheetName = "Metrics",
        Rows = TextRow(1, "MetricId", "Metric", "Area", "Unit", "Polarity", "Value")
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>M1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>m</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>a</t></is></c>"
            + "<c r=\"D2\" t=\"inlineStr\"><is><t>count</t></is></c><c r=\"E2\" t=\"inlineStr\"><is><t>higher</t></is></c>" + valueCell + "</row>",
    }.ToBytes();

    /// <summary>Two million empty shared strings: under the size limit, and nothing is sized from the count the file claims.</summary>
    private static byte[] SharedStringsBomb()
    {
        var items = new StringBuilder($"<sst xmlns=\"{Main}\" count=\"2147483647\" uniqueCount=\"2147483647\">");
        for (var i = 0; i < 2_000_000; i++)
        {
            items.Append("<si><t/></si>");
        }

        return new RawWorkbook { SharedStrings = items.Append("</sst>").ToString(), Rows = TextRow(1, "MilestoneId") }.ToBytes();
    }

    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                entry.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    private static byte[] MacroWorkbook()
    {
        var bytes = new RawWorkbook { Rows = MilestoneRows(DueSerial) }.ToBytes();
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var types = zip.GetEntry("[Content_Types].xml")!;
            string text;
            using (var reader = new StreamReader(types.Open()))
            {
                text = reader.ReadToEnd();
            }

            types.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write(text.Replace("sheet.main+xml", "sheet.macroEnabled.main+xml", StringComparison.Ordinal));
        }

        return stream.ToArray();
    }

    private static byte[] OpenDocument()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                writer.Write("application/vnd.oasis.opendocument.spreadsheet");
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml").Open());
            content.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        }

        return stream.ToArray();
    }
}
