using System.CommandLine;
using SendFunctions.Core.Calendar;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reminders;
using SendFunctions.Core.Templates;
using SendFunctions.Ingestion;
using SendFunctions.Operations;

namespace SendFunctions.Cli.Commands;

/// <summary>
/// <c>sendfx template --dataset D --period P [--data DIR | --connection CS | --account NAME] [--config reporting.json] --out FILE.xlsx</c>:
/// the workbook an owner fills in for a month's return, with last month's accepted rows carried forward (docs/owners.md).
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dataset = new Option<string>("--dataset") { Description = "milestones, metrics, actions, updates, decisions, risks or targets.", Required = true };
        var period = new Option<string>("--period") { Description = "The month the return reports, yyyy-MM.", Required = true };
        var data = new Option<DirectoryInfo?>("--data") { Description = "A local folder holding last month's accepted data: {period}/{dataset}.json as in the curated container, or {period}/{dataset}.csv|xlsx as in drops." };
        var config = new Option<FileInfo?>("--config") { Description = "reporting.json, for the due day (default: DIR/../config/reporting.json, or the account's)." };
        var outFile = new Option<FileInfo>("--out") { Description = "The workbook to write (.xlsx).", Required = true };
        var storage = new StorageAccount();
        var command = new Command("template", "Write the workbook an owner fills in for a month's return, last month's rows carried forward.") { dataset, period, data, config, outFile };
        storage.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            if (!DatasetNames.TryParse(result.GetValue(dataset), out var set))
            {
                await error.WriteLineAsync($"--dataset '{result.GetValue(dataset)}' is not one of: {string.Join(", ", Enum.GetValues<Dataset>().Select(d => d.ToSlug()))}.");
                return SendfxApp.Usage;
            }

            if (!ReportingPeriod.TryParse(result.GetValue(period), out var month))
            {
                await error.WriteLineAsync($"--period '{result.GetValue(period)}' is not a month written yyyy-MM.");
                return SendfxApp.Usage;
            }

            var local = result.GetValue(data);
            var fromStorage = result.GetValue(storage.Connection) is not null || result.GetValue(storage.Account) is not null;
            if (local is not null && fromStorage)
            {
                await error.WriteLineAsync("Give --data or a storage account (--connection, --account), not both.");
                return SendfxApp.Usage;
            }

            var target = result.GetValue(outFile)!;
            if (fromStorage)
            {
                return await storage.RunAsync(result, error, async clients =>
                {
                    var programme = result.GetValue(config) is { } file ? ReadConfig(file, error) : (await ProgrammeConfigStore.ReadAsync(clients.Blobs, ct)).Config;
                    var (workbook, carried) = await ReturnTemplates.BuildAsync(clients.Blobs, set, month, DueOf(programme, set, month), ct);
                    return await SaveAsync(target, workbook, set, month, carried is { } from ? (from, "the account's curated data") : null, output, ct);
                });
            }

            if (local is not null && !local.Exists)
            {
                await error.WriteLineAsync($"No such folder: {local.FullName}");
                return SendfxApp.Usage;
            }

            var configFile = result.GetValue(config) ?? (local?.Parent is { } parent ? new FileInfo(Path.Combine(parent.FullName, "config", "reporting.json")) : null);
            var localConfig = configFile is { Exists: true } ? ReadConfig(configFile, error) : null;
            var previous = local is null ? null : LocalPrevious(local, set, month, error);
            if (local is null)
            {
                await error.WriteLineAsync("No --data, --connection or --account: the template carries no rows from last month.");
            }

            using var stream = new MemoryStream();
            ReturnTemplate.Write(stream, new TemplateRequest(set, month, previous?.Rows) { Due = DueOf(localConfig, set, month), CarriedFrom = previous?.Month });
            return await SaveAsync(target, stream.ToArray(), set, month, previous is { } p ? (p.Month, local!.FullName) : null, output, ct);
        });
        return command;
    }

    /// <summary>The nearest source month with accepted rows in a local folder (<see cref="ReturnTemplate.SourceMonths"/>), and its rows.</summary>
    private static (ReportingPeriod Month, DatasetRows Rows)? LocalPrevious(DirectoryInfo root, Dataset dataset, ReportingPeriod period, TextWriter error)
    {
        foreach (var month in ReturnTemplate.SourceMonths(dataset, period))
        {
            if (LocalAccepted(root, month, dataset, error) is { } rows)
            {
                return (month, rows);
            }
        }

        return null;
    }

    /// <summary>A month's accepted rows in a local folder: the curated JSON if there is one, else a drop file that validates.</summary>
    private static DatasetRows? LocalAccepted(DirectoryInfo root, ReportingPeriod previous, Dataset dataset, TextWriter error)
    {
        var folder = Path.Combine(root.FullName, previous.ToString());
        var curated = Path.Combine(folder, $"{dataset.ToSlug()}.json");
        if (File.Exists(curated))
        {
            return CuratedDrop.FromJson(File.ReadAllBytes(curated)).Data;
        }

        foreach (var format in new[] { FileFormat.Xlsx, FileFormat.Csv })
        {
            var drop = new DropPath(previous, dataset, format);
            var file = new FileInfo(Path.Combine(folder, $"{dataset.ToSlug()}.{format.ToExtension()}"));
            if (!file.Exists)
            {
                continue;
            }

            using var stream = file.OpenRead();
            if (DropValidator.Validate(drop, stream, ValidationSettings.Default).Data is { } rows)
            {
                return rows;
            }

            error.WriteLine($"{previous}/{file.Name} does not pass 'sendfx validate', so none of its rows are carried forward.");
        }

        return null;
    }

    private static ReportingConfig? ReadConfig(FileInfo file, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"No such file: {file.FullName}; the template does not give the due day.");
            return null;
        }

        var parsed = ReportingConfig.Parse(File.ReadAllBytes(file.FullName));
        if (parsed.Config is null)
        {
            error.WriteLine($"{file.FullName}: {string.Join(" ", parsed.Problems)}; the template does not give the due day.");
        }

        return parsed.Config;
    }

    /// <summary>The configured working day of the next month, when reporting.json names the dataset.</summary>
    private static DateOnly? DueOf(ReportingConfig? config, Dataset dataset, ReportingPeriod period) =>
        config?.DatasetFor(dataset) is { } settings ? ReturnsDue.DueDate(period, settings, new WorkingDays(config.Programme.ExtraBankHolidays)) : null;

    /// <param name="carried">The month carried forward and where it was read; null when none.</param>
    private static async Task<int> SaveAsync(FileInfo target, byte[] workbook, Dataset dataset, ReportingPeriod period, (ReportingPeriod Month, string Source)? carried, TextWriter output, CancellationToken ct)
    {
        target.Directory?.Create();
        await File.WriteAllBytesAsync(target.FullName, workbook, ct);
        await output.WriteLineAsync(carried is not { } from
            ? $"{target.FullName}: the {dataset.ToSlug()} return for {period}; no accepted return for {period.Previous}, so headers and instructions only."
            : $"{target.FullName}: the {dataset.ToSlug()} return for {period}, {from.Month}'s accepted rows carried forward from {from.Source}. Upload it as {ReturnTemplate.UploadPath(dataset, period)}.");
        return SendfxApp.Ok;
    }
}
