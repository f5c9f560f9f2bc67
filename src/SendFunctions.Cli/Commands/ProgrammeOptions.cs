using System.Globalization;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Metrics;

namespace SendFunctions.Cli.Commands;

/// <summary>The deadline and tolerance for a local run: --deadline wins, else reporting.json (--config, or DIR/../config/reporting.json).</summary>
internal static class ProgrammeOptions
{
    public static (DateOnly Deadline, decimal Tolerance, ReportingConfig? Config)? Resolve(DirectoryInfo data, FileInfo? configFile, string? deadlineText, TextWriter error)
    {
        var path = configFile?.FullName ?? Path.Combine(data.Parent?.FullName ?? data.FullName, "config", "reporting.json");
        ReportingConfig? config = null;
        if (File.Exists(path))
        {
            var parsed = ReportingConfig.Parse(File.ReadAllBytes(path));
            if (parsed.Config is null)
            {
                error.WriteLine($"{path}: {string.Join(" ", parsed.Problems)}");
                return null;
            }

            config = parsed.Config;
        }
        else if (configFile is not null)
        {
            error.WriteLine($"No such file: {configFile.FullName}");
            return null;
        }

        DateOnly deadline;
        if (deadlineText is not null)
        {
            if (!DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out deadline))
            {
                error.WriteLine($"--deadline '{deadlineText}' is not a date written yyyy-MM-dd.");
                return null;
            }
        }
        else if (config is not null)
        {
            deadline = config.Programme.Deadline;
        }
        else
        {
            error.WriteLine("No WSoA deadline: give --deadline yyyy-MM-dd or --config reporting.json.");
            return null;
        }

        return (deadline, config?.Programme.MetricTolerancePercent ?? MetricRules.DefaultTolerancePercent, config);
    }
}
