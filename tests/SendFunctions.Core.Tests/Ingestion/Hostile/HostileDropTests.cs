using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Ingestion.Hostile;

/// <summary>
/// Every case of the hostile corpus ends in a clear report or refusal: no exception, the expected issue, short values and
/// messages, a report that serialises, and no more allocated on this thread than the case's ceiling.
/// </summary>
public sealed class HostileDropTests
{
    private static readonly Dictionary<string, HostileCase> Corpus = CsvCorpus.All().Concat(XlsxCorpus.All()).ToDictionary(c => c.Name);

    public static TheoryData<string> Cases() => [.. Corpus.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Corpus_CoversBothFormatsAndEveryDataset()
    {
        Assert.True(Corpus.Count >= 60, $"{Corpus.Count} cases");
        Assert.All(Enum.GetValues<Dataset>(), d => Assert.Contains(Corpus.Values, c => c.Dataset == d));
        Assert.All(Enum.GetValues<FileFormat>(), f => Assert.True(Corpus.Values.Count(c => c.Format == f) >= 25));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_HostileDrop_EndsInAClearReport(string name)
    {
        var hostile = Corpus[name];
        var bytes = hostile.Make();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Drops.Validate(hostile.Drop, bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before; // this thread only: other test classes run in parallel

        var issues = result.Report.Errors.Concat(result.Report.Warnings).ToList();
        Assert.True(allocated < hostile.MaxAllocatedBytes, $"allocated {allocated:N0} bytes");
        if (!hostile.AnyOutcome)
        {
            Assert.True(hostile.Valid == result.Valid, $"valid {result.Valid}: {string.Join(" | ", result.Report.Errors.Take(3).Select(e => $"{e.Code} {e.Message}"))}");
        }

        if (hostile.Expected is { } code)
        {
            Assert.Contains(issues, i => i.Code == code);
        }

        Assert.Equal(result.Valid, result.Data is not null);
        Assert.True(result.Report.Errors.Count <= IngestionLimits.Default.MaxIssuesKept + 1);
        Assert.All(issues, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Message));
            Assert.True(i.Message.Length < 1_000, i.Code.ToString());
            Assert.True((i.Value?.Length ?? 0) <= 83 && (i.Column?.Length ?? 0) <= 83, i.Code.ToString());
            Assert.DoesNotContain("root:", i.Message, StringComparison.Ordinal);
        });
        Assert.True(ValidationReportWriter.ToCsv(result.Report).Length < 1024 * 1024);
        Assert.NotEmpty(ValidationReportWriter.ToJson(result.Report));
    }
}
