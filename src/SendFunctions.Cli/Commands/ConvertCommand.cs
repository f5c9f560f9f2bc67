using System.CommandLine;
using SendFunctions.Core.Spreadsheets;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx convert IN.csv OUT.xlsx</c>: a CSV drop as a workbook with real date, number and percentage cells.</summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<FileInfo>("csv") { Description = "The CSV drop to convert." };
        var target = new Argument<FileInfo>("xlsx") { Description = "The workbook to write." };
        var sheet = new Option<string?>("--sheet") { Description = "Sheet name (default: the CSV file's name)." };
        var command = new Command("convert", "Convert a CSV drop into an Excel workbook with typed cells.") { input, target, sheet };
        command.SetAction(result =>
        {
            var csv = result.GetValue(input)!;
            if (!csv.Exists)
            {
                error.WriteLine($"No such file: {csv.FullName}");
                return SendfxApp.Usage;
            }

            using var source = File.OpenRead(csv.FullName);
            var opened = TableSource.Open(source, FileFormat.Csv, Dataset.Milestones, IngestionLimits.Default);
            if (opened.Source is null)
            {
                error.WriteLine(opened.Error!.Message);
                return SendfxApp.Failed;
            }

            using var table = opened.Source;
            var xlsx = result.GetValue(target)!;
            using (var stream = File.Create(xlsx.FullName))
            {
                WorkbookBuilder.Write(stream, result.GetValue(sheet) ?? Path.GetFileNameWithoutExtension(csv.Name), table.ReadRows().Select(ToWorkbookRow));
            }

            output.WriteLine($"{xlsx.FullName}");
            return SendfxApp.Ok;
        });
        return command;
    }

    private static WorkbookValue[] ToWorkbookRow(SourceRow row, int index) =>
        row.Cells.Select(c => index == 0 ? (WorkbookValue)c.Text : Typed(c.Text.Trim())).ToArray();

    private static WorkbookValue Typed(string text)
    {
        if (CellParser.TryParseDate(text, out var date))
        {
            return WorkbookValue.Of(date);
        }

        if (text.EndsWith('%') && CellParser.TryParseNumber(text, out var percent))
        {
            return WorkbookValue.Percent((double)percent / 100);
        }

        return text.Length > 0 && char.IsAsciiDigit(text[^1]) && CellParser.TryParseNumber(text, out var number) && !text.Contains('-', StringComparison.Ordinal)
            ? WorkbookValue.Of((double)number)
            : text;
    }
}
