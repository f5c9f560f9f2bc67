using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Calendar;

/// <summary>How one month's return differs between the data a paper version was made from and the data there is now.</summary>
public enum InputChangeKind
{
    /// <summary>A later accepted upload replaced the one the version used.</summary>
    Corrected,

    /// <summary>Accepted since the version was made; the version had none.</summary>
    Received,

    /// <summary>The version used it; the paper would not use it now.</summary>
    NoLongerUsed,
}

/// <param name="UploadedAt">When the upload now used arrived; null for <see cref="InputChangeKind.NoLongerUsed"/>.</param>
public sealed record InputChange(ReportingPeriod Period, Dataset Dataset, InputChangeKind Kind, DateTimeOffset? UploadedAt)
{
    /// <summary>
    /// What changed between two sets of a paper's inputs, by month and return: an accepted drop is one upload (its ETag), so a
    /// different ETag for the same month and return is a correction. Oldest month first, then in the datasets' order.
    /// </summary>
    public static IReadOnlyList<InputChange> Between(IReadOnlyList<ManifestInput> before, IReadOnlyList<ManifestInput> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = before.ToDictionary(i => (i.Period, i.Dataset));
        var now = after.ToDictionary(i => (i.Period, i.Dataset));
        var changes = new List<InputChange>();
        foreach (var (key, input) in now)
        {
            if (!was.TryGetValue(key, out var earlier))
            {
                changes.Add(new InputChange(key.Period, key.Dataset, InputChangeKind.Received, input.UploadedAt));
            }
            else if (!string.Equals(earlier.ETag, input.ETag, StringComparison.Ordinal))
            {
                changes.Add(new InputChange(key.Period, key.Dataset, InputChangeKind.Corrected, input.UploadedAt));
            }
        }

        changes.AddRange(was.Keys.Where(k => !now.ContainsKey(k)).Select(k => new InputChange(k.Period, k.Dataset, InputChangeKind.NoLongerUsed, null)));
        return changes.OrderBy(c => c.Period).ThenBy(c => c.Dataset).ToList();
    }

    /// <summary>A short key of a set of inputs (the months, returns and uploads), for the ledger row of asking for a paper made from them.</summary>
    public static string KeyOf(IReadOnlyList<ManifestInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var text = string.Join('|', inputs.Select(i => $"{i.Period}/{i.Dataset.ToSlug()}@{i.ETag}").Order(StringComparer.Ordinal));
        return ReportManifest.Sha256(System.Text.Encoding.UTF8.GetBytes(text))[..16];
    }

    /// <summary>"The January 2025 metrics return was corrected (uploaded on 3 March 2025)."</summary>
    /// <param name="zone">The zone the upload day is given in (UK local time).</param>
    public string Describe(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var what = $"The {Period.ToLongName()} {DataNarrative.Name(Dataset)}";
        var uploaded = UploadedAt is { } at ? $" (uploaded on {Words.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime))})" : string.Empty;
        return Kind switch
        {
            InputChangeKind.Corrected => $"{what} was corrected{uploaded}.",
            InputChangeKind.Received => $"{what} was received{uploaded}.",
            _ => $"{what} is no longer used.",
        };
    }
}
