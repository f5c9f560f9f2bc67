using System.Diagnostics;
using System.Reflection;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// sendfx as an owner gets it: the .NET tool package installed into an empty folder, and the self-contained executable,
/// each checking a good and a bad return copied into a folder of its own. The package is the one CI built when
/// <c>SENDFX_PACKAGES</c> names its folder (.ci/run: out/sendfx), else packed here from the build just tested
/// (<c>dotnet pack --no-build</c>, a few seconds). The executable is tested when <c>SENDFX_EXECUTABLE</c> names it
/// (.ci/run builds out/sendfx/linux-x64/sendfx); building one here would take minutes, so elsewhere that test is skipped.
/// </summary>
public sealed class PackagedSendfxTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("sendfx-package-");

    [Fact]
    public async Task ToolPackage_InstalledIntoAnEmptyFolder_ValidatesAGoodAndABadReturn()
    {
        var packages = Environment.GetEnvironmentVariable("SENDFX_PACKAGES") is { Length: > 0 } built
            ? Path.GetFullPath(built, AzuriteFixture.RepositoryRoot())
            : await PackAsync();
        Assert.Single(Directory.GetFiles(packages, "SendFunctions.Sendfx.*.nupkg"));
        var tools = Path.Combine(temp.FullName, "tools");

        // A package cache of its own, so the package installed is this one and never an earlier 1.0.0 from the user's cache.
        var install = await RunAsync("dotnet", ["tool", "install", "SendFunctions.Sendfx", "--tool-path", tools, "--add-source", packages], temp.FullName,
            ("NUGET_PACKAGES", Path.Combine(temp.FullName, "nuget")));
        Assert.True(install.Exit == 0, install.Output);

        await AssertValidatesAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "sendfx.exe" : "sendfx"));
    }

    [SkippableFact]
    public async Task SelfContainedExecutable_InAnEmptyFolder_ValidatesAGoodAndABadReturn()
    {
        var executable = Environment.GetEnvironmentVariable("SENDFX_EXECUTABLE");
        Skip.If(string.IsNullOrEmpty(executable), "SENDFX_EXECUTABLE is not set: .ci/run builds the self-contained executable and sets it.");
        var path = Path.GetFullPath(executable!, AzuriteFixture.RepositoryRoot());
        Assert.True(File.Exists(path), $"{path} does not exist");

        // Nothing points it at an installed .NET: it carries its own runtime (published self-contained, one file).
        var nowhere = Path.Combine(temp.FullName, "no-dotnet");
        await AssertValidatesAsync(path, ("DOTNET_ROOT", nowhere), ("PATH", nowhere));
    }

    public void Dispose() => temp.Delete(recursive: true);

    /// <summary>A folder with only the two returns: the sample milestones as given, and a copy with an impossible due date.</summary>
    private async Task AssertValidatesAsync(string sendfx, params (string Name, string Value)[] environment)
    {
        var work = Directory.CreateDirectory(Path.Combine(temp.FullName, "work", "2025-01"));
        var sample = await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot(), "samples", "drops", "2025-01", "milestones.csv"));
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "milestones.csv"), sample);
        var bad = Directory.CreateDirectory(Path.Combine(temp.FullName, "work", "bad", "2025-01"));
        Assert.Contains(",30/09/2024,", sample, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(bad.FullName, "milestones.csv"), ReplaceFirst(sample, ",30/09/2024,", ",31/02/2025,"));
        var folder = work.Parent!.FullName;

        var good = await RunAsync(sendfx, ["validate", "2025-01/milestones.csv"], folder, environment);
        var rejected = await RunAsync(sendfx, ["validate", "bad/2025-01/milestones.csv"], folder, environment);

        Assert.True(good.Exit == 0, good.Output);
        Assert.StartsWith("milestones.csv: ACCEPTED as milestones for 2025-01 - 22 data rows, 0 errors", good.Output, StringComparison.Ordinal);
        Assert.True(rejected.Exit == 1, rejected.Output);
        Assert.StartsWith("milestones.csv: REJECTED as milestones for 2025-01", rejected.Output, StringComparison.Ordinal);
        Assert.Contains("Row 2, column 'Due Date', value '31/02/2025':", rejected.Output, StringComparison.Ordinal);
        Assert.Contains("[BadDate]", rejected.Output, StringComparison.Ordinal);
    }

    /// <summary>The tool package from the build under test (the test's own configuration), into a folder of its own.</summary>
    private async Task<string> PackAsync()
    {
        var root = AzuriteFixture.RepositoryRoot();
        var configuration = typeof(PackagedSendfxTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var output = Path.Combine(temp.FullName, "packages");
        var pack = await RunAsync("dotnet", ["pack", Path.Combine(root, "src", "SendFunctions.Cli", "SendFunctions.Cli.csproj"), "-c", configuration, "--no-build", "-o", output, "--nologo"], root);
        Assert.True(pack.Exit == 0, pack.Output);
        return output;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] arguments, string folder, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
