namespace SendFunctions.Core.Ingestion;

/// <summary>A column a dataset expects, with the other names owners use for it.</summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Aliases)
{
    /// <summary>Prose an owner writes (a milestone, a commentary, an action): checked for personal data (docs/privacy.md).</summary>
    public bool FreeText { get; init; }

    /// <summary>Header matching ignores case, spaces, underscores, hyphens, full stops and invisible format characters.</summary>
    public static string Normalise(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 256)];
        var length = 0;
        foreach (var ch in header.AsSpan(0, Math.Min(header.Length, 256)))
        {
            if (ch is ' ' or '_' or '-' or '.' || char.IsWhiteSpace(ch) || IssueValues.IsInvisible(ch))
            {
                continue;
            }

            buffer[length++] = char.ToLowerInvariant(ch);
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// A dataset's ID column: besides its own aliases it takes the headers people write for a reference,
    /// <c>{thing} Ref</c>, <c>{thing} ID</c>, <c>{thing} Reference</c> and <c>{thing} No.</c> ("Action Ref", "Risk ID").
    /// </summary>
    public static ColumnSpec Id(string name, string thing, params string[] aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(thing);
        string[] variants = [$"{thing} Ref", $"{thing} ID", $"{thing} Reference", $"{thing} No."];
        var all = aliases.Concat(variants).DistinctBy(Normalise).Where(a => Normalise(a) != Normalise(name)).ToArray();
        return new ColumnSpec(name, true, all);
    }

    public bool Matches(string normalisedHeader) =>
        Normalise(Name) == normalisedHeader || Aliases.Any(a => Normalise(a) == normalisedHeader);
}
