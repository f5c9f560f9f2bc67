using SendFunctions.Core.Configuration;

namespace SendFunctions.Core.Reports;

/// <summary>
/// The meetings that considered the subject in the three years before a paper is read: the history configured for what
/// came before the system, and the papers the system itself distributed, to any board. A meeting on or after the paper's
/// own is not history, so a paper never says a board "last considered" the subject at a later meeting.
/// </summary>
public static class SubjectHistory
{
    /// <param name="configured">reporting.json's <c>subjectHistory</c> for the paper's kind: meetings before the system.</param>
    /// <param name="distributed">One entry per paper the system distributed: its board and its meeting (or the day it went).</param>
    /// <param name="before">The paper's meeting, or the day by which it will have been read.</param>
    public static IReadOnlyList<HistoryEntry> Before(IReadOnlyList<HistoryEntry>? configured, IReadOnlyList<HistoryEntry> distributed, DateOnly before)
    {
        ArgumentNullException.ThrowIfNull(distributed);
        var from = before.AddYears(-3);
        return (configured ?? [])
            .Concat(distributed)
            .Where(h => h.Date < before && h.Date >= from && !string.IsNullOrWhiteSpace(h.Meeting))
            .Select(h => h with { Meeting = h.Meeting.Trim() })
            .Distinct()
            .OrderBy(h => h.Date)
            .ThenBy(h => h.Meeting, StringComparer.Ordinal)
            .ToList();
    }
}
