namespace SendFunctions.Core.Business;

/// <summary>An entry in the risk and issue log. <see cref="Score"/> is always likelihood times impact (1 to 25).</summary>
/// <param name="Trend">As the owner gave it; null to compute it from last month's score.</param>
public sealed record RiskEntry(
    string Id,
    string Title,
    string Workstream,
    string Owner,
    int Likelihood,
    int Impact,
    string? Mitigation,
    RiskTrend? Trend,
    RiskState Status,
    RiskType Type)
{
    public int Score => Likelihood * Impact;
}

/// <summary>Which way a risk's score moved since last month.</summary>
public enum RiskTrend
{
    Up,
    Down,
    Same,
}

public enum RiskState
{
    Open,
    Closed,
}

public enum RiskType
{
    Risk,
    Issue,
}
