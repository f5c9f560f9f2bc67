using System.Globalization;

namespace SendFunctions.Bench;

/// <summary>Command line: the sizes to measure (10k and 100k rows; 1M with --large), rounds per size, and which parts to run.</summary>
internal sealed record BenchOptions(IReadOnlyList<int> Sizes, int Rounds, BenchPart Parts)
{
    public static BenchOptions? Parse(string[] args)
    {
        List<int> sizes = [10_000, 100_000];
        var rounds = 0;
        var parts = BenchPart.All;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--large":
                    sizes.Add(1_000_000);
                    break;
                case "--readers-only":
                    parts = BenchPart.Readers;
                    break;
                case "--only" when i + 1 < args.Length:
                    parts = BenchPart.None;
                    foreach (var name in args[++i].Split(','))
                    {
                        if (!Enum.TryParse<BenchPart>(name, ignoreCase: true, out var part) || part is BenchPart.None or BenchPart.All)
                        {
                            return null;
                        }

                        parts |= part;
                    }

                    break;
                case "--rows" when i + 1 < args.Length:
                    sizes = [.. args[++i].Split(',').Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))];
                    break;
                case "--rounds" when i + 1 < args.Length:
                    rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    return null;
            }
        }

        return sizes.TrueForAll(s => s > 0) ? new BenchOptions(sizes, rounds, parts) : null;
    }

    /// <summary>More rounds for small files, where one round is short and noise larger.</summary>
    public int RoundsFor(int rows) => Rounds > 0 ? Rounds : rows switch { <= 10_000 => 15, <= 100_000 => 7, _ => 3 };
}

[Flags]
internal enum BenchPart
{
    None = 0,
    Readers = 1,
    Status = 2,
    Render = 4,
    All = Readers | Status | Render,
}
