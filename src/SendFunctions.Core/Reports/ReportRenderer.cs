using System.Globalization;
using System.Reflection;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>One rendered paper: its kind, file name, board, title and .docx bytes.</summary>
/// <param name="Title">The paper's own title with its month ("WSoA progress report, January 2025"), without the board.</param>
public sealed record RenderedReport(ReportKind Kind, string FileName, string Board, string Title, byte[] Content)
{
    /// <summary>The document title as Word shows it: "{Board}: {Title}".</summary>
    public string DocumentTitle => $"{Board}: {Title}";
}

/// <summary>Renders the papers of a period from its status and the programme's configuration. Pure: values in, bytes out.</summary>
public static class ReportRenderer
{
    /// <summary>The version of the code that renders papers (the assembly's informational version, with its commit where the build knows it).</summary>
    public static string CodeVersion { get; } =
        typeof(ReportRenderer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ReportRenderer).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Null when reporting.json has no settings for the kind (the programme does not produce that paper).</summary>
    /// <param name="preview">A preview for a clerk (<c>sendfx render</c>): configuration that looks unfinished, such as placeholder contact details, is noted at the top.</param>
    /// <param name="stamp">
    /// The paper's created and modified time; default the period's as-of date (midnight UTC). Never the clock: the same
    /// status, configuration and stamp give a byte-identical .docx.
    /// </param>
    /// <param name="cover">The months and meeting of a paper made from the calendar; null for a month's paper.</param>
    /// <param name="distributed">The papers the system has distributed to any board (board and meeting), for the subject history; none when null.</param>
    /// <param name="revision">Set for a version made after an earlier one was signed off: the front page says it is revised and what changed.</param>
    public static RenderedReport? Render(ReportKind kind, PeriodStatus status, ReportingConfig config, bool preview = false, DateTimeOffset? stamp = null, PaperCover? cover = null, IReadOnlyList<HistoryEntry>? distributed = null, Calendar.PaperRevision? revision = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(config);
        if (config.ReportFor(kind.ToSlug()) is not { } settings)
        {
            return null;
        }

        var notes = preview ? Placeholders.InReport(kind.ToSlug(), settings) : [];
        var context = new ReportContext(kind, status, config, settings, notes, cover, distributed, revision);
        var info = new DocumentInfo(
            context.DocumentTitle,
            settings.Author?.Name ?? config.Programme.Name,
            stamp ?? new DateTimeOffset(status.Period.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Marking: settings.ProtectiveMarking);

        // The exceptions report is mostly wide tables: it is landscape throughout.
        using var word = new WordWriter(info, landscape: kind == ReportKind.Exceptions);
        if (settings.Confidential && settings.ExemptParagraph is { } paragraph)
        {
            word.Notice((settings.ExemptNotice ?? ReportSettings.DefaultExemptNotice).Replace("{paragraph}", paragraph.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        switch (kind)
        {
            case ReportKind.HwbBoard or ReportKind.CypeCommittee:
                CouncilPaper.Write(word, context);
                break;
            case ReportKind.PartnershipBoard:
                PartnershipSummary.Write(word, context);
                break;
            case ReportKind.Exceptions:
                ExceptionsReport.Write(word, context);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        Pagination.KeepHeadingsWithWhatFollows(word.Body);
        return new RenderedReport(kind, $"{status.Period}-{kind.ToSlug()}.docx", settings.Board, context.PaperTitle, word.Save());
    }
}
