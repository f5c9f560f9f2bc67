using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx validate FILE [--dataset D] [--period P] [--deadline yyyy-MM-dd] [--config reporting.json] [--json]</c>: check a file before uploading it.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        // Without a file, `validate --config reporting.json` checks the configuration itself, as `config check` does.
        var file = new Argument<FileInfo?>("file") { Description = "The CSV or XLSX file to check.", Arity = ArgumentArity.ZeroOrOne };
        var dataset = new Option<string?>("--dataset") { Description = "milestones, metrics, actions, updates, decisions, risks or targets (default: from the file name)." };
        var period = new Option<string?>("--period") { Description = "The reporting month yyyy-MM (default: from the folder name)." };
        var deadline = new Option<string?>("--deadline") { Description = "The WSoA deadline yyyy-MM-dd, for the commentary check on milestones." };
        var config = new Option<FileInfo?>("--config") { Description = "reporting.json: the WSoA deadline (unless --deadline is given), staff email domains and personal-data settings." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("validate", "Check a monthly drop against the data contract before uploading it.") { file, dataset, period, deadline, config, json };
        command.SetAction(result => result.GetValue(file) is null
            ? CheckConfigOnly(result.GetValue(config), result.GetValue(json), output, error)
            : Run(
            result.GetValue(file)!, result.GetValue(dataset), result.GetValue(period), result.GetValue(deadline), result.GetValue(config), result.GetValue(json), output, error));
        return command;
    }

    private static int CheckConfigOnly(FileInfo? configFile, bool json, TextWriter output, TextWriter error)
    {
        if (configFile is null)
        {
            error.WriteLine("Give the file to check (or --config reporting.json to check the configuration: sendfx config check reporting.json).");
            return SendfxApp.Usage;
        }

        return ConfigCommand.Check(configFile, json, output, error);
    }

    private static int Run(FileInfo file, string? datasetText, string? periodText, string? deadlineText, FileInfo? configFile, bool json, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"No such file: {file.FullName}");
            return SendfxApp.Usage;
        }

        if (Resolve(file, datasetText, periodText, error) is not { } drop)
        {
            return SendfxApp.Usage;
        }

        ReportingConfig? config = null;
        if (configFile is not null)
        {
            if (!configFile.Exists)
            {
                error.WriteLine($"No such file: {configFile.FullName}");
                return SendfxApp.Usage;
            }

            var parsed = ReportingConfig.Parse(File.ReadAllBytes(configFile.FullName));
            if (parsed.Config is null)
            {
                error.WriteLine($"{configFile.FullName}: {string.Join(" ", parsed.Problems)}");
                return SendfxApp.Usage;
            }

            config = parsed.Config;
        }

        DateOnly? deadline = config?.Programme.Deadline;
        if (deadlineText is not null)
        {
            if (!DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                error.WriteLine($"--deadline '{deadlineText}' is not a date written yyyy-MM-dd.");
                return SendfxApp.Usage;
            }

            deadline = d;
        }

        if (Check(file, drop, deadline, PersonalDataPolicy.For(config), error) is not { } result)
        {
            return SendfxApp.InternalFailure;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(ValidationReportWriter.ToContract(result.Report), Json.Options));
        }
        else
        {
            ValidationText.Write(file.Name, result.Report, output);
        }

        return result.Valid ? SendfxApp.Ok : SendfxApp.Failed;
    }

    /// <summary>
    /// The validator turns every kind of bad content into a report; what still escapes is a fault in sendfx or the machine
    /// (the file unreadable, memory exhausted). It gets its own exit code, 3, so a script never mistakes it for "invalid".
    /// </summary>
    private static DropValidation? Check(FileInfo file, DropPath drop, DateOnly? deadline, PersonalDataPolicy privacy, TextWriter error)
    {
#pragma warning disable CA1031 // The last resort of a command-line tool: report the failure and exit 3 rather than crash with a stack trace.
        try
        {
            using var stream = file.OpenRead();
            return DropValidator.Validate(drop, stream, new ValidationSettings(deadline, IngestionLimits.Default, KeepRows: false) { PersonalData = privacy });
        }
        catch (Exception ex)
        {
            error.WriteLine($"sendfx could not check '{file.Name}': {ex.GetType().Name}: {ex.Message}. This is a fault in sendfx or the machine, not in the file's data; the file was not judged.");
            return null;
        }
#pragma warning restore CA1031
    }

    /// <summary>Dataset and period from the options, else from a <c>{period}/{dataset}.{ext}</c> path.</summary>
    private static DropPath? Resolve(FileInfo file, string? datasetText, string? periodText, TextWriter error)
    {
        var extension = file.Extension.TrimStart('.');
        if (!DatasetNames.TryParseFormat(extension, out var format))
        {
            error.WriteLine($"'{file.Name}' is neither .csv nor .xlsx. Save it from Excel as CSV UTF-8 or Excel Workbook.");
            return null;
        }

        var datasetName = datasetText ?? Path.GetFileNameWithoutExtension(file.Name);
        if (!DatasetNames.TryParse(datasetName, out var dataset))
        {
            error.WriteLine($"Cannot tell the dataset from '{datasetName}'. Name the file after its dataset ({string.Join(", ", Enum.GetValues<Dataset>().Select(d => d.ToSlug()))}), or give --dataset.");
            return null;
        }

        var periodName = periodText ?? file.Directory?.Name;
        if (!ReportingPeriod.TryParse(periodName, out var period))
        {
            error.WriteLine($"Cannot tell the period from '{periodName}'. Put the file in a folder named yyyy-MM, or give --period yyyy-MM.");
            return null;
        }

        return new DropPath(period, dataset, format);
    }
}
