namespace SendFunctions.Core.Ingestion;

/// <summary>
/// One string per distinct short value in a file (workstreams, owners, units, statuses), so 100,000 rows naming six
/// workstreams hold six strings. Bounded: past <see cref="MaxEntries"/> distinct values a new value is simply made.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 4096;
    private const int MaxLength = 64;
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public StringPool() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text) => Get(text, out _);

    public string Get(ReadOnlySpan<char> text, out bool found)
    {
        found = false;
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        if (lookup.TryGetValue(text, out var pooled))
        {
            found = true;
            return pooled;
        }

        var made = text.ToString();
        if (strings.Count < MaxEntries)
        {
            strings.Add(made, made);
        }

        return made;
    }

    /// <summary>The pooled form of <paramref name="text"/> made by <paramref name="make"/> (a normalised key), computed once per distinct text.</summary>
    public string Derived(ReadOnlySpan<char> text, Func<string, string> make)
    {
        if (text.Length > MaxLength)
        {
            return make(text.ToString());
        }

        if (lookup.TryGetValue(text, out var derived))
        {
            return derived;
        }

        var key = text.ToString();
        var made = make(key);
        if (strings.Count < MaxEntries)
        {
            strings.Add(key, made);
        }

        return made;
    }
}
