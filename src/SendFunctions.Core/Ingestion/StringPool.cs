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

    /// <summary>
    /// The last values met, by a slot chosen from their length and end characters: a column of a few repeated values
    /// (units, statuses) is matched here with one comparison, without hashing. Only values held in the pool go in, so a
    /// value found here is one the dictionary would have found.
    /// </summary>
    private readonly string?[] recentText = new string?[RecentSlots];
    private readonly string?[] recentValue = new string?[RecentSlots];

    private const int RecentSlots = 64;

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

        var slot = Slot(text);
        if (recentText[slot] is { } recent && text.SequenceEqual(recent))
        {
            found = true;
            return recentValue[slot]!;
        }

        if (lookup.TryGetValue(text, out var pooled))
        {
            found = true;
            Remember(slot, pooled, pooled);
            return pooled;
        }

        var made = text.ToString();
        if (strings.Count < MaxEntries)
        {
            strings.Add(made, made);
            Remember(slot, made, made);
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

        if (text.IsEmpty)
        {
            return make(string.Empty);
        }

        var slot = Slot(text);
        if (recentText[slot] is { } recent && text.SequenceEqual(recent))
        {
            return recentValue[slot]!;
        }

        if (lookup.TryGetValue(text, out var original, out var derived))
        {
            Remember(slot, original, derived);
            return derived;
        }

        var key = text.ToString();
        var made = make(key);
        if (strings.Count < MaxEntries)
        {
            strings.Add(key, made);
            Remember(slot, key, made);
        }

        return made;
    }

    /// <summary>The length and the first, middle and last characters, each multiplied by an odd constant and mixed; the top six bits.</summary>
    private static int Slot(ReadOnlySpan<char> text) => (int)(unchecked(
        ((uint)text.Length * 0x9E3779B1u) ^ (text[0] * 0x85EBCA6Bu) ^ (text[^1] * 0xC2B2AE35u) ^ (text[text.Length / 2] * 0x27D4EB2Fu)) >> 26);

    private void Remember(int slot, string text, string value)
    {
        recentText[slot] = text;
        recentValue[slot] = value;
    }
}
