using System.CommandLine;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Status;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx compute --data DIR --period P [--deadline yyyy-MM-dd] [--json]</c>: the status engine on local drops.</summary>
internal static class ComputeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "A folder laid out like the drops container: {period}/{dataset}.csv|xlsx.", Required = true };
        var period = new Option<string>("--period") { Description = "The reporting month yyyy-MM.", Required = true };
        var deadline = new Option<string?>("--deadline") { Description = "The WSoA deadline yyyy-MM-dd (overrides reporting.json)." };
        var config = new Option<FileInfo?>("--config") { Description = "reporting.json (default: DIR/../config/reporting.json when present)." };
        var json = new Option<bool>("--json") { Description = "Print the status object of the data contract." };
        var command = new Command("compute", "Compute milestone status, movement, metrics and the action log for a period.") { data, period, deadline, config, json };
        command.SetAction(result => Run(result.GetValue(data)!, result.GetValue(period)!, result.GetValue(deadline), result.GetValue(config), result.GetValue(json), output, error));
        return command;
    }

    private static int Run(DirectoryInfo data, string periodText, string? deadlineText, FileInfo? config, bool json, TextWriter output, TextWriter error)
    {
        if (!ReportingPeriod.TryParse(periodText, out var period))
        {
            error.WriteLine($"--period '{periodText}' is not a month written yyyy-MM.");
            return SendfxApp.Usage;
        }

        if (!data.Exists)
        {
            error.WriteLine($"No such folder: {data.FullName}");
            return SendfxApp.Usage;
        }

        if (ProgrammeOptions.Resolve(data, config, deadlineText, error) is not { } programme)
        {
            return SendfxApp.Usage;
        }

        if (LocalStatus.Compute(data, period, programme.Deadline, programme.Tolerance, programme.Config?.Programme.MissingReturns ?? MissingReturnDisplay.Nothing, error, PersonalDataPolicy.For(programme.Config), d => programme.Config?.DatasetFor(d) is not null) is not { } status)
        {
            return SendfxApp.Failed;
        }

        if (json)
        {
            output.WriteLine(StatusJson.From(status).ToJson());
        }
        else
        {
            StatusText.Write(status, output);
        }

        return SendfxApp.Ok;
    }
}
