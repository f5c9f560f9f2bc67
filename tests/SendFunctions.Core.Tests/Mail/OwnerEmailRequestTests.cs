using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Tests.Mail;

public sealed class OwnerEmailRequestTests
{
    private static readonly UploadFeedback Feedback = new(
        ReportingPeriod.Parse("2025-01"), Dataset.Metrics, FileFormat.Xlsx, "2025-01/metrics.xlsx",
        new DateTimeOffset(2025, 2, 3, 9, 15, 0, TimeSpan.Zero), "\"0x8DD1\"", new Person("Pat Owner", "pat@example.gov.uk"));

    [Fact]
    public void FromJson_Feedback_RoundTripsTypedWithTheUploadsNames()
    {
        var read = OwnerEmailRequest.FromJson(OwnerEmailRequest.For(Feedback).ToJson());

        Assert.NotNull(read);
        Assert.Equal(Feedback, read.Feedback);
        Assert.Equal("drop-metrics-20250203T091500000Z-0x8DD1", read.DeliveryKey);
        Assert.Equal("2025-01/metrics/20250203T091500000Z-0x8DD1.json", read.Feedback!.ReportJson);
        Assert.Equal("2025-01/metrics/20250203T091500000Z-0x8DD1.csv", read.Feedback.ReportCsv);
    }

    [Fact]
    public void FromJson_Reminder_RoundTripsTheComposedEmail()
    {
        var reminder = new MailMessage(["lead@example.gov.uk"], ["pat@example.gov.uk"], [], "Overdue", "<p>x</p>", "x", []);

        var read = OwnerEmailRequest.FromJson(OwnerEmailRequest.For(ReportingPeriod.Parse("2025-01"), "escalation-metrics-2025-02-10", reminder).ToJson());

        Assert.NotNull(read?.Reminder);
        Assert.Equal(reminder.To, read.Reminder.To);
        Assert.Equal(reminder.Cc, read.Reminder.Cc);
        Assert.Equal("Overdue", read.Reminder.Subject);
        Assert.Null(read.Feedback);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"period":"2025-01","deliveryKey":"k"}""")]
    [InlineData("""{"period":"2025-01","deliveryKey":""}""")]
    public void FromJson_Invalid_IsNull(string json) => Assert.Null(OwnerEmailRequest.FromJson(json));
}
