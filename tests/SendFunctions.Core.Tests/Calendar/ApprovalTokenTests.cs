using System.Text;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Tests.Calendar;

public sealed class ApprovalTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a sign-off key of thirty-two bytes or more");
    private static readonly PaperVersion Paper = new(ReportingPeriod.Of(2025, 1), ReportKind.HwbBoard, 2);
    private static readonly DateTimeOffset Now = new(2025, 2, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_TokenItMade_IsValidForThatVersion()
    {
        var token = ApprovalToken.Create(Paper, Now.AddDays(7), Key);
        Assert.Equal((TokenCheck.Valid, (PaperVersion?)Paper), ApprovalToken.Verify(token, Key, Now));
    }

    [Fact]
    public void Verify_AfterExpiry_IsExpired()
    {
        var token = ApprovalToken.Create(Paper, Now.AddDays(7), Key);
        Assert.Equal(TokenCheck.Expired, ApprovalToken.Verify(token, Key, Now.AddDays(7)).Check);
    }

    [Fact]
    public void Verify_PayloadChangedToAnotherVersion_IsForged()
    {
        var token = ApprovalToken.Create(Paper, Now.AddDays(7), Key);
        var other = ApprovalToken.Create(Paper with { Version = 3 }, Now.AddDays(7), Key);
        var spliced = other[..other.IndexOf('.', StringComparison.Ordinal)] + token[token.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Equal(TokenCheck.Forged, ApprovalToken.Verify(spliced, Key, Now).Check);
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_IsForged()
    {
        var token = ApprovalToken.Create(Paper, Now.AddDays(7), Encoding.UTF8.GetBytes("another key, also thirty-two bytes long"));
        Assert.Equal(TokenCheck.Forged, ApprovalToken.Verify(token, Key, Now).Check);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".")]
    [InlineData("!!!.???")]
    [InlineData("MjAyNS0wMXxod2ItYm9hcmR8MnwxNzQxMjM0NTY3.AAAA")]
    public void Verify_Garbage_IsForged(string? token) => Assert.Equal(TokenCheck.Forged, ApprovalToken.Verify(token, Key, Now).Check);

    [Fact]
    public void Create_ShortKey_Throws() => Assert.Throws<ArgumentException>(() => ApprovalToken.Create(Paper, Now, new byte[16]));

    [Fact]
    public void SignOff_RoundTripsBesideTheManifest()
    {
        var signOff = new SignOff(Paper, "Sam Taylor", Now, SignOffMethod.Link);
        Assert.Equal(signOff, SignOff.FromJson(signOff.ToJson()));
        Assert.Equal("2025-01/hwb-board/v2/signoff.json", SignOff.BlobName(Paper));
        Assert.Equal("signed off by Sam Taylor on 27 February 2025 at 09:00 (approve link)", signOff.Describe(Now));
    }
}
