namespace SendFunctions.Core.Configuration;

/// <summary>
/// Everything a paper says that is not computed: titles, names, dates, recommendations, terms of reference.
/// Text may use {month} ("January 2025"), {board} and {deadline} ("31 October 2025").
/// </summary>
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
    bool Confidential = false);

/// <summary>Who receives a paper.</summary>
public sealed record Distribution(IReadOnlyList<string> To, IReadOnlyList<string>? Cc = null, IReadOnlyList<string>? Bcc = null);

/// <summary>A numbered section of supporting information, such as "FINANCIAL IMPLICATIONS".</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A previous meeting that considered the subject.</summary>
public sealed record HistoryEntry(string Meeting, DateOnly Date);
