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
}
