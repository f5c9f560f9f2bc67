using System.Globalization;
using System.Text;
using SendFunctions.Bench;

// sendfx-bench: the project's drop readers beside the field's readers on the same generated files, then the status
// engine and the renderer. Ratios are medians of per-round ratios, cases interleaved after warm-up.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // ExcelDataReader needs code page 1252 on .NET
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: sendfx-bench [--rows N[,N...]] [--large] [--rounds N] [--readers-only | --only readers,status,render]");
    return 2;
}

if (options.Parts.HasFlag(BenchPart.Readers))
{
    ReaderBench.Run(options, Console.Out);
}

if (options.Parts.HasFlag(BenchPart.Status))
{
    StatusBench.Run(10_000, Console.Out);
}

if (options.Parts.HasFlag(BenchPart.Render))
{
    RenderBench.Run(Console.Out);
}

return 0;
