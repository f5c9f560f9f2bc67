namespace SendFunctions.Core.Ingestion;

/// <summary>Files named .csv that are not comma-separated text, told apart from the first 64 KB so the owner hears what to change.</summary>
internal static class CsvSniffer
{
    public static ValidationIssue? Refuse(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return Issue(IssueCode.NotText, "The file is an Excel workbook saved with a .csv name. Upload it with the .xlsx extension, or use File > Save As > CSV UTF-8 in Excel.");
        }

        if (IsUtf16(head))
        {
            return Issue(IssueCode.Utf16, "The file is saved as Unicode text (UTF-16), which we do not read. In Excel use File > Save As > CSV UTF-8 (Comma delimited) and upload that file.");
        }

        if (head.Contains((byte)0))
        {
            return Issue(IssueCode.NotText, "The file is not a text CSV file: it contains binary data. In Excel use File > Save As > CSV UTF-8 (Comma delimited) and upload that file.");
        }

        return Separator(FirstLine(head)) switch
        {
            (byte)';' => Issue(IssueCode.WrongSeparator, "The values in this file are separated by semicolons (;), not commas, as Excel does when Windows is set to a European region. In Excel use File > Save As > CSV UTF-8 (Comma delimited), or change the list separator to a comma, and upload again."),
            (byte)'\t' => Issue(IssueCode.WrongSeparator, "The values in this file are separated by tabs, not commas (it is tab-delimited text). In Excel use File > Save As > CSV UTF-8 (Comma delimited) and upload that file."),
            _ => null,
        };
    }

    /// <summary>A UTF-16 byte order mark, or text whose every other byte is zero (UTF-16 without a mark).</summary>
    private static bool IsUtf16(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        var sample = head[..Math.Min(head.Length & ~1, 512)];
        if (sample.Length < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        return (oddZeros * 10 >= pairs * 9 && evenZeros == 0) || (evenZeros * 10 >= pairs * 9 && oddZeros == 0);
    }

    private static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> head)
    {
        while (!head.IsEmpty)
        {
            var end = head.IndexOfAny((byte)'\r', (byte)'\n');
            var line = end < 0 ? head : head[..end];
            if (!line.Trim(" \t,;\u00EF\u00BB\u00BF"u8).IsEmpty)
            {
                return line;
            }

            head = end < 0 ? [] : head[(end + 1)..];
        }

        return [];
    }

    /// <summary>';' or '\t' when the header line has no comma outside quotes but has one of those; else 0.</summary>
    private static byte Separator(ReadOnlySpan<byte> line)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var b in line)
        {
            if (b == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                commas += b == ',' ? 1 : 0;
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
        }

        return commas > 0 ? (byte)0 : semicolons > 0 ? (byte)';' : tabs > 0 ? (byte)'\t' : (byte)0;
    }

    private static ValidationIssue Issue(IssueCode code, string message) => new(null, null, null, code, message);
}
