namespace SendFunctions.Core.Configuration;

/// <summary>
/// Everything a paper says that is not computed: titles, names, dates, recommendations, terms of reference.
/// Text may use {month} ("January 2025"), {board} and {deadline} ("31 October 2025").
/// </summary>
/// <param name="Confidential">The paper is restricted: it carries <see cref="ProtectiveMarking"/> on every page and in its properties.</param>
/// <param name="Marking">The protective marking of a confidential paper; default <see cref="DefaultMarking"/>.</param>
/// <param name="ExemptParagraph">
/// The paragraph of Part 1 of Schedule 12A to the Local Government Act 1972 (1 to 7) under which a confidential paper is
/// exempt from publication; its notice opens the paper.
/// </param>
/// <param name="ExemptNotice">The wording of that notice, with {paragraph} for the number; default <see cref="DefaultExemptNotice"/>.</param>
/// <param name="CommentaryMaxCharacters">
/// The longest commentary the tracker's tables print in full; a longer one is cut at a word and printed whole in the
/// commentary annex at the end.
/// </param>
/// <param name="MeetingDates">Superseded by <paramref name="Calendar"/>: the meeting printed on each month's paper. Still read for one release.</param>
/// <param name="Calendar">The committee's meetings, paper deadlines and sign-off (<see cref="CalendarSettings"/>); null: the paper follows the monthly cycle.</param>
public sealed record ReportSettings(
    string Board,
    string Title,
    Distribution Distribution,
    string? ReportOf = null,
    IReadOnlyDictionary<string, DateOnly>? MeetingDates = null,
    IReadOnlyList<string>? Summary = null,
    string? RecommendationsIntro = null,
    IReadOnlyList<string>? Recommendations = null,
    IReadOnlyList<string>? Reasons = null,
    IReadOnlyList<string>? OtherOptions = null,
    IReadOnlyList<string>? Background = null,
    IReadOnlyList<ReportSection>? Implications = null,
    Person? Author = null,
    IReadOnlyList<string>? Appendices = null,
    IReadOnlyList<string>? BackgroundPapers = null,
    string? TermsOfReference = null,
    IReadOnlyList<HistoryEntry>? SubjectHistory = null,
    IReadOnlyList<string>? TrendMetrics = null,
    IReadOnlyDictionary<string, int>? MeetingNumbers = null,
    bool Confidential = false,
    string? Marking = null,
    int? ExemptParagraph = null,
    string? ExemptNotice = null,
    int CommentaryMaxCharacters = ReportSettings.DefaultCommentaryMaxCharacters,
    CalendarSettings? Calendar = null)
{
    public const string DefaultMarking = "OFFICIAL-SENSITIVE";

    public const string DefaultExemptNotice =
        "NOT FOR PUBLICATION: this report contains exempt information as described in paragraph {paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972.";

    public const int DefaultCommentaryMaxCharacters = 600;

    /// <summary>The marking printed on the paper, or null when it is not confidential.</summary>
    public string? ProtectiveMarking => Confidential ? (string.IsNullOrWhiteSpace(Marking) ? DefaultMarking : Marking.Trim()) : null;
}

/// <summary>Who receives a paper.</summary>
public sealed record Distribution(IReadOnlyList<string> To, IReadOnlyList<string>? Cc = null, IReadOnlyList<string>? Bcc = null);

/// <summary>A numbered section of supporting information, such as "FINANCIAL IMPLICATIONS".</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A previous meeting that considered the subject.</summary>
public sealed record HistoryEntry(string Meeting, DateOnly Date);
