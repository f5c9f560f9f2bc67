using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>What a paper is written from: the computed status and the programme's own wording.</summary>
/// <param name="PreviewNotes">Notes shown at the top of a preview (never of a paper that is sent): configuration a clerk should check.</param>
internal sealed record ReportContext(ReportKind Kind, PeriodStatus Status, ReportingConfig Config, ReportSettings Settings, IReadOnlyList<string> PreviewNotes)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public ProgrammeSettings Programme => Config.Programme;

    public string Month => Status.Period.ToLongName();

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

    /// <summary>"Thursday, 13 March 2025", or null when no meeting date is configured for the period.</summary>
    public string? MeetingDate =>
        Settings.MeetingDates is { } dates && dates.TryGetValue(Status.Period.ToString(), out var date)
            ? date.ToString("dddd, d MMMM yyyy", British)
            : null;

    /// <summary>"5 September 2025": month names in full, as a clerk writes them.</summary>
    public static string Date(DateOnly date) => Words.Date(date);
}
