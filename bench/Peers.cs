using ExcelDataReader;
using Sylvan.Data.Csv;

namespace SendFunctions.Bench;

/// <summary>
/// The readers a user would compare the project with, each reading every field of the same file: a string per CSV field
/// (Sylvan.Data.Csv), a typed value per worksheet cell (ExcelDataReader). They validate nothing: the lower bound for reading.
/// </summary>
internal static class Peers
{
    public static int SylvanCsv(string path)
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var reader = CsvDataReader.Create(text);
        var rows = 0;
        long length = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                length += reader.GetString(i).Length;
            }

            rows++;
        }

        GC.KeepAlive(length);
        return rows;
    }

    public static int ExcelDataReaderXlsx(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = 0;
        var seen = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                seen += reader.GetValue(i) is null ? 0 : 1;
            }

            rows++;
        }

        GC.KeepAlive(seen);
        return rows - 1;
    }
}
