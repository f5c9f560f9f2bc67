using SendFunctions.Core.Actions;
using SendFunctions.Core.Business;
using SendFunctions.Core.Metrics;
using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Which return a file is from its header row, for a file uploaded under another dataset's name (a metrics file saved as
/// milestones.csv). Each dataset's column names and accepted variants are tried, exactly and as near misses (as
/// <see cref="HeaderSuggestion"/> finds them), so a return with a typo in a header is still recognised.
/// </summary>
internal static class DatasetRecognition
{
    /// <summary>Another dataset must have at least this share of its required columns in the header row.</summary>
    private const double RequiredShare = 0.75;

    /// <summary>
    /// The dataset the header row belongs to, when it is not <paramref name="declared"/>: only when the declared dataset
    /// lacks a required column, another has at least three quarters of its own, and that other explains more of the
    /// headers than the declared one does. Null otherwise, and the ordinary missing-column errors stand.
    /// </summary>
    public static Dataset? LooksLike(Dataset declared, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var keyed = headers.Where(h => h.Length > 0).Take(HeaderSuggestion.MaxCandidates).Select(h => (Header: h, Key: ColumnSpec.Normalise(h))).ToList();
        var declaredColumns = Columns(declared);
        if (declaredColumns.Where(c => c.Required).All(c => keyed.Any(h => c.Matches(h.Key))))
        {
            return null;
        }

        var declaredExplained = Explained(declaredColumns, keyed);
        var declaredShare = RequiredFound(declaredColumns, keyed);
        return Enum.GetValues<Dataset>()
            .Where(d => d != declared)
            .Select(d => (Dataset: d, Share: RequiredFound(Columns(d), keyed), Explained: Explained(Columns(d), keyed)))
            .Where(c => c.Share >= RequiredShare && (c.Explained > declaredExplained || (c.Explained == declaredExplained && c.Share > declaredShare)))
            .OrderByDescending(c => c.Explained).ThenByDescending(c => c.Share).ThenBy(c => c.Dataset)
            .Select(c => (Dataset?)c.Dataset)
            .FirstOrDefault();
    }

    /// <summary>The error for a file of <paramref name="other"/> uploaded as <paramref name="drop"/>: what it looks like, and both paths.</summary>
    public static ValidationIssue Issue(DropPath drop, Dataset other, int headerRow)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var declared = drop.Dataset.ToSlug();
        var looksLike = other.ToSlug();
        var there = new DropPath(drop.Period, other, drop.Format);
        return new ValidationIssue(headerRow, null, looksLike, IssueCode.WrongDataset,
            $"This looks like a {looksLike} return, not a {declared} return: its header row has the {looksLike} columns ({RequiredNames(other)}), "
            + $"not the {declared} ones ({RequiredNames(drop.Dataset)}). If it is the {looksLike} return, upload it as drops/{there.Name}. "
            + $"If you meant to send the {declared} return, upload that file as drops/{drop.Name} instead.");
    }

    /// <summary>The columns of each dataset, as its schema declares them.</summary>
    public static IReadOnlyList<ColumnSpec> Columns(Dataset dataset) => dataset switch
    {
        Dataset.Milestones => MilestoneSchema.Spec,
        Dataset.Metrics => MetricSchema.Spec,
        Dataset.Actions => ActionSchema.Spec,
        Dataset.Updates => UpdateSchema.Spec,
        Dataset.Decisions => DecisionSchema.Spec,
        Dataset.Risks => RiskSchema.Spec,
        Dataset.Targets => TargetSchema.Spec,
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    private static string RequiredNames(Dataset dataset) => string.Join(", ", Columns(dataset).Where(c => c.Required).Select(c => c.Name));

    private static double RequiredFound(IReadOnlyList<ColumnSpec> columns, List<(string Header, string Key)> headers)
    {
        var required = columns.Where(c => c.Required).ToList();
        return (double)required.Count(c => Found(c, headers)) / required.Count;
    }

    /// <summary>How many headers are one of the dataset's columns, exactly or nearly.</summary>
    private static int Explained(IReadOnlyList<ColumnSpec> columns, List<(string Header, string Key)> headers) =>
        headers.Count(h => columns.Any(c => Found(c, [h])));

    private static bool Found(ColumnSpec column, List<(string Header, string Key)> headers) =>
        headers.Any(h => column.Matches(h.Key)) || HeaderSuggestion.Closest(column, headers) is not null;
}
