using System.Text;
using Azure;
using Azure.Data.Tables;
using SendFunctions.Core.Storage;

namespace SendFunctions.IntegrationTests;

/// <summary>A drop holding personal data, through the real host: rejected, archived as uploaded, and the value in no report or run record.</summary>
[Collection(HostTestGroup.Name)]
public sealed class PersonalDataIngestTests(HostFixture host)
{
    [Fact]
    public async Task Upload_CommentaryWithAnNhsNumber_IsRejectedArchivedAndNeverEchoed()
    {
        const string name = "2032-07/milestones.csv";
        var content = Encoding.UTF8.GetBytes(
            "MilestoneId,Workstream,Milestone,Owner,DueDate,Status,Commentary\r\n"
            + "WS1-01,Leadership,Deliver the thing,Head of SEND,31/12/2032,In progress,\"Child's NHS number 943 476 5919, DOB 12/03/2015\"\r\n");
        var uploaded = (await host.Blobs.GetBlobContainerClient("drops").GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true)).Value;
        var stamp = StorageLayout.Stamp(uploaded.LastModified, uploaded.ETag.ToString());

        var run = await Eventually.GetAsync(() => FindRunAsync("2032-07", $"IngestDrop-milestones-{stamp}"), $"the ingest run of {name}");

        Assert.Equal("Rejected", run.GetString("Outcome"));
        Assert.Equal(2, run.GetInt32("Errors"));
        Assert.Equal(content, await DownloadAsync("archive", $"2032-07/milestones/{stamp}.csv"));
        var json = Encoding.UTF8.GetString(await DownloadAsync("validation", $"2032-07/milestones/{stamp}.json"));
        var csv = Encoding.UTF8.GetString(await DownloadAsync("validation", $"2032-07/milestones/{stamp}.csv"));
        Assert.Contains("PersonalData", json, StringComparison.Ordinal);
        string[] written = [json, csv, .. ((IDictionary<string, object>)run).Values.Select(v => v?.ToString() ?? string.Empty)];
        Assert.All(written, w => Assert.DoesNotContain("476 5919", w, StringComparison.Ordinal));
        Assert.All(written, w => Assert.DoesNotContain("12/03/2015", w, StringComparison.Ordinal));
        Assert.False(await host.Blobs.GetBlobContainerClient("curated").GetBlobClient("2032-07/milestones.json").ExistsAsync());
    }

    private async Task<TableEntity?> FindRunAsync(string partition, string rowKey)
    {
        try
        {
            return (await host.Tables.GetTableClient(StorageLayout.RunsTable).GetEntityAsync<TableEntity>(partition, rowKey)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<byte[]> DownloadAsync(string container, string blob) =>
        (await host.Blobs.GetBlobContainerClient(container).GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToArray();
}
