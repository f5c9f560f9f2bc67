using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Privacy;

/// <summary>
/// The personal-data check of one drop (docs/privacy.md). <see cref="Check"/> looks at every free-text cell of a row and
/// adds one issue per kind found, naming the row, the column and the kind, never the value. <see cref="Withhold"/> then
/// takes the value out of every other issue that could carry it, so no report, email or terminal shows it.
/// </summary>
internal sealed class PersonalDataGuard(PersonalDataPolicy policy, IReadOnlyList<ColumnSpec> columns)
{
    private const string Withheld = "[withheld: possible personal data]";

    private readonly ColumnSpec[] freeText = [.. columns.Where(c => c.FreeText)];

    /// <summary>Cells with a finding, by row number and the header as the owner wrote it.</summary>
    private readonly HashSet<(int Row, string Column)> flaggedCells = [];

    private readonly HashSet<int> flaggedRows = [];

    /// <summary>The source column of each free-text column, resolved once for the file's header map.</summary>
    private int[] indexes = [];

    private HeaderMap? indexedBy;

    /// <summary>Resolves the columns for a new header map; apart from <see cref="Check"/> so its lambda's closure is not made for every row.</summary>
    private void IndexBy(HeaderMap map)
    {
        indexes = [.. freeText.Select(c => map.IndexOf(c.Name))];
        indexedBy = map;
    }

    public void Check(TableReader row, HeaderMap map, IssueLog errors, IssueLog warnings)
    {
        if (!ReferenceEquals(map, indexedBy))
        {
            IndexBy(map);
        }

        for (var c = 0; c < freeText.Length; c++)
        {
            var column = freeText[c];
            var index = indexes[c];
            if (index < 0 || index >= (row is CsvTableSource csv ? csv.Count : row.Count))
            {
                continue;
            }

            var kinds = KindsIn(row, index);
            if (kinds.Length == 0)
            {
                continue;
            }

            var header = map.HeaderOf(column.Name);
            flaggedCells.Add((row.RowNumber, header));
            flaggedRows.Add(row.RowNumber);
            foreach (var kind in kinds)
            {
                var setting = policy.SettingFor(kind);
                (setting == DetectorSetting.Error ? errors : warnings).Add(Finding(row.RowNumber, header, kind, setting));
            }
        }
    }

    /// <summary>
    /// Takes the value out of every issue on a flagged cell (or on a flagged row with no column, such as a CSV quoting
    /// problem) and out of any issue whose value holds personal data itself; masks personal data in messages.
    /// </summary>
    public IReadOnlyList<ValidationIssue> Withhold(IReadOnlyList<ValidationIssue> found)
    {
        var issues = found.ToList();
        for (var i = 0; i < issues.Count; i++)
        {
            var issue = issues[i];
            if (issue.Code == IssueCode.PersonalData)
            {
                continue;
            }

            var onFlaggedCell = issue.Row is { } row && (flaggedCells.Contains((row, issue.Column ?? string.Empty)) || (issue.Column is null && flaggedRows.Contains(row)));
            var value = onFlaggedCell || Holds(issue.Value) ? null : issue.Value;
            var message = Mask(issue.Message);
            if (!ReferenceEquals(value, issue.Value) || !ReferenceEquals(message, issue.Message))
            {
                issues[i] = issue with { Value = value, Message = message };
            }
        }

        return issues;
    }

    private PersonalDataKind[] KindsIn(TableReader row, int index)
    {
        if (row is CsvTableSource csv || row.KindOf(index) == CellKind.Text)
        {
            // A CSV cell is always text: read through the sealed reader, the call is direct.
            var text = row is CsvTableSource direct ? direct.TextOf(index) : row.TextOf(index);
            if (PersonalDataDetector.CannotHold(text, policy) || !MayHold(text))
            {
                return [];
            }
        }

        var kinds = PersonalDataDetector.KindsIn(row.TextOf(index).ToString(), policy).ToArray();
        if (row.KindOf(index) is CellKind.Number or CellKind.Date or CellKind.Percent)
        {
            // A number cell is stored as its invariant text (CellParser), which may differ from the sheet's own.
            var number = row.NumberOf(index);
            var stored = double.IsFinite(number) && Math.Abs(number) < 7.9e28
                ? ((decimal)number).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.Empty;
            kinds = [.. kinds.Union(PersonalDataDetector.KindsIn(stored, policy)).Order()];
        }

        return kinds;
    }

    /// <summary>
    /// Every kind the guard detects has a number in it (NHS and mobile numbers, dates, postcodes) or an at sign (email
    /// addresses), in any of the forms <see cref="PersonalDataDetector.Canonical"/> folds; text with neither is skipped
    /// without making a string of it, which keeps the check cheap on the common cell.
    /// </summary>
    private static bool MayHold(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsNumber(c) || c is '@' or '\uFF20' or '\uFE6B')
            {
                return true;
            }
        }

        return false;
    }

    private bool Holds(string? text) => !string.IsNullOrEmpty(text) && PersonalDataDetector.KindsIn(text, policy).Count > 0;

    private string Mask(string message)
    {
        var canonical = PersonalDataDetector.Canonical(message);
        var matches = PersonalDataDetector.Find(canonical, policy);
        if (matches.Count == 0)
        {
            return message;
        }

        var masked = canonical.AsSpan();
        var builder = new System.Text.StringBuilder();
        var at = 0;
        foreach (var match in matches.OrderBy(m => m.Start))
        {
            if (match.Start >= at)
            {
                builder.Append(masked[at..match.Start]).Append(Withheld);
                at = match.End;
            }
            else if (match.End > at)
            {
                at = match.End;
            }
        }

        return builder.Append(masked[at..]).ToString();
    }

    private static ValidationIssue Finding(int row, string column, PersonalDataKind kind, DetectorSetting setting)
    {
        var what = $"This cell appears to contain {kind.Describe()}. The papers made from this data are published and emailed widely, so they must not identify a child, a family or a member of the public.";
        var fix = setting == DetectorSetting.Error
            ? $" Remove it and upload the file again. {kind.Advice()}"
            : $" The file was accepted, and the text will appear in the papers as written: if it identifies someone, remove it and upload the file again. {kind.Advice()}";
        return new ValidationIssue(row, column, null, IssueCode.PersonalData, what + fix + " The text is not repeated here.");
    }
}
