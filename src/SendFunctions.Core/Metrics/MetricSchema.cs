using System.Globalization;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Metrics;

/// <summary>The metrics drop (DATA-CONTRACT.md section 3) and the checks on each row.</summary>
internal sealed class MetricSchema(DropContext context) : IDatasetSchema<MetricSchema.Row, MetricReading>
{
    public static readonly IReadOnlyList<ColumnSpec> Spec =
    [
        ColumnSpec.Id("MetricId", "Metric", "ID", "Ref"),
        new("Metric", true, "Name", "Measure", "Indicator") { FreeText = true },
        new("Area", true, "Workstream"),
        new("Unit", true),
        new("Polarity", true, "Direction"),
        new("Value", true, "Actual", "Latest"),
        new("DataPeriod", false, "Latest Data Update", "Data Month"),
        new("Target", false),
        new("Baseline", false),
        new("Commentary", false, "Comments", "Narrative", "Commentary On Performance") { FreeText = true },
    ];

    public const int MaxCommentaryLength = 4000;

    public IReadOnlyList<ColumnSpec> Columns => Spec;

    public string IdColumn => "MetricId";

    public MetricReading Build(CellParser cells, in Row row)
    {
        var commentary = cells.Text("Commentary");
        return new MetricReading(cells.Text("MetricId"), cells.Text("Metric"), cells.Text("Area"), row.Unit, row.Polarity, row.Value, row.DataPeriod, row.Target, row.Baseline)
        {
            Commentary = commentary.Length == 0 ? null : commentary,
        };
    }

    /// <summary>Accepted rows are held as their cells and made into records when read: see <see cref="MetricRows"/>.</summary>
    public IRowHolder<Row, MetricReading> NewHolder() => new MetricRows();

    public ReadOnlySpan<char> IdOf(CellParser cells, in Row row) => cells.TextSpan("MetricId");

    public bool Check(CellParser cells, out Row row)
    {
        row = default;
        var errorsBefore = context.ErrorCount();
        cells.CheckRequiredText("MetricId");
        cells.CheckRequiredText("Metric");
        cells.CheckRequiredText("Area");
        var unit = ReadUnit(cells);
        var polarity = ReadPolarity(cells);
        var value = cells.Number("Value", required: true);
        var dataPeriod = ReadDataPeriod(cells);
        var target = cells.Number("Target", required: false);
        var baseline = cells.Number("Baseline", required: false);
        cells.CheckText("Commentary", MaxCommentaryLength);

        if (unit == MetricUnit.Percent)
        {
            CheckPercent(cells, "Value", value);
            CheckPercent(cells, "Target", target);
        }

        if (context.ErrorCount() > errorsBefore || unit is null || polarity is null || value is null)
        {
            return false;
        }

        row = new Row(unit.Value, polarity.Value, value.Value, dataPeriod ?? context.Period, target, baseline);
        return true;
    }

    public static string Symbol(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "%",
        MetricUnit.Count => "count",
        MetricUnit.Weeks => "weeks",
        MetricUnit.Days => "days",
        MetricUnit.Number => "number",
        MetricUnit.Pounds => "£",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    private static void CheckPercent(CellParser cells, string column, decimal? value)
    {
        if (value is < 0 or > 100)
        {
            cells.Error(column, value.Value.ToString(CultureInfo.InvariantCulture), IssueCode.PercentOutOfRange,
                "A percentage must be between 0 and 100. Enter 37 (or 37%) for 37 per cent, not 0.37 in a text cell or 3700.");
        }
    }

    private static MetricUnit? ReadUnit(CellParser cells)
    {
        var key = cells.Key("Unit", out var blank);
        if (blank)
        {
            cells.CheckRequiredText("Unit");
            return null;
        }

        MetricUnit? unit = key switch
        {
            "%" or "percent" or "percentage" => MetricUnit.Percent,
            "count" => MetricUnit.Count,
            "weeks" or "week" => MetricUnit.Weeks,
            "days" or "day" => MetricUnit.Days,
            "number" => MetricUnit.Number,
            "£" or "gbp" or "pounds" => MetricUnit.Pounds,
            _ => null,
        };
        if (unit is null)
        {
            cells.Error("Unit", cells.RawText("Unit"), IssueCode.BadChoice, "The unit must be one of: %, count, weeks, days, number, £.");
        }

        return unit;
    }

    private static Polarity? ReadPolarity(CellParser cells)
    {
        var key = cells.Key("Polarity", out var blank);
        if (blank)
        {
            cells.CheckRequiredText("Polarity");
            return null;
        }

        if (key.StartsWith("higher", StringComparison.Ordinal) || key is "high" or "up")
        {
            return Polarity.Higher;
        }

        if (key.StartsWith("lower", StringComparison.Ordinal) || key is "low" or "down")
        {
            return Polarity.Lower;
        }

        cells.Error("Polarity", cells.RawText("Polarity"), IssueCode.BadChoice, "Say which way is better: 'higher' (Higher is better) or 'lower' (Lower is better).");
        return null;
    }

    /// <summary>yyyy-MM; also a workbook date cell or a full date (Excel often turns 2025-01 into 01/01/2025), or "Jan 2025".</summary>
    private ReportingPeriod? ReadDataPeriod(CellParser cells)
    {
        var period = PeriodCell.Read(cells, "DataPeriod", "Write the month the figure describes as yyyy-MM, for example 2025-01 (or leave it empty for this month).");
        if (period is null)
        {
            return null;
        }

        if (period > context.Period)
        {
            cells.Error("DataPeriod", period.ToString(), IssueCode.DataPeriodAfterDrop,
                $"The data month {period} is after this return's month {context.Period}. A figure cannot describe a month that has not happened: correct the month.");
            return null;
        }

        return period;
    }

    /// <summary>A checked row's values, which its record is made from.</summary>
    internal readonly record struct Row(MetricUnit Unit, Polarity Polarity, decimal Value, ReportingPeriod DataPeriod, decimal? Target, decimal? Baseline);
}
