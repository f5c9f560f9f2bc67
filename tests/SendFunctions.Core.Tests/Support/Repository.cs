namespace SendFunctions.Core.Tests.Support;

/// <summary>Paths inside the repository, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SendFunctions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SendFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
