using SendFunctions.Cli;

namespace SendFunctions.Core.Tests.Support;

/// <summary>Runs sendfx in process and captures what it prints.</summary>
internal static class Sendfx
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SendfxApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
