namespace SendFunctions.Core.Ingestion;

/// <summary>The three monthly drops a programme receives.</summary>
public enum Dataset
{
    Milestones,
    Metrics,
    Actions,
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
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

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
