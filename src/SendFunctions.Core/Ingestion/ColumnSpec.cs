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

    public bool Matches(string normalisedHeader) =>
        Normalise(Name) == normalisedHeader || Aliases.Any(a => Normalise(a) == normalisedHeader);
}
