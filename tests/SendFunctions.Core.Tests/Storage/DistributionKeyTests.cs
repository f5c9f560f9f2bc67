using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Tests.Storage;

public sealed class DistributionKeyTests
{
    private static readonly PaperVersion Paper = new(ReportingPeriod.Parse("2025-01"), ReportKind.CypeCommittee, 12);

    [Fact]
    public void DistributionKey_ParsedBack_IsTheSameVersion()
    {
        Assert.Equal("cype-committee-v12-distribution", Paper.DistributionKey);
        Assert.True(PaperVersion.TryParseDistribution("2025-01", Paper.DistributionKey, out var parsed));
        Assert.Equal(Paper, parsed);
    }

    [Theory]
    [InlineData("2025-01", "cype-committee-v12-resend-20250203T091500Z")]
    [InlineData("2025-01", "drop-milestones-20250203T091500123Z-0x8D")]
    [InlineData("2025-01", "not-a-kind-v1-distribution")]
    [InlineData("2025-01", "hwb-board-vX-distribution")]
    [InlineData("_unrecognised", "hwb-board-v1-distribution")]
    public void TryParseDistribution_NotAPaperVersionsDistribution_IsFalse(string partition, string rowKey) =>
        Assert.False(PaperVersion.TryParseDistribution(partition, rowKey, out _));

    [Fact]
    public void EmailRequestDeliveryKey_IsTheVersionsDistributionOrResendKey()
    {
        var request = new EmailRequest(Paper, "paper.docx", "Title");

        Assert.Equal(Paper.DistributionKey, request.DeliveryKey);
        Assert.Equal("cype-committee-v12-resend-20250203T091500Z", (request with { Resend = "20250203T091500Z" }).DeliveryKey);
    }

    [Fact]
    public void EmailRequestFor_Manifest_CarriesWhatTheManifestRecords()
    {
        var months = new[] { ReportingPeriod.Parse("2024-12"), ReportingPeriod.Parse("2025-01") };
        var manifest = new ReportManifest(
            Paper.Period, Paper.Kind, Paper.Version, "f", DateTimeOffset.UnixEpoch, [], "c", new SendFunctions.Core.Status.StatusJson.SummaryJson(1, 0, 1, 0, 0),
            [new ManifestFile("paper.docx", 1, "s")], Highlights: ["h"], Attention: ["a"], Covers: months, Meeting: new DateOnly(2025, 3, 13));

        var request = EmailRequest.For(manifest);

        Assert.Equal((Paper, "paper.docx", "January 2025"), (request.Paper, request.FileName, request.Title)); // no title recorded: the month
        Assert.Equal(["h"], request.Highlights!);
        Assert.Equal(["a"], request.Attention!);
        Assert.Equal(months, request.Covers!);
        Assert.Equal(Paper.DistributionKey, request.DeliveryKey);
        Assert.Equal("Title", EmailRequest.For(manifest with { Title = "Title" }).Title);
    }
}
