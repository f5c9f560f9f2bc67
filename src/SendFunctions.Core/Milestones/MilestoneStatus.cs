namespace SendFunctions.Core.Milestones;

/// <summary>The computed status (DATA-CONTRACT.md section 4).</summary>
public enum MilestoneStatus
{
    OnTrack,
    Delayed,
    AtRisk,
    Complete,
}

/// <summary>Red, amber, green and blue. Documents always print the word beside the colour.</summary>
public enum Rag
{
    None,
    Blue,
    Green,
    Amber,
    Red,
}

/// <summary>How a milestone moved since the previous period's accepted drop; first match wins.</summary>
public enum Movement
{
    New,
    Completed,
    Worsened,
    Improved,
    Slipped,
    Unchanged,
}
