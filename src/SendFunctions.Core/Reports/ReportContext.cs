using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>What a paper is written from: the computed status and the programme's own wording.</summary>
/// <param name="PreviewNotes">Notes shown at the top of a preview (never of a paper that is sent): configuration a clerk should check.</param>
/// <param name="Cover">The months and meeting of a paper made from the calendar; null for a month's paper.</param>
/// <param name="Distributed">The papers the system has distributed (board and meeting), for the subject history.</param>
/// <param name="Revision">Set for a version made after an earlier one was signed off: printed on the front page.</param>
internal sealed record ReportContext(ReportKind Kind, PeriodStatus Status, ReportingConfig Config, ReportSettings Settings, IReadOnlyList<string> PreviewNotes, PaperCover? Cover = null, IReadOnlyList<HistoryEntry>? Distributed = null, Calendar.PaperRevision? Revision = null)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public ProgrammeSettings Programme => Config.Programme;

    /// <summary>"January 2025", or the months a paper covering several says it covers ("November and December 2024").</summary>
    public string Month => Cover is { Months.Count: > 1 } cover ? cover.Describe() : Status.Period.ToLongName();

    /// <summary>For a paper covering several months, the sentence that says so; else null.</summary>
    public string? CoverNote => Cover is { Months.Count: > 1 } cover
        ? $"This report covers {cover.Describe()}: it gives the position at {Words.Date(Status.Period.AsOf)} and the movement since {Status.Since}, the last month reported to the {Settings.Board}."
        : null;

    /// <summary>The paper's own title with its month, without the board.</summary>
    public string PaperTitle => $"{Fill(Settings.Title)}, {Month}";

    public string DocumentTitle => $"{Settings.Board}: {PaperTitle}";

    /// <summary>Replaces {month}, {board}, {deadline} and {area} in configured text.</summary>
    public string Fill(string text) => text
        .Replace("{month}", Month, StringComparison.Ordinal)
        .Replace("{board}", Settings.Board, StringComparison.Ordinal)
        .Replace("{deadline}", Words.Date(Programme.Deadline), StringComparison.Ordinal)
        .Replace("{area}", Programme.LocalArea, StringComparison.Ordinal);

    public IEnumerable<string> Fill(IEnumerable<string>? texts) => (texts ?? []).Select(Fill);

    /// <summary>The paper's meeting: the calendar's, else the superseded meetingDates map's; null when neither has one.</summary>
    public DateOnly? Meeting =>
        Cover?.Meeting ?? (Settings.MeetingDates is { } dates && dates.TryGetValue(Status.Period.ToString(), out var date) ? date : null);

    /// <summary>"Thursday, 13 March 2025": <see cref="Meeting"/> as the front page gives it; null when there is none.</summary>
    public string? MeetingDate => Meeting?.ToString("dddd, d MMMM yyyy", British);

    /// <summary>
    /// The meetings that considered the subject before this paper's meeting (or, with none set, up to the end of the month
    /// it reports on, the latest day it is known to follow), configured and distributed by the system.
    /// </summary>
    public IReadOnlyList<HistoryEntry> SubjectHistory =>
        Reports.SubjectHistory.Before(Settings.SubjectHistory, Distributed ?? [], Meeting ?? Status.Period.AsOf.AddDays(1));

    /// <summary>"5 September 2025": month names in full, as a clerk writes them.</summary>
    public static string Date(DateOnly date) => Words.Date(date);
}
