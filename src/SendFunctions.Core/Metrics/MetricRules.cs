using SendFunctions.Core.Milestones;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Metrics;

/// <summary>The metric rules of DATA-CONTRACT.md section 5.</summary>
public static class MetricRules
{
    public const decimal DefaultTolerancePercent = 10m;

    /// <param name="previous">The most recent earlier value of the same metric, from earlier accepted drops.</param>
    /// <param name="tolerancePercent">How far short of the target, in per cent of the target, is still Amber.</param>
    public static MetricAssessment Assess(MetricReading reading, ReportingPeriod period, decimal? previous, decimal tolerancePercent)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var rag = RagOf(reading, tolerancePercent);
        var stale = period.MonthsSince(reading.DataPeriod) >= 2;
        if (previous is not { } before)
        {
            return new MetricAssessment(reading, rag, null, null, null, null, stale);
        }

        decimal? change = reading.Unit == MetricUnit.Percent
            ? reading.Value - before
            : before == 0 ? null : (reading.Value - before) / before * 100m;
        var trend = reading.Value > before ? Trend.Up : reading.Value < before ? Trend.Down : Trend.Flat;
        var direction = trend switch
        {
            Trend.Flat => Direction.Same,
            Trend.Up => reading.Polarity == Polarity.Higher ? Direction.Improving : Direction.Worsening,
            _ => reading.Polarity == Polarity.Lower ? Direction.Improving : Direction.Worsening,
        };
        return new MetricAssessment(reading, rag, before, change is { } c ? Math.Round(c, 1, MidpointRounding.AwayFromZero) : null, trend, direction, stale);
    }

    /// <summary>Met is Green; within the tolerance of the target is Amber; otherwise Red. No target: None.</summary>
    public static Rag RagOf(MetricReading reading, decimal tolerancePercent)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Target is not { } target)
        {
            return Rag.None;
        }

        var tolerance = tolerancePercent / 100m;
        if (reading.Polarity == Polarity.Higher)
        {
            return reading.Value >= target ? Rag.Green : reading.Value >= (1 - tolerance) * target ? Rag.Amber : Rag.Red;
        }

        return reading.Value <= target ? Rag.Green : reading.Value <= (1 + tolerance) * target ? Rag.Amber : Rag.Red;
    }
}
