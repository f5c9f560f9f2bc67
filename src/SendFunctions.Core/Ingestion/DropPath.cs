using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Ingestion;

/// <summary>Where a drop lives: <c>{period}/{dataset}.{ext}</c> inside the drops container.</summary>
public sealed record DropPath(ReportingPeriod Period, Dataset Dataset, FileFormat Format)
{
    public const string ExpectedPattern = "{period}/{dataset}.{ext}, for example 2025-01/milestones.csv: period yyyy-MM, dataset milestones, metrics, actions, updates, decisions, risks or targets, ext csv or xlsx";

    public string Name => $"{Period}/{Dataset.ToSlug()}.{Format.ToExtension()}";

    /// <summary>Parses a blob name relative to the container. A bad path is a result, not an exception.</summary>
    public static DropPathResult Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('/');
        if (parts.Length != 2)
        {
            return Fail(name, "it is not one folder deep");
        }

        if (!ReportingPeriod.TryParse(parts[0], out var period))
        {
            return Fail(name, $"'{parts[0]}' is not a period written yyyy-MM with a month from 01 to 12");
        }

        var file = parts[1];
        var dot = file.LastIndexOf('.');
        if (dot <= 0)
        {
            return Fail(name, $"'{file}' has no .csv or .xlsx extension");
        }

        if (!DatasetNames.TryParse(file[..dot], out var dataset))
        {
            return Fail(name, $"'{file[..dot]}' is not a dataset we receive");
        }

        if (!DatasetNames.TryParseFormat(file[(dot + 1)..], out var format))
        {
            return Fail(name, $"'.{file[(dot + 1)..]}' files are not accepted");
        }

        return new DropPathResult(new DropPath(period, dataset, format), null);
    }

    private static DropPathResult Fail(string name, string why) =>
        new(null, new ValidationIssue(null, null, Display.Printable.Of(name), IssueCode.BadPath, Display.Printable.Of($"The file '{name}' was not processed because {why}.") + $" Upload it as {ExpectedPattern}."));
}

public sealed record DropPathResult(DropPath? Drop, ValidationIssue? Error);
