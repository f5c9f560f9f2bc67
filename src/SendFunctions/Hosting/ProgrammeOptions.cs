using System.ComponentModel.DataAnnotations;

namespace SendFunctions.Hosting;

/// <summary>Configuration section <c>Programme</c>: the host's own settings, apart from reporting.json.</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    /// <summary>The time zone in which "this month" and "today" are decided (IANA id).</summary>
    [Required]
    public string TimeZoneId { get; set; } = "Europe/London";

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
