using SendFunctions.Core.Periods;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Calendar;

/// <summary>The months a paper covers, as a clerk writes them: "November and December 2024", "December 2024 and January 2025".</summary>
public static class CoveredMonths
{
    private static readonly System.Globalization.CultureInfo British = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static string Describe(IReadOnlyList<ReportingPeriod> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentOutOfRangeException.ThrowIfZero(months.Count);
        if (months.All(m => m.Year == months[0].Year))
        {
            return $"{Words.List(months.Select(m => m.FirstDay.ToString("MMMM", British)).ToList())} {months[0].Year}";
        }

        return Words.List(months.Select(m => m.ToLongName()).ToList());
    }

    /// <summary>Consecutive months, oldest first: what a paper can cover.</summary>
    public static bool AreConsecutive(IReadOnlyList<ReportingPeriod> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        return months.Count > 0 && months.Zip(months.Skip(1)).All(p => p.Second == p.First.Next);
    }
}
