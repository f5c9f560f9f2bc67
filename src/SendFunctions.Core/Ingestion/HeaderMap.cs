namespace SendFunctions.Core.Ingestion;

/// <summary>Which source column holds each expected column, found from the header row once per file.</summary>
public sealed class HeaderMap
{
    private readonly string[] names;
    private readonly int[] indexes;
    private readonly string[] headers;
    private int lastFound;

    private HeaderMap(string[] names, int[] indexes, string[] headers)
    {
        this.names = names;
        this.indexes = indexes;
        this.headers = headers;
    }

    internal static HeaderMap Build(TableReader header, IReadOnlyList<ColumnSpec> specs, IssueLog errors, IssueLog warnings)
    {
        var names = specs.Select(s => s.Name).ToArray();
        var indexes = Enumerable.Repeat(-1, specs.Count).ToArray();
        var headers = (string[])names.Clone();
        var unknown = new List<(string Header, string Key)>();
        for (var i = 0; i < header.Count; i++)
        {
            var text = HeaderText(header, i);
            if (text.Length == 0)
            {
                continue;
            }

            var key = ColumnSpec.Normalise(text);
            var spec = IndexOfSpec(specs, key);
            if (spec < 0)
            {
                if (unknown.Count < HeaderSuggestion.MaxCandidates)
                {
                    unknown.Add((IssueValues.Shorten(text), key));
                }

                warnings.Add(new ValidationIssue(header.RowNumber, IssueValues.Shorten(text), null, IssueCode.UnknownColumn,
                    $"The column '{IssueValues.Shorten(text)}' is not one we use, so it was ignored. Expected columns: {string.Join(", ", specs.Select(s => s.Name))}."));
            }
            else if (indexes[spec] >= 0)
            {
                errors.Add(new ValidationIssue(header.RowNumber, IssueValues.Shorten(text), null, IssueCode.DuplicateColumn,
                    $"The columns '{headers[spec]}' and '{IssueValues.Shorten(text)}' both give {specs[spec].Name}. Keep one of them and delete the other."));
            }
            else
            {
                indexes[spec] = i;
                headers[spec] = IssueValues.Shorten(text);
            }
        }

        for (var s = 0; s < specs.Count; s++)
        {
            var spec = specs[s];
            if (spec.Required && indexes[s] < 0)
            {
                var aliases = spec.Aliases.Length == 0 ? string.Empty : $" (or {string.Join(", ", spec.Aliases.Select(a => $"'{a}'"))})";
                var message = HeaderSuggestion.Closest(spec, unknown) is { } near
                    ? $"The required column '{spec.Name}'{aliases} is missing from the header row. Did you mean '{near}'? If so, rename it to {spec.Name}; if not, add the column and fill it in for every row."
                    : $"The required column '{spec.Name}'{aliases} is missing from the header row. Add it and fill it in for every row.";
                errors.Add(new ValidationIssue(header.RowNumber, spec.Name, null, IssueCode.MissingColumn, message));
            }
        }

        return new HeaderMap(names, indexes, headers);
    }

    /// <summary>The header as the owner wrote it, for messages; the expected name when the column is absent.</summary>
    public string HeaderOf(string name) => headers[Find(name)];

    /// <summary>The source column holding <paramref name="name"/>, or -1.</summary>
    internal int IndexOf(string name) => indexes[Find(name)];

    /// <summary>The position among the expected columns: the names are the schema's own constants, so a reference comparison finds them.</summary>
    internal int Find(string name)
    {
        // Schemas read a row's columns in the same order every row, so the search starts where the last one ended.
        // The next column is found without dividing (this runs for every cell a rule reads).
        var at = lastFound;
        for (var k = 0; k < names.Length; k++)
        {
            if (ReferenceEquals(names[at], name))
            {
                lastFound = at;
                return at;
            }

            at = at + 1 == names.Length ? 0 : at + 1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a column of this dataset.", nameof(name));
    }

    internal int ColumnCount => names.Length;

    private static string HeaderText(TableReader header, int column) => header.TextOf(column).Trim().ToString();

    private static int IndexOfSpec(IReadOnlyList<ColumnSpec> specs, string key)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            if (specs[i].Matches(key))
            {
                return i;
            }
        }

        return -1;
    }
}
