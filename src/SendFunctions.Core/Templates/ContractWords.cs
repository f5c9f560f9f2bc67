using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Templates;

/// <summary>The words the data contract gives each closed choice, as an owner writes them (and the schemas read them).</summary>
internal static class ContractWords
{
    public static readonly IReadOnlyList<string> YesNo = ["Yes", "No"];

    public static readonly IReadOnlyList<string> OneToFive = ["1", "2", "3", "4", "5"];

    public static string Of(ReportedStatus status) => status switch
    {
        ReportedStatus.NotStarted => "Not started",
        ReportedStatus.InProgress => "In progress",
        ReportedStatus.Complete => "Complete",
        ReportedStatus.OnHold => "On hold",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(MetricUnit unit) => MetricSchema.Symbol(unit);

    public static string Of(Polarity polarity) => polarity == Polarity.Higher ? "higher" : "lower";

    /// <summary>Open, Closed, Decision, ReportBack, Done, Up, Risk, Issue...: the enum's own name is the contract's word.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => value.ToString();

    public static IReadOnlyList<string> All<T>(Func<T, string> word)
        where T : struct, Enum => Enum.GetValues<T>().Select(word).ToList();

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => All<T>(Of);
}
