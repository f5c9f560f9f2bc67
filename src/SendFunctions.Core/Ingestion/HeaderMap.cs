namespace SendFunctions.Core.Ingestion;

/// <summary>Which source column holds each expected column, found from the header row.</summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, (int Index, string Header)> columns;

    private HeaderMap(Dictionary<string, (int Index, string Header)> columns) => this.columns = columns;

    public static HeaderMap Build(SourceRow header, IReadOnlyList<ColumnSpec> specs, List<ValidationIssue> errors, List<ValidationIssue> warnings)
    {
        var found = new Dictionary<string, (int Index, string Header)>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var key = ColumnSpec.Normalise(text);
            var spec = specs.FirstOrDefault(s => s.Matches(key));
            if (spec is null)
            {
                warnings.Add(new ValidationIssue(header.Number, text, null, IssueCode.UnknownColumn,
                    $"The column '{text}' is not one we use, so it was ignored. Expected columns: {string.Join(", ", specs.Select(s => s.Name))}."));
            }
            else if (found.TryGetValue(spec.Name, out var first))
            {
                errors.Add(new ValidationIssue(header.Number, text, null, IssueCode.DuplicateColumn,
                    $"The columns '{first.Header}' and '{text}' both give {spec.Name}. Keep one of them and delete the other."));
            }
            else
            {
                found[spec.Name] = (i, text);
            }
        }

        foreach (var spec in specs.Where(s => s.Required && !found.ContainsKey(s.Name)))
        {
            var aliases = spec.Aliases.Length == 0 ? string.Empty : $" (or {string.Join(", ", spec.Aliases.Select(a => $"'{a}'"))})";
            errors.Add(new ValidationIssue(header.Number, spec.Name, null, IssueCode.MissingColumn,
                $"The required column '{spec.Name}'{aliases} is missing from the header row. Add it and fill it in for every row."));
        }

        return new HeaderMap(found);
    }

    /// <summary>The header as the owner wrote it, for messages; the expected name when the column is absent.</summary>
    public string HeaderOf(string name) => columns.TryGetValue(name, out var c) ? c.Header : name;

    public Cell CellOf(SourceRow row, string name) => columns.TryGetValue(name, out var c) ? row[c.Index] : Cell.Empty;
}
