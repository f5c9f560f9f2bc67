namespace SendFunctions.Core.Actions;

/// <summary>An entry in the Board's action log.</summary>
public sealed record ActionItem(
    string Id,
    string Description,
    string Owner,
    DateOnly RaisedOn,
    DateOnly Due,
    ActionState Status,
    DateOnly? Closed);

public enum ActionState
{
    Open,
    Closed,
}
