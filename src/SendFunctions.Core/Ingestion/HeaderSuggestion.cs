namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The column in a file that most resembles a missing required one ("Ownr" for Owner, "Due Dte" for DueDate), so the
/// error can ask "did you mean ...?". Only headers the dataset does not use are candidates: a header that already gives
/// another column is never offered.
/// </summary>
internal static class HeaderSuggestion
{
    /// <summary>Only the first unknown headers are candidates: a sheet with thousands of stray columns costs no more.</summary>
    public const int MaxCandidates = 64;

    /// <summary>The unknown header closest to the column's name or one of its aliases, or null when none is close.</summary>
    /// <param name="unknownHeaders">Each header as written, with its normalised key.</param>
    public static string? Closest(ColumnSpec spec, IReadOnlyList<(string Header, string Key)> unknownHeaders)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (header, key) in unknownHeaders)
        {
            if (key.Length == 0)
            {
                continue;
            }

            foreach (var name in spec.Aliases.Prepend(spec.Name))
            {
                var target = ColumnSpec.Normalise(name);
                var distance = Distance(key, target);
                if (IsClose(key, target, distance) && distance < bestDistance)
                {
                    best = header;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Close means a typo or two (up to a third of the name's letters), or one name holding the other whole
    /// ("Owner Name" for Owner) where the shorter has at least four letters, so "ID" is not found in every header.
    /// </summary>
    private static bool IsClose(string key, string target, int distance) =>
        distance <= Math.Max(1, target.Length / 3)
        || (Math.Min(key.Length, target.Length) >= 4 && (key.Contains(target, StringComparison.Ordinal) || target.Contains(key, StringComparison.Ordinal)));

    /// <summary>Levenshtein distance on the normalised names (at most 256 characters each).</summary>
    private static int Distance(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
