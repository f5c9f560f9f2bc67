using Microsoft.Extensions.Logging.Abstractions;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Storage;
using SendFunctions.Mailing;
using SendFunctions.Operations;
using SendFunctions.Reporting;

namespace SendFunctions.IntegrationTests;

/// <summary>The subject history's source in storage: papers the system distributed, read from the deliveries table on Azurite.</summary>
[Collection(HostTestGroup.Name)]
public sealed class DistributedPapersTests(HostFixture host)
{
    [Fact]
    public async Task Read_SentDistributionOnly_IsItsBoardOnTheDayItWentInUkTime()
    {
        var table = host.Tables.GetTableClient(StorageLayout.DeliveriesTable);
        await table.CreateIfNotExistsAsync();
        var sentAt = new DateTimeOffset(2031, 6, 30, 23, 30, 0, TimeSpan.Zero); // 1 July 2031 in London (BST)
        await table.UpsertEntityAsync(new DeliveryRow { PartitionKey = "2031-05", RowKey = "cype-committee-v2-distribution", Status = DeliveryStatus.Sent, SentAt = sentAt });
        await table.UpsertEntityAsync(new DeliveryRow { PartitionKey = "2031-05", RowKey = "hwb-board-v1-distribution", Status = DeliveryStatus.Failed });
        await table.UpsertEntityAsync(new DeliveryRow { PartitionKey = "2031-05", RowKey = "exceptions-v1-distribution", Status = DeliveryStatus.Sent, SentAt = sentAt });
        await table.UpsertEntityAsync(new DeliveryRow { PartitionKey = "2031-05", RowKey = "hwb-board-v1-resend-20310701T090000Z", Status = DeliveryStatus.Sent, SentAt = sentAt });
        var config = (await ProgrammeConfigStore.LoadAsync(host.Blobs, NullLogger.Instance, CancellationToken.None)).Config!;

        var entries = await DistributedPapers.ReadAsync(host.Tables, host.Blobs, config, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), CancellationToken.None);

        var from2031 = entries.Where(e => e.Date.Year == 2031).ToList();
        Assert.Equal([new HistoryEntry(config.ReportFor("cype-committee")!.Board, new DateOnly(2031, 7, 1))], from2031);
    }
}
