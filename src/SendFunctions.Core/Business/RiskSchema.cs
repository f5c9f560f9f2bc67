using System.Globalization;
using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Business;

/// <summary>The risks drop (docs/data-contract-board-business.md), the risk and issue log, and the checks on each row.</summary>
internal sealed class RiskSchema(DropContext context) : IDatasetSchema<RiskSchema.Row, RiskEntry>
{
    public const int MaxIdLength = 32;
    public const int MaxTitleLength = 2000;
    public const int MaxMitigationLength = 4000;

    public static readonly IReadOnlyList<ColumnSpec> Spec =
    [
        ColumnSpec.Id("RiskId", "Risk", "ID", "Ref"),
        new("Title", true, "Risk", "Description", "Risk Description", "Issue") { FreeText = true },
        new("Workstream", true, "Area", "Subgroup"),
        new("Owner", true, "Lead", "Risk Owner"),
        new("Likelihood", true, "L", "Probability"),
        new("Impact", true, "I", "Severity"),
        new("Score", false, "Risk Score", "Rating", "Risk Rating"),
        new("Mitigation", false, "Mitigations", "Controls", "Mitigating Actions") { FreeText = true },
        new("Trend", false, "Direction", "Direction Of Travel"),
        new("Status", false),
        new("Type", false, "Risk Or Issue"),
    ];

    public IReadOnlyList<ColumnSpec> Columns => Spec;

    public string IdColumn => "RiskId";

    public ReadOnlySpan<char> IdOf(CellParser cells, in Row row) => cells.TextSpan("RiskId");

    public RiskEntry Build(CellParser cells, in Row row)
    {
        var mitigation = cells.Text("Mitigation");
        return new RiskEntry(cells.Text("RiskId"), cells.Text("Title"), cells.Text("Workstream"), cells.Text("Owner"), row.Likelihood, row.Impact,
            mitigation.Length == 0 ? null : mitigation, row.Trend, row.Status, row.Type);
    }

    public bool Check(CellParser cells, out Row row)
    {
        row = default;
        var errorsBefore = context.ErrorCount();
        cells.CheckRequiredText("RiskId", MaxIdLength);
        cells.CheckRequiredText("Title", MaxTitleLength);
        cells.CheckRequiredText("Workstream");
        cells.CheckRequiredText("Owner");
        var likelihood = Scale(cells, "Likelihood");
        var impact = Scale(cells, "Impact");
        var score = cells.Number("Score", required: false);
        cells.CheckText("Mitigation", MaxMitigationLength);
        var trend = ReadTrend(cells);
        var status = Choice(cells, "Status", RiskState.Open, ("open", RiskState.Open), ("closed", RiskState.Closed));
        var type = Choice(cells, "Type", RiskType.Risk, ("risk", RiskType.Risk), ("issue", RiskType.Issue));

        if (score is { } given && likelihood is { } l && impact is { } i && given != l * i)
        {
            cells.Error("Score", given.ToString(CultureInfo.InvariantCulture), IssueCode.ScoreMismatch,
                $"The score is likelihood times impact: {l} x {i} = {l * i}, not {given.ToString(CultureInfo.InvariantCulture)}. Correct the score, or leave it empty and it is worked out.");
        }

        if (context.ErrorCount() > errorsBefore || likelihood is null || impact is null || status is null || type is null)
        {
            return false;
        }

        row = new Row(likelihood.Value, impact.Value, trend, status.Value, type.Value);
        return true;
    }

    /// <summary>Likelihood and impact are whole numbers from 1 to 5.</summary>
    private static int? Scale(CellParser cells, string column)
    {
        var number = cells.Number(column, required: true);
        if (number is null)
        {
            return null;
        }

        if (number is < 1 or > 5 || number != decimal.Truncate(number.Value))
        {
            cells.Error(column, number.Value.ToString(CultureInfo.InvariantCulture), IssueCode.OutOfRange, $"{column} is a whole number from 1 (lowest) to 5 (highest).");
            return null;
        }

        return (int)number.Value;
    }

    private static RiskTrend? ReadTrend(CellParser cells)
    {
        if (cells.RawText("Trend").Length == 0)
        {
            return null;
        }

        switch (cells.Key("Trend"))
        {
            case "up" or "increasing" or "worse" or "↑":
                return RiskTrend.Up;
            case "down" or "decreasing" or "better" or "↓":
                return RiskTrend.Down;
            case "same" or "unchanged" or "static" or "→":
                return RiskTrend.Same;
            default:
                cells.Error("Trend", cells.RawText("Trend"), IssueCode.BadChoice, "The trend must be Up, Down or Same (or empty to work it out from last month's score).");
                return null;
        }
    }

    /// <summary>An optional choice: empty is <paramref name="empty"/>; anything not listed is an error naming the choices.</summary>
    private static T? Choice<T>(CellParser cells, string column, T empty, params (string Key, T Value)[] choices)
        where T : struct, Enum
    {
        if (cells.RawText(column).Length == 0)
        {
            return empty;
        }

        var key = cells.Key(column);
        foreach (var (name, value) in choices)
        {
            if (key == name)
            {
                return value;
            }
        }

        cells.Error(column, cells.RawText(column), IssueCode.BadChoice, $"The {column.ToLowerInvariant()} must be {string.Join(" or ", choices.Select(c => c.Value.ToString()))} (or empty for {empty}).");
        return null;
    }

    /// <summary>A checked row's values, which its record is made from.</summary>
    internal readonly record struct Row(int Likelihood, int Impact, RiskTrend? Trend, RiskState Status, RiskType Type);
}
