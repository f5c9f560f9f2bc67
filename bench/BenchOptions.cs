using System.Globalization;

namespace SendFunctions.Bench;

/// <summary>Command line: the sizes to measure (10k and 100k rows; 1M with --large), rounds per size, readers only.</summary>
internal sealed record BenchOptions(IReadOnlyList<int> Sizes, int Rounds, bool ReadersOnly)
{
    public static BenchOptions? Parse(string[] args)
    {
        List<int> sizes = [10_000, 100_000];
        var rounds = 0;
        var readersOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--large":
                    sizes.Add(1_000_000);
                    break;
                case "--readers-only":
                    readersOnly = true;
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

        return sizes.TrueForAll(s => s > 0) ? new BenchOptions(sizes, rounds, readersOnly) : null;
    }

    /// <summary>More rounds for small files, where one round is short and noise larger.</summary>
    public int RoundsFor(int rows) => Rounds > 0 ? Rounds : rows switch { <= 10_000 => 15, <= 100_000 => 7, _ => 3 };
}
