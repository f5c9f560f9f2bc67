using System.Text.RegularExpressions;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Storage;

/// <summary>
/// infra/modules/storage.bicep declares every container, queue and table the app uses: in Azure they exist from the
/// deployment (with their retention rules), not only from the app's first use of them.
/// </summary>
public sealed partial class StorageModuleTests
{
    private static readonly string Bicep = File.ReadAllText(Path.Combine(Repository.Root, "infra", "modules", "storage.bicep"));

    [Fact]
    public void StorageModule_Containers_AreTheAppsContainers() =>
        Assert.Equal(
            new[] { StorageLayout.Drops, StorageLayout.Archive, StorageLayout.Validation, StorageLayout.Curated, StorageLayout.Reports, StorageLayout.Config, StorageLayout.MailAttachments }.Order(),
            Declared("containers").Order());

    [Fact]
    public void StorageModule_Queues_AreTheAppsQueuesAndTheirPoisonQueues() =>
        Assert.Equal(
            new[] { ReportRequest.QueueName, EmailRequest.QueueName, OwnerEmailRequest.QueueName }.SelectMany(q => new[] { q, q + "-poison" }).Order(),
            Declared("queues").Order());

    [Fact]
    public void StorageModule_Tables_AreTheAppsTables() =>
        Assert.Equal(
            new[] { StorageLayout.RunsTable, StorageLayout.DeliveriesTable, StorageLayout.RecipientsTable, StorageLayout.InFlightTable, StorageLayout.CalendarTable }.Order(),
            Declared("tables").Order());

    /// <summary>The quoted names in the module's <c>var name = [ ... ]</c> array.</summary>
    private static List<string> Declared(string variable)
    {
        var array = Regex.Match(Bicep, $@"var {variable} = \[(?<names>[^\]]*)\]", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(array.Success, $"storage.bicep has no '{variable}' array");
        return [.. Names().Matches(array.Groups["names"].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Names();
}
