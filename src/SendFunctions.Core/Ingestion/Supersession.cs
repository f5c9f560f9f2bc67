namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Which of two accepted uploads of one period and dataset is current: the one storage recorded as written later, whatever
/// order they were processed in. Storage records upload times to the second, so for two uploads in the same second the one
/// still in <c>drops</c> (the later write to that name) wins; two different files written in one second that are both still
/// there are ordered by ETag, so the choice is at least the same on every instance and every re-run.
/// </summary>
public static class Supersession
{
    public static bool Replaces(DropSource current, bool currentStillInDrops, DropSource incoming, bool incomingStillInDrops)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        var bySecond = Second(incoming.UploadedAt).CompareTo(Second(current.UploadedAt));
        if (bySecond != 0)
        {
            return bySecond > 0;
        }

        if (string.Equals(current.ETag, incoming.ETag, StringComparison.Ordinal) || currentStillInDrops != incomingStillInDrops)
        {
            return !string.Equals(current.ETag, incoming.ETag, StringComparison.Ordinal) && incomingStillInDrops;
        }

        return string.CompareOrdinal(incoming.ETag, current.ETag) > 0;
    }

    /// <summary>Whether the same-second rule is needed: only then does storage have to be asked which upload is still there.</summary>
    public static bool SameSecond(DropSource current, DropSource incoming)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        return Second(current.UploadedAt) == Second(incoming.UploadedAt) && !string.Equals(current.ETag, incoming.ETag, StringComparison.Ordinal);
    }

    private static long Second(DateTimeOffset at) => at.ToUnixTimeSeconds();
}
