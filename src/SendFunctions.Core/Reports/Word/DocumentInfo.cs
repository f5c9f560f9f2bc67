namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// What the package properties say about a paper. <see cref="Stamp"/> is the created and modified time and every zip
/// entry's time: it comes from the data (the period's as-of date) or the caller, never the clock, so the same inputs
/// give the same bytes.
/// </summary>
/// <param name="Marking">A protective marking such as OFFICIAL-SENSITIVE for every page's header and footer, or null.</param>
internal sealed record DocumentInfo(string Title, string Creator, DateTimeOffset Stamp, string Language = "en-GB", string? Marking = null);
