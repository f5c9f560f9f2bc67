namespace SendFunctions.Core.Reports;

/// <summary>The papers the system produces (DESIGN.md, "Reports").</summary>
public enum ReportKind
{
    HwbBoard,
    CypeCommittee,
    PartnershipBoard,
    Exceptions,
}

public static class ReportKinds
{
    public static IReadOnlyList<ReportKind> All { get; } = Enum.GetValues<ReportKind>();

    public static string ToSlug(this ReportKind kind) => kind switch
    {
        ReportKind.HwbBoard => "hwb-board",
        ReportKind.CypeCommittee => "cype-committee",
        ReportKind.PartnershipBoard => "partnership-board",
        ReportKind.Exceptions => "exceptions",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? text, out ReportKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToSlug(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
