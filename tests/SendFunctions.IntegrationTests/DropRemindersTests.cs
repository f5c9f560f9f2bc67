using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SendFunctions.Cli;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Storage;
using SendFunctions.Hosting;
using SendFunctions.Ingestion;

namespace SendFunctions.IntegrationTests;

/// <summary>DropReminders on a fake clock (a real clock cannot be moved to a due day), against Azurite; the host's SendOwnerEmails sends what it queues to the local SendGrid stand-in.</summary>
[Collection(HostTestGroup.Name)]
public sealed class DropRemindersTests(HostFixture host)
{
    [Fact]
    public async Task Run_FakeClockOnFridayAfterActionsDue_EscalatesActionsRemindsOthersOncePerDay()
    {
        // December 2032's drops: 1 January 2033 is a Saturday, so the bank holiday is Monday 3rd; actions are due
        // on the 3rd working day (Thursday 6th), milestones and metrics on the 5th (Monday 10th).
        // The programme must still be running in 2033 for the lead to be told: escalations stop after its deadline.
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var config = System.Text.Json.Nodes.JsonNode.Parse(original.Value.Content.ToString())!;
        config["programme"]!["deadline"] = "2033-12-31";
        config["programme"]!["endDate"] = "2033-12-31"; // reminders stop once the programme has ended
        await host.UploadConfigAsync(System.Text.Encoding.UTF8.GetBytes(config.ToJsonString()));
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2033, 1, 7, 8, 0, 0, TimeSpan.Zero));
            var reminders = Reminders(clock);

            await reminders.Run(null!, CancellationToken.None);
            await reminders.Run(null!, CancellationToken.None);
            await SettledAsync("2032-12", 3);

            var escalation = Assert.Single(host.SendGrid.Received, m => m.Subject.StartsWith("Overdue: the actions return for December 2032", StringComparison.Ordinal));
            Assert.Equal(["send.programme@example.gov.uk"], escalation.To);
            var milestones = Assert.Single(host.SendGrid.Received, m => m.Subject == "Reminder: the milestones return for December 2032 is due on 10 January 2033");
            var template = Assert.Single(milestones.Attachments); // the return's template; no November to carry forward, so headers and instructions
            Assert.Equal("milestones.xlsx", template.FileName);
            using (var workbook = new MemoryStream(template.Content))
            {
                var drop = new SendFunctions.Core.Ingestion.DropPath(SendFunctions.Core.Periods.ReportingPeriod.Of(2032, 12), SendFunctions.Core.Ingestion.Dataset.Milestones, SendFunctions.Core.Ingestion.FileFormat.Xlsx);
                Assert.Equal("milestones", SendFunctions.Core.Ingestion.DropValidator.Validate(drop, workbook, SendFunctions.Core.Ingestion.ValidationSettings.Default).Report.Sheet);
            }

            Assert.Single(host.SendGrid.Received, m => m.Subject == "Reminder: the metrics return for December 2032 is due on 10 January 2033");

            clock.Advance(TimeSpan.FromDays(1)); // Saturday: nothing
            await reminders.Run(null!, CancellationToken.None);
            await SettledAsync("2032-12", 3);
            Assert.Single(host.SendGrid.Received, m => m.Subject.StartsWith("Reminder: the milestones return for December 2032", StringComparison.Ordinal));

            clock.Advance(TimeSpan.FromDays(2)); // Monday 10th, the due day: reminded again, once
            await reminders.Run(null!, CancellationToken.None);
            await SettledAsync("2032-12", 5);
            Assert.Equal(2, host.SendGrid.Received.Count(m => m.Subject.StartsWith("Reminder: the milestones return for December 2032 is due", StringComparison.Ordinal)));
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    [Fact]
    public async Task Run_SeveralReturnsLate_SendsTheLeadOneDigestADay()
    {
        // December 2036's drops: actions due Tuesday 6 January 2037, milestones and metrics Thursday 8th; Tuesday 13th all are late.
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var config = System.Text.Json.Nodes.JsonNode.Parse(original.Value.Content.ToString())!;
        config["programme"]!["deadline"] = "2037-12-31";
        config["programme"]!["endDate"] = "2037-12-31"; // reminders stop once the programme has ended
        await host.UploadConfigAsync(System.Text.Encoding.UTF8.GetBytes(config.ToJsonString()));
        try
        {
            var reminders = Reminders(new FakeTimeProvider(new DateTimeOffset(2037, 1, 13, 8, 0, 0, TimeSpan.Zero)));

            await reminders.Run(null!, CancellationToken.None);
            await reminders.Run(null!, CancellationToken.None);
            await SettledAsync("2036-12", 1);

            var digest = Assert.Single(host.SendGrid.Received, m => m.Subject.StartsWith("Overdue:", StringComparison.Ordinal) && m.Subject.Contains("December 2036", StringComparison.Ordinal));
            Assert.Equal("Overdue: three returns for December 2036 are late (milestones, metrics and actions)", digest.Subject);
            Assert.Equal(["send.programme@example.gov.uk"], digest.To);
            Assert.Equal(3, digest.Cc.Count);
        }
        finally
        {
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    [Fact]
    public async Task Run_LastMonthTooLargeForAQueueMessage_TemplateTravelsByBlobAndArrivesAsSendfxMakesIt()
    {
        // February 2043's milestones, accepted with 600 rows, each titled apart: March's template is far over what an owner-emails message carries.
        var original = await host.Blobs.GetBlobContainerClient("config").GetBlobClient("reporting.json").DownloadContentAsync();
        var config = System.Text.Json.Nodes.JsonNode.Parse(original.Value.Content.ToString())!;
        config["programme"]!["deadline"] = "2043-12-31";
        config["programme"]!["endDate"] = "2043-12-31";
        await host.UploadConfigAsync(System.Text.Encoding.UTF8.GetBytes(config.ToJsonString()));
        var folder = Directory.CreateTempSubdirectory("sendfx-template-");
        try
        {
            var sample = await File.ReadAllLinesAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", "2025-01", "milestones.csv"));
            // Each row a sample row under a new id, its title made apart by a hash that does not compress away.
            var plain = sample.Skip(1).Where(l => !l.Contains('"', StringComparison.Ordinal)).ToList();
            var rows = Enumerable.Range(1, 600).Select(i =>
            {
                var fields = plain[i % plain.Count].Split(',');
                return string.Join(',', [$"WS9-{i:000}", fields[1], $"{fields[2]} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))}", .. fields[3..]]);
            });
            var csv = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", [sample[0], .. rows]) + "\n");
            await host.Blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient("2043-02/milestones.csv").UploadAsync(new BinaryData(csv), overwrite: true);
            var curated = host.Blobs.GetBlobContainerClient(StorageLayout.Curated).GetBlobClient(StorageLayout.CuratedName(ReportingPeriod.Of(2043, 2), Dataset.Milestones));
            await Eventually.GetAsync(async () => await curated.ExistsAsync() ? "curated" : null, "February 2043's milestones to be curated", seconds: 60);
            var due = ReturnsDue.DueDate(ReportingPeriod.Of(2043, 3), new DatasetSettings(new Person("Owner", "owner@example.gov.uk")), new WorkingDays());
            var reminders = Reminders(new FakeTimeProvider(new DateTimeOffset(due.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero)));

            await reminders.Run(null!, CancellationToken.None);
            await SettledAsync("2043-03", 1);

            var file = Path.Combine(folder.FullName, "milestones.xlsx");
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.True(await SendfxApp.RunAsync(["template", "--dataset", "milestones", "--period", "2043-03", "--out", file, "--connection", host.ConnectionString], output, error) == 0, error.ToString());
            var expected = await File.ReadAllBytesAsync(file);
            Assert.True(expected.Length > 36 * 1024, $"the template is {expected.Length} bytes: too small to need a blob");
            var reminder = await Eventually.GetAsync(
                () => Task.FromResult(host.SendGrid.Received.FirstOrDefault(m => m.Subject == $"Reminder: the milestones return for March 2043 is due today")),
                "the milestones reminder to arrive");
            var template = Assert.Single(reminder.Attachments);
            Assert.Equal("milestones.xlsx", template.FileName);
            Assert.Equal(expected, template.Content);
            Assert.DoesNotContain("sendfx template", reminder.Text, StringComparison.Ordinal);
            var stored = host.Blobs.GetBlobContainerClient(StorageLayout.MailAttachments).GetBlobClient(StorageLayout.MailAttachmentName(ReportingPeriod.Of(2043, 3), $"reminder-milestones-{due:yyyy-MM-dd}", 0, "milestones.xlsx"));
            await Eventually.GetAsync(async () => await stored.ExistsAsync() ? null : "deleted", "the stored template deleted once the reminder was sent");
        }
        finally
        {
            folder.Delete(recursive: true);
            await host.UploadConfigAsync(original.Value.Content.ToArray());
        }
    }

    /// <summary>Waits until the owner-emails queue is empty and the period's reminder rows are all settled.</summary>
    private Task<string> SettledAsync(string period, int rows) => Eventually.GetAsync(async () =>
    {
        var queue = host.Queues.GetQueueClient(SendFunctions.Core.Mail.OwnerEmailRequest.QueueName);
        if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            return null;
        }

        var settled = host.Tables.GetTableClient("deliveries").QueryAsync<SendFunctions.Mailing.DeliveryRow>(r => r.PartitionKey == period)
            .ToBlockingEnumerable().Count(r => r.Status == SendFunctions.Mailing.DeliveryStatus.Sent);
        return settled >= rows ? "settled" : null;
    }, "the queued reminders to be sent");

    private DropReminders Reminders(FakeTimeProvider clock) => new(
        host.Blobs,
        host.Queues,
        host.Tables,
        new ProgrammeClock(clock, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")),
        NullLogger<DropReminders>.Instance,
        host.Service<SendFunctions.Recovery.InFlightWork>());
}
