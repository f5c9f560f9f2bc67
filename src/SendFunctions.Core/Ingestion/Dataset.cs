namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The monthly drops a programme receives: the three every programme has, then the Board's own business, optional
/// (a programme expects one only when reporting.json names its owner).
/// </summary>
public enum Dataset
{
    Milestones,
    Metrics,
    Actions,

    /// <summary>Each workstream's or subgroup's own words for the month: progress, next steps, escalations.</summary>
    Updates,

    /// <summary>The Board's decisions, resolutions and requests for reports to come back.</summary>
    Decisions,

    /// <summary>The programme's risk and issue log.</summary>
    Risks,

    /// <summary>Metric targets by month (a trajectory): which target is in force for a period.</summary>
    Targets,
}

public enum FileFormat
{
    Csv,
    Xlsx,
}

public static class DatasetNames
{
    public static string ToSlug(this Dataset dataset) => dataset switch
    {
        Dataset.Milestones => "milestones",
        Dataset.Metrics => "metrics",
        Dataset.Actions => "actions",
        Dataset.Updates => "updates",
        Dataset.Decisions => "decisions",
        Dataset.Risks => "risks",
        Dataset.Targets => "targets",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    /// <summary>The Board's own business: optional, expected only where configured.</summary>
    public static bool IsOptional(this Dataset dataset) => dataset >= Dataset.Updates;

    public static string ToExtension(this FileFormat format) => format == FileFormat.Csv ? "csv" : "xlsx";

    public static bool TryParse(string? text, out Dataset dataset)
    {
        foreach (var candidate in Enum.GetValues<Dataset>())
        {
            if (string.Equals(candidate.ToSlug(), text, StringComparison.OrdinalIgnoreCase))
            {
                dataset = candidate;
                return true;
            }
        }

        dataset = default;
        return false;
    }

    public static bool TryParseFormat(string? text, out FileFormat format)
    {
        format = default;
        if (string.Equals(text, "csv", StringComparison.OrdinalIgnoreCase))
        {
            format = FileFormat.Csv;
            return true;
        }

        if (string.Equals(text, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            format = FileFormat.Xlsx;
            return true;
        }

        return false;
    }
}
