using System.CommandLine;
using SendFunctions.Cli.Commands;

namespace SendFunctions.Cli;

/// <summary>sendfx: the core on local files and on a storage account. Exit codes: 0 ok, 1 failed or invalid, 2 usage error, 3 internal failure (validate).</summary>
public static class SendfxApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int InternalFailure = 3;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, Console.In, output, error);

    /// <param name="input">Where questions are answered (resend's confirmation).</param>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("sendfx: validate drops, compute WSoA status, render papers and operate a SendFunctions storage account.")
        {
            ValidateCommand.Create(output, error),
            UploadCommand.Create(output, error),
            ConvertCommand.Create(output, error),
            RunsCommand.Create(output, error),
            ComputeCommand.Create(output, error),
            RenderCommand.Create(output, error),
            RequestCommand.Create(output, error),
            PapersCommand.Create(output, error),
            ResendCommand.Create(input, output, error),
            DeliveriesCommand.Create(output, error),
            StatusCommand.Create(output, error),
            ConfigCommand.Create(output, error),
            ScheduleCommand.Create(output, error),
            ApproveCommand.Create(input, output, error),
            TemplateCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'sendfx --help' for usage.");
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
