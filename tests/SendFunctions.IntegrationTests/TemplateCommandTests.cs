using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SendFunctions.Cli;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Storage;

namespace SendFunctions.IntegrationTests;

/// <summary><c>sendfx template --connection</c>: last month's return as the real host accepted and curated it.</summary>
[Collection(HostTestGroup.Name)]
public sealed class TemplateCommandTests(HostFixture host)
{
    [Fact]
    public async Task Template_AccountWithLastMonthCurated_CarriesItsRows()
    {
        var risks = await File.ReadAllBytesAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", "2025-01", "risks.csv"));
        await host.Blobs.GetBlobContainerClient(StorageLayout.Drops).GetBlobClient("2041-05/risks.csv").UploadAsync(new BinaryData(risks), overwrite: true);
        var curated = host.Blobs.GetBlobContainerClient(StorageLayout.Curated).GetBlobClient(StorageLayout.CuratedName(ReportingPeriod.Of(2041, 5), Dataset.Risks));
        await Eventually.GetAsync(async () => await curated.ExistsAsync() ? "curated" : null, "the risks return to be curated", seconds: 60);
        var folder = Directory.CreateTempSubdirectory("sendfx-template-");
        try
        {
            var file = Path.Combine(folder.FullName, "risks.xlsx");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await SendfxApp.RunAsync(["template", "--dataset", "risks", "--period", "2041-06", "--out", file, "--connection", host.ConnectionString], output, error);

            Assert.True(exit == 0, error.ToString());
            Assert.Contains("2041-05's accepted rows carried forward from the account's curated data", output.ToString(), StringComparison.Ordinal);
            var expected = CuratedDrop.FromJson((await curated.DownloadContentAsync()).Value.Content.ToMemory().Span).Data is DatasetRows<SendFunctions.Core.Business.RiskEntry> stored ? stored.Items.Select(r => r.Id) : [];
            Assert.Equal(expected, FirstColumn(file, "risks"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<string> FirstColumn(string file, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(file, false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Skip(1);
        return rows.Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText).ToList();
    }
}
