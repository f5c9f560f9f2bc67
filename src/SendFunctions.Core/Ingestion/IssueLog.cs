namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Issues of one severity, keeping the first <c>limit</c> and counting the rest by code, so a file with hundreds of
/// thousands of bad rows costs bounded memory. <see cref="Count"/> is the total found, kept or not.
/// </summary>
public sealed class IssueLog(int limit)
{
    private readonly List<ValidationIssue> kept = [];
    private readonly SortedDictionary<IssueCode, int> omitted = [];

    public int Count { get; private set; }

    public void Add(ValidationIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        Count++;
        if (kept.Count < limit)
        {
            kept.Add(issue);
        }
        else
        {
            omitted[issue.Code] = omitted.GetValueOrDefault(issue.Code) + 1;
        }
    }

    public void AddRange(IEnumerable<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var issue in issues)
        {
            Add(issue);
        }
    }

    /// <summary>The kept issues, closed by one that gives the number not listed and their kinds ("and 399,990 more: BadDate, RequiredValue").</summary>
    public IReadOnlyList<ValidationIssue> ToList(string noun)
    {
        if (omitted.Count == 0)
        {
            return kept.ToList();
        }

        var more = Count - kept.Count;
        var message = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"... and {more:N0} more {noun}{(more == 1 ? string.Empty : "s")} of the same kinds ({string.Join(", ", omitted.Keys)}), not listed. Only the first {kept.Count:N0} are shown: they are usually the same mistake repeated, so fix those and check the file again.");
        return [.. kept, new ValidationIssue(null, null, null, IssueCode.MoreIssues, message)];
    }
}
