namespace SendFunctions.Core.Business;

/// <summary>An entry in the Board's decision log: a decision, a resolution, or a report the Board asked to come back.</summary>
/// <param name="Owner">Who carries it out or reports back; null when the Board itself owns it (a decision taken).</param>
/// <param name="DueMeeting">For a report-back, the date of the meeting it is due at; null otherwise.</param>
/// <param name="DoneDate">When it was done or the report came back; present exactly when <paramref name="Status"/> is Done.</param>
public sealed record BoardDecision(
    string Id,
    DateOnly MeetingDate,
    DecisionType Type,
    string Text,
    string? Owner,
    DateOnly? DueMeeting,
    DecisionState Status,
    DateOnly? DoneDate);

public enum DecisionType
{
    Decision,
    Resolution,
    ReportBack,
}

public enum DecisionState
{
    Open,
    Done,
}
