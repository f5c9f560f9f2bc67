using System.Text;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Tests.Mail;

public sealed class DeliveryEventTests
{
    [Fact]
    public void Parse_TrackedEventOfOurs_ReadsDeliveryRecipientTimeIdAndReason()
    {
        var batch = Parse("""[{"email":"Clerk@Example.gov.uk","event":"bounce","timestamp":1738368000,"sg_event_id":"e1","reason":"550 unknown","deliveryId":"2025-01/hwb-board-v1-distribution"}]""")!;

        var parsed = Assert.Single(batch.Events);
        Assert.Equal(new DeliveryEvent("2025-01", "hwb-board-v1-distribution", "clerk@example.gov.uk", RecipientState.Bounced, DateTimeOffset.FromUnixTimeSeconds(1738368000), "e1", "550 unknown"), parsed);
    }

    [Fact]
    public void Parse_DeferredWithoutReason_TakesTheServersResponse()
    {
        var batch = Parse("""[{"email":"a@x.gov.uk","event":"deferred","timestamp":1,"sg_event_id":"e1","response":"421 busy","deliveryId":"p/k"}]""")!;

        Assert.Equal("421 busy", Assert.Single(batch.Events).Reason);
    }

    [Fact]
    public void Parse_OtherKindsAndOtherSendersMail_AreIgnoredNotSkipped()
    {
        var batch = Parse("""
            [{"email":"a@x.gov.uk","event":"open","timestamp":1,"deliveryId":"p/k"},
             {"email":"a@x.gov.uk","event":"delivered","timestamp":1}]
            """)!;

        Assert.Empty(batch.Events);
        Assert.Equal((2, 0), (batch.Ignored, batch.Skipped));
    }

    [Theory]
    [InlineData("""{"email":"a@x.gov.uk","event":"delivered","timestamp":"1","deliveryId":"p/k"}""")] // time as text
    [InlineData("""{"email":"a@x.gov.uk","event":"delivered","timestamp":-5,"deliveryId":"p/k"}""")]
    [InlineData("""{"email":"a@x.gov.uk","event":"delivered","timestamp":1e30,"deliveryId":"p/k"}""")]
    [InlineData("""{"email":"a@x.gov.uk","event":"delivered","deliveryId":"p/k"}""")] // no time
    [InlineData("""{"email":42,"event":"delivered","timestamp":1,"deliveryId":"p/k"}""")]
    [InlineData("""{"email":"no-at-sign","event":"delivered","timestamp":1,"deliveryId":"p/k"}""")]
    [InlineData("""{"email":"a@x.gov.uk","event":"delivered","timestamp":1,"deliveryId":"no-slash"}""")]
    [InlineData("""{"email":"a@x.gov.uk","event":"delivered","timestamp":1,"deliveryId":"p/k#1"}""")] // not a table key
    [InlineData("""{"email":"a@x.gov.uk","event":"delivered","timestamp":1,"deliveryId":{"p":"k"}}""")]
    [InlineData("""{"event":17}""")]
    [InlineData("""[1,2]""")]
    public void Parse_OneUnreadableEvent_IsSkippedAndTheGoodOneKept(string bad)
    {
        var batch = Parse($$"""[{{bad}},{"email":"a@x.gov.uk","event":"delivered","timestamp":2,"sg_event_id":"good","deliveryId":"p/k"}]""")!;

        Assert.Equal("good", Assert.Single(batch.Events).EventId);
        Assert.Equal(1, batch.Skipped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"event\":\"delivered\"}")]
    [InlineData("[{\"event\":")]
    [InlineData("null")]
    public void Parse_NotAJsonArray_IsNull(string body) => Assert.Null(Parse(body));

    [Fact]
    public void Parse_NoEventId_GetsOneFromKindAndTimeSoAReplayStillMatches()
    {
        const string Body = """[{"email":"a@x.gov.uk","event":"Delivered","timestamp":7,"deliveryId":"p/k"}]""";

        Assert.Equal("delivered@7", Assert.Single(Parse(Body)!.Events).EventId);
    }

    [Theory]
    [InlineData(RecipientState.Delivered, 10, RecipientState.Processed, 5, true)]
    [InlineData(RecipientState.Processed, 5, RecipientState.Delivered, 10, false)] // an older event arriving late
    [InlineData(RecipientState.Deferred, 9, RecipientState.Delivered, 10, false)]
    [InlineData(RecipientState.Delivered, 10, RecipientState.Processed, 10, true)] // same second: further along wins
    [InlineData(RecipientState.Processed, 10, RecipientState.Delivered, 10, false)]
    [InlineData(RecipientState.Bounced, 20, RecipientState.Delivered, 10, true)] // a bounce after delivery
    [InlineData(RecipientState.Processed, 1, RecipientState.Accepted, 50, true)] // any event replaces our own record of the 202
    public void Supersedes_LaterEventWinsWhateverTheOrderOfArrival(RecipientState next, int nextAt, RecipientState current, int currentAt, bool expected) =>
        Assert.Equal(expected, RecipientStates.Supersedes(next, DateTimeOffset.FromUnixTimeSeconds(nextAt), current, DateTimeOffset.FromUnixTimeSeconds(currentAt)));

    [Theory]
    [InlineData(RecipientState.Bounced, true)]
    [InlineData(RecipientState.Dropped, true)]
    [InlineData(RecipientState.Deferred, false)]
    [InlineData(RecipientState.Delivered, false)]
    public void IsFailure_OnlyBounceAndDrop(RecipientState state, bool expected) => Assert.Equal(expected, state.IsFailure());

    [Fact]
    public void Addressees_AnAddressOnTwoListsOrTwiceInAnyCase_GoesToItsFirstListOnce()
    {
        var message = new MailMessage(["a@x.gov.uk", "A@X.gov.uk"], ["b@x.gov.uk", "a@x.gov.uk"], ["B@x.gov.uk", "c@x.gov.uk"], "s", "h", "t", []);

        var addressees = Addressees.Of(message);

        Assert.Equal(["a@x.gov.uk"], addressees.To);
        Assert.Equal(["b@x.gov.uk"], addressees.Cc);
        Assert.Equal(["c@x.gov.uk"], addressees.Bcc);
        Assert.Equal(["a@x.gov.uk", "b@x.gov.uk", "c@x.gov.uk"], addressees.All);
    }

    [Theory]
    [InlineData("Clerk@Example.gov.uk", "hwb-board-v1-distribution~clerk@example.gov.uk")]
    [InlineData("o'brien#1/x?y%z@example.gov.uk", "hwb-board-v1-distribution~o'brien%231%2Fx%3Fy%25z@example.gov.uk")]
    public void RecipientKey_LowerCaseWithWhatAKeyCannotHoldEscaped(string address, string expected)
    {
        var key = StorageLayout.RecipientKey("hwb-board-v1-distribution", address);

        Assert.Equal(expected, key);
        Assert.True(StorageLayout.IsTableKey(key));
    }

    [Fact]
    public void DeliveryId_RoundTripsThroughTheCustomArgument()
    {
        Assert.True(StorageLayout.TryParseDeliveryId(StorageLayout.DeliveryId("2025-01", "drop-metrics-x"), out var partition, out var key));
        Assert.Equal(("2025-01", "drop-metrics-x"), (partition, key));
        Assert.False(StorageLayout.TryParseDeliveryId("/k", out _, out _));
        Assert.False(StorageLayout.TryParseDeliveryId("p/", out _, out _));
        Assert.False(StorageLayout.TryParseDeliveryId("p/k/more", out _, out _));
    }

    [Fact]
    public void ReplyToAddress_UnsetIsTheLead_SetIsTrimmed()
    {
        var programme = new ProgrammeSettings("P", "Area", new DateOnly(2025, 10, 31), new Person("Lead", "lead@example.gov.uk"));

        Assert.Equal("lead@example.gov.uk", programme.ReplyToAddress);
        Assert.Equal("team@example.gov.uk", (programme with { ReplyTo = " team@example.gov.uk " }).ReplyToAddress);
    }

    private static DeliveryEventBatch? Parse(string json) => DeliveryEvent.Parse(Encoding.UTF8.GetBytes(json));
}
