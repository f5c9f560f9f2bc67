namespace SendFunctions.Core.Configuration.Checks;

/// <summary>
/// One kind of check on a parsed <c>reporting.json</c>. Each rule is its own small file and is listed once in
/// <see cref="ConfigCheck.Rules"/>: a new section of the file gets a new rule, not an edit to the others.
/// </summary>
internal interface IConfigRule
{
    IEnumerable<ConfigFinding> Check(ReportingConfig config);
}
