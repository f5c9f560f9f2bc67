using SendFunctions.Core.Mail;

namespace SendFunctions.Core.Tests.Configuration;

public sealed class PlainAddressTests
{
    [Theory]
    [InlineData("clerk@wirral.gov.uk")]
    [InlineData("o'brien.j+send@nhs.net")]
    [InlineData("a@b.co")]
    public void Check_PlainAddress_IsNull(string address) => Assert.Null(PlainAddress.Check(address));

    [Theory]
    [InlineData("", AddressFault.Blank)]
    [InlineData("   ", AddressFault.Blank)]
    [InlineData(" clerk@wirral.gov.uk", AddressFault.SurroundingSpace)]
    [InlineData("clerk@wirral.gov.uk\t", AddressFault.SurroundingSpace)]
    [InlineData("Clerk <clerk@wirral.gov.uk>", AddressFault.DisplayName)]
    [InlineData("<clerk@wirral.gov.uk>", AddressFault.DisplayName)]
    [InlineData("a@wirral.gov.uk; b@wirral.gov.uk", AddressFault.Several)]
    [InlineData("a@wirral.gov.uk b@wirral.gov.uk", AddressFault.Several)]
    [InlineData("clerk.wirral.gov.uk", AddressFault.NoAt)]
    [InlineData("cl erk@wirral.gov.uk", AddressFault.BadLocalPart)]
    [InlineData(".clerk@wirral.gov.uk", AddressFault.BadLocalPart)]
    [InlineData("cl..erk@wirral.gov.uk", AddressFault.BadLocalPart)]
    [InlineData("clerk@wirral", AddressFault.BadDomain)]
    [InlineData("clerk@-wirral.gov.uk", AddressFault.BadDomain)]
    [InlineData("clerk@wirral..gov.uk", AddressFault.BadDomain)]
    [InlineData("clerk@wirral.gov.u1", AddressFault.BadDomain)]
    public void Check_NotPlain_SaysWhy(string address, AddressFault fault) => Assert.Equal(fault, PlainAddress.Check(address));

    [Fact]
    public void RefusalOf_BadCc_NamesTheListAndPositionNotTheAddress()
    {
        var message = new MailMessage(["clerk@wirral.gov.uk"], ["ok@wirral.gov.uk", "Lead <lead@wirral.gov.uk>"], [], "s", "h", "t", []);

        var refusal = PlainAddress.RefusalOf(message);

        Assert.StartsWith("Not sent: cc address 2 has a name", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("lead@", refusal, StringComparison.Ordinal);
    }
}
