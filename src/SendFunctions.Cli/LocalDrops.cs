using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Status;

namespace SendFunctions.Cli;

/// <summary>
/// A folder laid out like the drops container, read as the system would have accepted it: each
/// <c>{period}/{dataset}.csv|xlsx</c> up to the given period is validated, and only valid files count; a file
/// present but invalid makes that return Rejected, an absent one Missing.
/// </summary>
internal static class LocalDrops
{
    /// <param name="privacy">The personal-data settings of reporting.json, as the host applies them; null for the default.</param>
    /// <param name="expected">Whether the programme expects an optional dataset (reporting.json names its owner); null for none.</param>
    public static LocalData Load(DirectoryInfo root, ReportingPeriod upTo, DateOnly deadline, PersonalDataPolicy? privacy = null, Func<Dataset, bool>? expected = null)
    {
        var accepted = new Dictionary<ReportingPeriod, AcceptedPeriod>();
        var notes = new List<string>();
        foreach (var folder in root.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (!ReportingPeriod.TryParse(folder.Name, out var period) || period > upTo)
            {
                continue;
            }

            var rows = new Dictionary<Dataset, DatasetRows>();
            var rejected = new HashSet<Dataset>();
            foreach (var file in folder.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (DropPath.Parse($"{folder.Name}/{file.Name}").Drop is not { } drop)
                {
                    continue;
                }

                if (rows.ContainsKey(drop.Dataset) || rejected.Contains(drop.Dataset))
                {
                    notes.Add($"{drop.Period}/{file.Name}: a second {drop.Dataset.ToSlug()} file for the month; only the first, in name order, is used.");
                    continue;
                }

                using var stream = file.OpenRead();
                var result = DropValidator.Validate(drop, stream, new ValidationSettings(deadline, IngestionLimits.Default) { PersonalData = privacy ?? PersonalDataPolicy.Default });
                if (result.Data is { } data)
                {
                    rows[drop.Dataset] = data;
                }
                else
                {
                    rejected.Add(drop.Dataset);
                    notes.Add($"{drop.Period}/{file.Name}: rejected ({result.Report.Errors.Count} errors; run 'sendfx validate' on it), so not used.");
                }
            }

            // A folder knows no upload dates, so none are claimed: a file present but invalid is Rejected, an absent one Missing.
            accepted[period] = new AcceptedPeriod(
                rows.Values,
                new PeriodReturns(Return(Dataset.Milestones), Return(Dataset.Metrics), Return(Dataset.Actions))
                {
                    Optional = PeriodReturns.OptionalOf(Enum.GetValues<Dataset>().Where(d => d.IsOptional()).Select(Return), expected ?? (_ => false)),
                });

            DatasetReturn Return(Dataset dataset) =>
                rows.ContainsKey(dataset) ? DatasetReturn.Accepted(dataset)
                : rejected.Contains(dataset) ? DatasetReturn.Rejected(dataset)
                : DatasetReturn.Missing(dataset);
        }

        return new LocalData(accepted, notes);
    }
}

/// <summary>The status of a period computed from a local drops folder, with what was left out said on standard error.</summary>
internal static class LocalStatus
{
    /// <summary>Null (after saying why) when the period has no valid milestones file.</summary>
    public static PeriodStatus? Compute(
        DirectoryInfo data, ReportingPeriod period, DateOnly deadline, decimal tolerance, MissingReturnDisplay missingReturns, TextWriter error, PersonalDataPolicy? privacy = null, Func<Dataset, bool>? expected = null)
    {
        var local = LocalDrops.Load(data, period, deadline, privacy, expected);
        foreach (var note in local.Notes)
        {
            error.WriteLine(note);
        }

        if (AcceptedData.InputsFor(period, deadline, tolerance, local.Accepted, missingReturns) is not { } inputs)
        {
            error.WriteLine($"There is no valid milestones file for {period} in {data.FullName}: expected {period}/milestones.csv or .xlsx that passes 'sendfx validate'.");
            return null;
        }

        return StatusEngine.Compute(inputs);
    }
}

internal sealed record LocalData(IReadOnlyDictionary<ReportingPeriod, AcceptedPeriod> Accepted, IReadOnlyList<string> Notes);
