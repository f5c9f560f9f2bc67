using SendFunctions.Core.Calendar;

namespace SendFunctions.Core.Configuration.Checks;

/// <summary>Each report kind's committee calendar (<see cref="ReportCalendar.Resolve"/>): meeting dates, lead times, the deadline's time, who signs off.</summary>
internal sealed class CalendarRule : IConfigRule
{
    public IEnumerable<ConfigFinding> Check(ReportingConfig config)
    {
        foreach (var problem in ReportCalendar.Resolve(config).Problems)
        {
            // Each problem begins with its setting ("{setting}: ..." or "{setting} ...") and says what to write.
            var end = problem.IndexOfAny([':', ' ']);
            yield return new ConfigFinding(ConfigSeverity.Error, end > 0 ? problem[..end] : "reports", problem);
        }
    }
}
