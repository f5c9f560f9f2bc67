using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Reports;

/// <summary>
/// What a committee paper made from the calendar covers: the months since the previous paper (oldest first, the last one the
/// month whose tracker it shows) and the meeting it goes to.
/// </summary>
public sealed record PaperCover
{
    public PaperCover(IReadOnlyList<ReportingPeriod> months, DateOnly? meeting = null)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (!CoveredMonths.AreConsecutive(months))
        {
            throw new ArgumentException("A paper covers one or more consecutive months, oldest first.", nameof(months));
        }

        Months = [.. months];
        Meeting = meeting;
    }

    public IReadOnlyList<ReportingPeriod> Months { get; }

    public DateOnly? Meeting { get; }

    /// <summary>The month the previous paper covered last: movement is measured from it.</summary>
    public ReportingPeriod ComparedWith => Months[0].Previous;

    /// <summary>"November and December 2024"; "January 2025" for one month.</summary>
    public string Describe() => CoveredMonths.Describe(Months);
}
