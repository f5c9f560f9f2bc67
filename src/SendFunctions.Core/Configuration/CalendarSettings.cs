namespace SendFunctions.Core.Configuration;

/// <summary>
/// <c>reports.{kind}.calendar</c> as written in reporting.json: the committee's meetings and how far ahead of each its paper is
/// needed. Dates and the time are kept as written so that every bad one is reported at load (<see cref="Calendar.ReportCalendar.Resolve"/>)
/// rather than the first stopping the parse.
/// </summary>
/// <param name="Meetings">The meeting dates, <c>yyyy-MM-dd</c>, in any order.</param>
/// <param name="DeadlineWorkingDays">How many working days before the meeting the clerks need the paper.</param>
/// <param name="DeadlineTime">The time of day (<c>HH:mm</c>, UK local time) on the deadline day by which they need it.</param>
/// <param name="SignOffWorkingDays">How many working days before the deadline the draft is made and sent for sign-off.</param>
/// <param name="SignOff">Who signs the paper off before it is distributed.</param>
/// <param name="ReissueOnCorrection">
/// When a correction after sign-off makes a revised paper and an earlier version already went to the list: true sends the
/// approved revision to the list too (its email says it is revised and what changed); false records the approval only.
/// </param>
public sealed record CalendarSettings(
    IReadOnlyList<string>? Meetings = null,
    int DeadlineWorkingDays = CalendarSettings.DefaultDeadlineWorkingDays,
    string DeadlineTime = CalendarSettings.DefaultDeadlineTime,
    int SignOffWorkingDays = CalendarSettings.DefaultSignOffWorkingDays,
    Person? SignOff = null,
    bool ReissueOnCorrection = false)
{
    public const int DefaultDeadlineWorkingDays = 7;

    public const string DefaultDeadlineTime = "10:00";

    public const int DefaultSignOffWorkingDays = 3;
}
