using System.Text.Json;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Cli;

/// <summary>
/// sendfx compute and render on a drops folder where January's metrics file is absent (Missing) and its action log
/// invalid (Rejected): the JSON tells "no action log" from "no actions", and the papers say so in words.
/// </summary>
public sealed class ComputeReturnsTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("sendfx-returns-");

    public ComputeReturnsTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Samples, "drops"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root.FullName, "drops", Path.GetRelativePath(Path.Combine(Repository.Samples, "drops"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Delete(Path.Combine(Drops, "2025-01", "metrics.xlsx"));
        File.WriteAllText(Path.Combine(Drops, "2025-01", "actions.csv"), Support.Drops.ActionHeader + "\r\nA-1,Circulate the minutes,Secretary,28/01/2025,31/02/2025,Open,\r\n");
    }

    private string Drops => Path.Combine(root.FullName, "drops");

    [Fact]
    public async Task Compute_MissingAndRejectedReturns_AreStatesNotZeros()
    {
        var (exit, output, error) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", "2025-01", "--deadline", "2025-10-31", "--json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("""{"milestones":"Accepted","metrics":"Missing","actions":"Rejected","updates":"Accepted","decisions":"Accepted","risks":"Accepted","targets":"Accepted"}""", JsonSerializer.Serialize(json.GetProperty("datasets")));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("actions").ValueKind);
        Assert.Empty(json.GetProperty("metrics").EnumerateArray());
        Assert.Contains("2025-01/actions.csv: rejected", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_Samples_CarryDatasetsAndOnHold()
    {
        var (exit, output, error) = await Sendfx.RunAsync("compute", "--data", Path.Combine(Repository.Samples, "drops"), "--period", "2025-01", "--json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("""{"milestones":"Accepted","metrics":"Accepted","actions":"Accepted","updates":"Accepted","decisions":"Accepted","risks":"Accepted","targets":"Accepted"}""", JsonSerializer.Serialize(json.GetProperty("datasets")));
        Assert.Equal("""{"updates":4,"decisions":9,"openRisks":5,"targets":8}""", JsonSerializer.Serialize(json.GetProperty("business")));
        var held = json.GetProperty("milestones").EnumerateArray().Where(m => m.GetProperty("onHold").GetBoolean()).Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["WS4-03"], held);
        var ws403 = json.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "WS4-03");
        Assert.Equal("OnTrack", ws403.GetProperty("status").GetString()); // the hold is shown beside the status, never instead of it
        Assert.Equal(JsonValueKind.Object, json.GetProperty("actions").ValueKind);
    }

    [Fact]
    public async Task Compute_ExpectedBoardBusinessReturnMissingOrRejected_IsAStateAndANullCountNotZero()
    {
        File.Delete(Path.Combine(Drops, "2025-01", "decisions.csv"));
        File.WriteAllText(Path.Combine(Drops, "2025-01", "risks.csv"), "Risk ID,Title\r\nR-01,No score\r\n");
        var config = ConfigExpecting("decisions", "risks");

        var (exit, output, error) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", "2025-01", "--config", config, "--json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        var datasets = json.GetProperty("datasets");
        Assert.Equal("Missing", datasets.GetProperty("decisions").GetString());
        Assert.Equal("Rejected", datasets.GetProperty("risks").GetString());
        Assert.Equal("Accepted", datasets.GetProperty("updates").GetString()); // accepted without being expected
        var business = json.GetProperty("business");
        Assert.Equal(JsonValueKind.Null, business.GetProperty("decisions").ValueKind);
        Assert.Equal(JsonValueKind.Null, business.GetProperty("openRisks").ValueKind);
        Assert.Equal(4, business.GetProperty("updates").GetInt32());
    }

    [Fact]
    public async Task Compute_PeriodWithoutBoardBusiness_HasNoBusinessObject()
    {
        foreach (var optional in new[] { "updates.csv", "decisions.csv", "risks.csv", "targets.xlsx" })
        {
            File.Delete(Path.Combine(Drops, "2025-01", optional));
        }

        var (exit, output, error) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", "2025-01", "--config", Path.Combine(Repository.Samples, "config", "reporting.json"), "--json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.TryGetProperty("business", out _));
        Assert.Equal("""{"milestones":"Accepted","metrics":"Missing","actions":"Rejected"}""", JsonSerializer.Serialize(json.GetProperty("datasets")));
    }

    /// <summary>The sample configuration with these Board business returns expected each month.</summary>
    private string ConfigExpecting(params string[] datasets)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Samples, "config", "reporting.json")))!;
        foreach (var dataset in datasets)
        {
            node["datasets"]![dataset] = System.Text.Json.Nodes.JsonNode.Parse("""{"owner":{"name":"Board Secretary","email":"send.board@example.gov.uk"},"dueWorkingDay":3}""");
        }

        var path = Path.Combine(root.FullName, "reporting.json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Compute_Text_NamesEachReturnsState()
    {
        var (exit, output, _) = await Sendfx.RunAsync("compute", "--data", Drops, "--period", "2025-01", "--deadline", "2025-10-31");

        Assert.Equal(0, exit);
        Assert.Contains("milestones Accepted, metrics Missing, actions Rejected", output, StringComparison.Ordinal);
        Assert.Contains("The action log for January 2025 was rejected because it had errors", output, StringComparison.Ordinal);
        Assert.DoesNotContain("actions are now closed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MissingAndRejectedReturns_PapersSaySo()
    {
        var outDir = Path.Combine(root.FullName, "out");

        var (exit, _, error) = await Sendfx.RunAsync("render", "--data", Drops, "--period", "2025-01", "--config", Path.Combine(Repository.Samples, "config", "reporting.json"), "--out", outDir, "--report", "exceptions");

        Assert.True(exit == 0, error);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(outDir, "2025-01-exceptions.docx"), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("The metrics return for January 2025 was not received.", text, StringComparison.Ordinal);
        Assert.Contains("The action log for January 2025 was rejected because it had errors, and no corrected version has been accepted.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No action from the Board is overdue", text, StringComparison.Ordinal);
        Assert.Contains("Check reporting.json: reports.hwb-board.author.phone looks like a placeholder", error, StringComparison.Ordinal);
    }

    public void Dispose() => root.Delete(recursive: true);
}
