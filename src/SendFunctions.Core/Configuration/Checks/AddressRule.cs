using SendFunctions.Core.Mail;

namespace SendFunctions.Core.Configuration.Checks;

/// <summary>Every address in the file is one plain address (<see cref="PlainAddress"/>), as SendGrid and the pickup transport require.</summary>
internal sealed class AddressRule : IConfigRule
{
    public IEnumerable<ConfigFinding> Check(ReportingConfig config) =>
        ConfigPaths.Addresses(config)
            .Select(a => (a.Path, Fault: PlainAddress.Check(a.Address)))
            .Where(a => a.Fault is not null)
            .Select(a => ConfigFinding.Error(a.Path, $"is not a plain email address: it {PlainAddress.Describe(a.Fault!.Value)}.", PlainAddress.FixFor(a.Fault.Value)));
}
