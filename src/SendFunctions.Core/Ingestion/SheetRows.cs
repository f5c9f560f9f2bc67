using System.Globalization;
using System.Xml;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// A worksheet body read from XmlReader events: the attributes of &lt;c&gt; and the text of &lt;v&gt; and inline strings go
/// into buffers reused for every row, so memory stays flat whatever the sheet's size. Cell references past Excel's grid are
/// refused before anything is sized from them.
/// </summary>
internal sealed class SheetRows : IDisposable
{
    /// <summary>Excel's grid: columns A to XFD, rows 1 to 1,048,576.</summary>
    public const int MaxColumns = 16_384;
    public const int MaxRows = 1_048_576;

    /// <summary>Days between the 1904 and the 1900 date systems' day zero.</summary>
    private const double Days1904 = 1462;

    private readonly XmlReader reader;
    private readonly SheetXml xml = new();
    private readonly IReadOnlyList<string> sharedStrings;
    private readonly CellFormats formats;
    private readonly bool date1904;
    private readonly CharBuffer text = new();
    private readonly CharBuffer value = new();
    private CellKind[] kinds = new CellKind[16];
    private double[] numbers = new double[16];
    private string?[] strings = new string?[16];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int rowNumber;

    public SheetRows(Stream sheet, IReadOnlyList<string> sharedStrings, CellFormats formats, bool date1904)
    {
        reader = XmlReader.Create(sheet, xml.Settings);
        this.sharedStrings = sharedStrings;
        this.formats = formats;
        this.date1904 = date1904;
    }

    public int RowNumber => rowNumber;

    public int Count { get; private set; }

    public CellKind KindOf(int column) => column < Count ? kinds[column] : CellKind.Text;

    public double NumberOf(int column) => column < Count ? numbers[column] : 0;

    public ReadOnlySpan<char> TextOf(int column) =>
        column >= Count ? [] : strings[column] is { } shared ? shared : text.Slice(starts[column], lengths[column]);

    /// <summary>Moves to the next row with a non-blank cell.</summary>
    public bool Next()
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, xml.Row))
            {
                StartRow();
                if (!reader.IsEmptyElement)
                {
                    ReadCells();
                }

                if (HasValue())
                {
                    return true;
                }
            }
        }

        Count = 0;
        return false;
    }

    public void Dispose() => reader.Dispose();

    private void StartRow()
    {
        var r = reader.GetAttribute("r");
        var number = rowNumber + 1;
        if (r is not null && r.Length > 0 && !r.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            number = r.Length > 9 ? int.MaxValue : int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (number is < 1 or > MaxRows)
        {
            throw new MalformedTableException($"A row is numbered {IssueValues.Shorten(r ?? string.Empty)}, outside Excel's grid (rows 1 to 1,048,576). The file was not saved by Excel: open it in Excel, save it again as Excel Workbook (.xlsx) and upload the new file.");
        }

        rowNumber = number;
        Count = 0;
        text.Clear();
    }

    /// <summary>Reads the cells up to the row's end tag.</summary>
    private void ReadCells()
    {
        var depth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, xml.Cell))
            {
                ReadCell();
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                return;
            }
        }
    }

    private void ReadCell()
    {
        var column = Count;
        string? type = null;
        uint style = 0;
        while (reader.MoveToNextAttribute())
        {
            switch (reader.LocalName)
            {
                case "r":
                    column = ColumnIndex(reader.Value, Count);
                    break;
                case "t":
                    type = reader.Value;
                    break;
                case "s":
                    style = uint.TryParse(reader.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                    break;
            }
        }

        reader.MoveToElement();
        if (column >= MaxColumns)
        {
            throw new MalformedTableException($"Row {rowNumber} has a cell beyond column XFD, the last column Excel has. The file was not saved by Excel: open it in Excel, save it again as Excel Workbook (.xlsx) and upload the new file.");
        }

        value.Clear();
        var hasValue = false;
        var hasFormula = false;
        if (!reader.IsEmptyElement)
        {
            (hasValue, hasFormula) = ReadCellContent(type == "inlineStr");
        }

        Place(column, type, style, hasValue, hasFormula);
    }

    /// <summary>The cell's &lt;v&gt; text, or its inline string's text (runs joined, phonetic guides left out), into <see cref="value"/>.</summary>
    private (bool HasValue, bool HasFormula) ReadCellContent(bool inline)
    {
        var depth = reader.Depth;
        var hasValue = false;
        var hasFormula = false;
        var phoneticDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, xml.Value))
                {
                    hasValue = true;
                    if (!reader.IsEmptyElement)
                    {
                        SheetXml.AppendContent(reader, value);
                    }
                }
                else if (ReferenceEquals(name, xml.Formula))
                {
                    hasFormula = true;
                }
                else if (ReferenceEquals(name, xml.Phonetic) && !reader.IsEmptyElement)
                {
                    phoneticDepth = reader.Depth;
                }
                else if (inline && ReferenceEquals(name, xml.Text) && phoneticDepth < 0)
                {
                    hasValue = true;
                    if (!reader.IsEmptyElement)
                    {
                        SheetXml.AppendContent(reader, value);
                    }
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.Depth == depth)
                {
                    break;
                }

                if (reader.Depth == phoneticDepth)
                {
                    phoneticDepth = -1;
                }
            }
        }

        return (hasValue, hasFormula);
    }

    private void Place(int column, string? type, uint style, bool hasValue, bool hasFormula)
    {
        Grow(column + 1);
        for (var i = Count; i <= column; i++)
        {
            kinds[i] = CellKind.Text;
            numbers[i] = 0;
            strings[i] = string.Empty;
        }

        Count = Math.Max(Count, column + 1);
        var raw = value.Slice(0, value.Length);
        kinds[column] = CellKind.Text;
        numbers[column] = 0;
        strings[column] = null;
        if (hasFormula && !hasValue)
        {
            kinds[column] = CellKind.UncalculatedFormula;
            strings[column] = string.Empty;
            return;
        }

        switch (type)
        {
            case "s":
                strings[column] = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : string.Empty;
                return;
            case "inlineStr" or "str":
                Keep(column, raw);
                return;
            case "e":
                kinds[column] = CellKind.Error;
                Keep(column, raw);
                return;
            case "b":
                strings[column] = raw is "1" ? "TRUE" : "FALSE";
                return;
            case "d":
                PlaceIsoDate(column, raw);
                return;
        }

        if (raw.IsEmpty)
        {
            strings[column] = string.Empty;
            return;
        }

        Keep(column, raw);
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var kind = formats.KindOf(style);
            kinds[column] = kind;
            numbers[column] = kind == CellKind.Date && date1904 ? number + Days1904 : number;
        }
    }

    /// <summary>A date cell written as ISO 8601 text (t="d"), as Strict workbooks and some tools save dates: read as its day.</summary>
    private void PlaceIsoDate(int column, ReadOnlySpan<char> raw)
    {
        Keep(column, raw);
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            kinds[column] = CellKind.Date;
            numbers[column] = date1904 ? serial + Days1904 : serial;
        }
        else if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AllowWhiteSpaces, out var when)
            && when.Year >= 1900)
        {
            kinds[column] = CellKind.Date;
            numbers[column] = when.Date.ToOADate();
        }
    }

    private void Keep(int column, ReadOnlySpan<char> raw)
    {
        starts[column] = text.Length;
        lengths[column] = raw.Length;
        text.Append(raw);
    }

    private bool HasValue()
    {
        for (var i = 0; i < Count; i++)
        {
            if (kinds[i] != CellKind.Text || !TextOf(i).IsWhiteSpace())
            {
                return true;
            }
        }

        return false;
    }

    private void Grow(int size)
    {
        if (size <= kinds.Length)
        {
            return;
        }

        var length = Math.Min(MaxColumns, Math.Max(size, kinds.Length * 2));
        Array.Resize(ref kinds, length);
        Array.Resize(ref numbers, length);
        Array.Resize(ref strings, length);
        Array.Resize(ref starts, length);
        Array.Resize(ref lengths, length);
    }

    /// <summary>The zero-based column of a reference such as "AB12"; a reference without letters means the next cell.</summary>
    private static int ColumnIndex(string reference, int next)
    {
        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }

            if (++letters > 3)
            {
                return MaxColumns;
            }

            index = (index * 26) + (ch - 'A' + 1);
        }

        return letters == 0 ? next : index - 1;
    }
}
