using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Configuration.Checks;

/// <summary>
/// <c>meetingDates</c> maps a reporting month to the meeting that reads its paper: the key is a month written yyyy-MM and
/// the meeting falls in that month (a monthly board meets late in it) or within a year after it; any other date is a
/// typing slip, most often the wrong year.
/// </summary>
internal sealed class MeetingDateRule : IConfigRule
{
    public IEnumerable<ConfigFinding> Check(ReportingConfig config)
    {
        foreach (var (path, report) in ConfigPaths.Reports(config))
        {
            foreach (var (month, meeting) in report.MeetingDates ?? new Dictionary<string, DateOnly>())
            {
                if (!ReportingPeriod.TryParse(month, out var period))
                {
                    yield return ConfigFinding.Error($"{path}.meetingDates", "has a key that is not a month written yyyy-MM.", "Key each meeting by the reporting month it considers, such as \"2025-01\": \"2025-03-13\".");
                }
                else if (meeting < new DateOnly(period.Year, period.Month, 1) || meeting > period.AsOf.AddYears(1))
                {
                    yield return ConfigFinding.Error($"{path}.meetingDates.{month}", "is before the month it reports on, or more than a year after it.", "Give the date of the meeting that reads the paper for that month (check the year).");
                }
            }
        }
    }
}
