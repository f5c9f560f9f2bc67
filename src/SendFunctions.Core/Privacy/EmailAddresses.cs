using System.Text.RegularExpressions;

namespace SendFunctions.Core.Privacy;

/// <summary>
/// Email addresses (name@domain.tld) whose domain is not a staff domain nor a subdomain of one. "jane at gmail dot com"
/// and other spelt-out addresses are not recognised.
/// </summary>
internal static partial class EmailAddresses
{
    public static IEnumerable<PersonalDataMatch> Find(string text, PersonalDataPolicy policy)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match match in Address().Matches(text))
        {
            var domain = match.Groups["domain"].Value;
            var tld = domain[(domain.LastIndexOf('.') + 1)..];
            if (tld.Length >= 2 && tld.All(char.IsAsciiLetter) && !policy.IsStaffDomain(domain))
            {
                yield return new PersonalDataMatch(PersonalDataKind.Email, match.Index, match.Length);
            }
        }
    }

    [GeneratedRegex(@"[a-z0-9._%+'\-]+@(?<domain>[a-z0-9\-]+(?:\.[a-z0-9\-]+)+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Address();
}
