using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Tests.Ingestion.Hostile;

/// <summary>
/// One tricky or hostile drop: how to make it, whether it should be accepted, an issue code the report must hold, and the
/// most this thread may allocate reading it (bytes; large inputs are allowed their size's worth, never more).
/// </summary>
internal sealed record HostileCase(string Name, Dataset Dataset, FileFormat Format, Func<byte[]> Make, bool Valid, IssueCode? Expected, long MaxAllocatedBytes = HostileCase.Ceiling)
{
    public const long Ceiling = 48L * 1024 * 1024;

    /// <summary>Either outcome is right (a Strict or macro workbook may be read or refused), as long as it is a clear report.</summary>
    public bool AnyOutcome { get; init; }

    public DropPath Drop => new(Support.Drops.January2025, Dataset, Format);

    public override string ToString() => Name;
}
