using Microsoft.Extensions.Options;

namespace SendFunctions.Hosting;

/// <summary>
/// The programme's clock: the time, and the date it is in the programme's time zone (<c>Programme:TimeZoneId</c>,
/// default Europe/London), which decides "today" for reminders and "the month just ended" for the cycle.
/// </summary>
public sealed class ProgrammeClock(TimeProvider time, TimeZoneInfo zone)
{
    public ProgrammeClock(TimeProvider time, IOptions<ProgrammeOptions> options)
        : this(time, (options ?? throw new ArgumentNullException(nameof(options))).Value.TimeZone)
    {
    }

    public TimeZoneInfo Zone => zone;

    /// <summary>The time source itself, for waits and delays.</summary>
    public TimeProvider Time => time;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
