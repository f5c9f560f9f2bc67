using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SendFunctions.Core.Ingestion;

/// <summary>Which cell styles show a number as a date or a percentage, from the workbook's number formats.</summary>
internal sealed class CellFormats
{
    private readonly CellKind[] kinds;

    private CellFormats(CellKind[] kinds) => this.kinds = kinds;

    public CellKind KindOf(uint styleIndex) => styleIndex < kinds.Length ? kinds[styleIndex] : CellKind.Number;

    public static CellFormats From(WorkbookStylesPart? styles)
    {
        var stylesheet = styles?.Stylesheet;
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            // A number format id defined twice is not what Excel writes; the first definition is used.
            if (format.NumberFormatId?.Value is { } id)
            {
                custom.TryAdd(id, format.FormatCode?.Value ?? string.Empty);
            }
        }

        var xfs = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var kinds = xfs.Select(xf => Classify(xf.NumberFormatId?.Value ?? 0, custom)).ToArray();
        return new CellFormats(kinds);
    }

    private static CellKind Classify(uint id, Dictionary<uint, string> custom)
    {
        // Built-in formats (ECMA-376 Part 1, 18.8.30): 9-10 are percentages; 14-22 and 45-47 are dates and times.
        if (id is 9 or 10)
        {
            return CellKind.Percent;
        }

        if (id is (>= 14 and <= 22) or (>= 45 and <= 47) or (>= 27 and <= 36) or (>= 50 and <= 58))
        {
            return CellKind.Date;
        }

        return custom.TryGetValue(id, out var code) ? ClassifyCode(code) : CellKind.Number;
    }

    private static CellKind ClassifyCode(string code)
    {
        var visible = StripLiterals(code);
        if (visible.Contains('%'))
        {
            return CellKind.Percent;
        }

        return visible.IndexOfAny(['d', 'm', 'y', 'D', 'M', 'Y']) >= 0 ? CellKind.Date : CellKind.Number;
    }

    /// <summary>Drops quoted text, escaped characters and bracketed sections such as [Red] or [$-809].</summary>
    private static string StripLiterals(string code)
    {
        var result = new System.Text.StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"')
            {
                i = code.IndexOf('"', i + 1) is var end && end < 0 ? code.Length : end;
            }
            else if (ch == '[')
            {
                i = code.IndexOf(']', i + 1) is var end && end < 0 ? code.Length : end;
            }
            else if (ch is '\\' or '_' or '*')
            {
                i++;
            }
            else
            {
                result.Append(ch);
            }
        }

        return result.ToString();
    }
}
