using System.CommandLine;

namespace SendFunctions.Cli.Commands;

/// <summary><c>sendfx upload</c>: put a local drops folder (and optionally the programme config) into a storage account, as owners would.</summary>
internal static class UploadCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "A folder laid out like the drops container: {period}/{dataset}.csv|xlsx.", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "reporting.json to upload to the config container." };
        var storage = new StorageAccount();
        var command = new Command("upload", "Upload drops (and config) to a storage account.") { data, config };
        storage.AddTo(command);
        command.SetAction((result, ct) => storage.RunAsync(result, error, async clients =>
        {
            var service = clients.Blobs;
            if (result.GetValue(config) is { } configFile)
            {
                var configContainer = service.GetBlobContainerClient("config");
                await configContainer.CreateIfNotExistsAsync(cancellationToken: ct);
                await configContainer.GetBlobClient("reporting.json").UploadAsync(configFile.FullName, overwrite: true, ct);
                await output.WriteLineAsync($"config/reporting.json <- {configFile.FullName}");
            }

            var root = result.GetValue(data)!;
            if (!root.Exists)
            {
                await error.WriteLineAsync($"No such folder: {root.FullName}");
                return SendfxApp.Usage;
            }

            var drops = service.GetBlobContainerClient("drops");
            await drops.CreateIfNotExistsAsync(cancellationToken: ct);
            foreach (var file in root.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/');
                await drops.GetBlobClient(name).UploadAsync(file.FullName, overwrite: true, ct);
                await output.WriteLineAsync($"drops/{name}");
            }

            return SendfxApp.Ok;
        }));
        return command;
    }
}
