using System.Text.RegularExpressions;

namespace SendFunctions.Core.Privacy;

/// <summary>
/// A person's name beside a full UK postcode, which together point at a home. A full postcode (CH41 5AB, ch415ab; an
/// outward code such as CH41 alone is not one) counts only when a name stands in the same sentence within 80 characters
/// before it or 25 after it (<see cref="PersonNames"/>). A ward's, school's or office's postcode with no name beside it passes.
/// </summary>
internal static partial class NamedPostcodes
{
    private const int Before = 80;
    private const int After = 25;

    public static IEnumerable<PersonalDataMatch> Find(string text)
    {
        foreach (Match postcode in Postcode().Matches(text))
        {
            var from = Math.Max(0, postcode.Index - Before);
            var to = Math.Min(text.Length, postcode.Index + postcode.Length + After);
            var before = PersonNames.SentenceBefore(text, from, postcode.Index);
            var after = PersonNames.SentenceAfter(text, postcode.Index + postcode.Length, to);
            if ((PersonNames.Find(text, before) ?? PersonNames.Find(text, after)) is { } name)
            {
                var start = Math.Min(name.Start, postcode.Index);
                var end = Math.Max(name.End, postcode.Index + postcode.Length);
                yield return new PersonalDataMatch(PersonalDataKind.NameAndPostcode, start, end - start);
            }
        }
    }

    /// <summary>The Royal Mail pattern: area and district (with the letters each position allows), optional space, sector and unit.</summary>
    [GeneratedRegex(@"\b(?:gir ?0aa|[a-pr-uwyz](?:[0-9][0-9a-hjkpstuw]?|[a-hk-y][0-9][0-9abehmnprvwxy]?) ?[0-9][abd-hjlnp-uw-z]{2})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Postcode();
}
