using System.Buffers;
using System.Globalization;
using System.Text;

namespace SendFunctions.Core.Privacy;

/// <summary>
/// Finds personal data in one piece of free text (docs/privacy.md has the rules and their limits). Pure and linear in the
/// length of the text. The text is first put in a canonical form: compatibility characters folded (full-width digits,
/// non-breaking spaces), invisible format characters and control characters removed, so they cannot hide a number.
/// </summary>
public static class PersonalDataDetector
{
    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    /// <summary>The kinds found in <paramref name="text"/> by the detectors the policy has on, each once, in enum order.</summary>
    public static IReadOnlyList<PersonalDataKind> KindsIn(string text, PersonalDataPolicy policy)
    {
        var found = Find(Canonical(text), policy);
        return found.Count == 0 ? [] : [.. found.Select(m => m.Kind).Distinct().Order()];
    }

    internal static List<PersonalDataMatch> Find(string canonical, PersonalDataPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(policy);
        var found = new List<PersonalDataMatch>();
        if (canonical.Length == 0)
        {
            return found;
        }

        // Every kind but an email address needs a digit; most free text has none.
        if (!canonical.AsSpan().ContainsAnyInRange('0', '9'))
        {
            if (policy.IsOn(PersonalDataKind.Email) && canonical.Contains('@', StringComparison.Ordinal))
            {
                found.AddRange(EmailAddresses.Find(canonical, policy));
            }

            return found;
        }

        // An NHS number has ten digits and a mobile at least eleven: text with fewer has neither.
        if ((policy.IsOn(PersonalDataKind.NhsNumber) || policy.IsOn(PersonalDataKind.Mobile)) && canonical.AsSpan().CountAny(AsciiDigits) >= 10)
        {
            var runs = DigitRuns.In(canonical);
            if (policy.IsOn(PersonalDataKind.NhsNumber))
            {
                found.AddRange(NhsNumbers.Find(canonical, runs));
            }

            if (policy.IsOn(PersonalDataKind.Mobile))
            {
                found.AddRange(MobileNumbers.Find(canonical, runs));
            }
        }

        if (policy.IsOn(PersonalDataKind.DateOfBirth) && BirthDates.MayHoldKeyword(canonical))
        {
            found.AddRange(BirthDates.Find(canonical));
        }

        if (policy.IsOn(PersonalDataKind.NameAndPostcode) && MayHoldInwardCode(canonical))
        {
            found.AddRange(NamedPostcodes.Find(canonical));
        }

        if (policy.IsOn(PersonalDataKind.Email) && canonical.Contains('@', StringComparison.Ordinal))
        {
            found.AddRange(EmailAddresses.Find(canonical, policy));
        }

        return found;
    }

    /// <summary>
    /// True when <see cref="KindsIn"/> would find nothing, decided on the span without making a string. Only printable
    /// ASCII is decided here (it is its own canonical form, so the same prefilters as <see cref="Find"/> apply); any other
    /// text answers false and takes the full check.
    /// </summary>
    internal static bool CannotHold(ReadOnlySpan<char> text, PersonalDataPolicy policy)
    {
        if (text.ContainsAnyExceptInRange(' ', '~'))
        {
            return false;
        }

        var email = policy.IsOn(PersonalDataKind.Email) && text.Contains('@');
        if (!text.ContainsAnyInRange('0', '9'))
        {
            return !email;
        }

        return !email
            && !((policy.IsOn(PersonalDataKind.NhsNumber) || policy.IsOn(PersonalDataKind.Mobile)) && text.CountAny(AsciiDigits) >= 10)
            && !(policy.IsOn(PersonalDataKind.DateOfBirth) && BirthDates.MayHoldKeyword(text))
            && !(policy.IsOn(PersonalDataKind.NameAndPostcode) && MayHoldInwardCode(text));
    }

    /// <summary>
    /// Whether the text has what every full postcode ends with: a digit, two ASCII letters, then no further letter or
    /// digit ("1AB" in "CH41 1AB."). True for every text <see cref="NamedPostcodes"/> can match.
    /// </summary>
    internal static bool MayHoldInwardCode(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAnyInRange('0', '9'); i >= 0 && i + 2 < text.Length; i = Next(text, i))
        {
            if (char.IsAsciiLetter(text[i + 1]) && char.IsAsciiLetter(text[i + 2]) && (i + 3 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 3])))
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<char> text, int at)
        {
            var found = text[(at + 1)..].IndexOfAnyInRange('0', '9');
            return found < 0 ? -1 : at + 1 + found;
        }
    }

    /// <summary>
    /// NFKC, without format (Cf) or control characters other than tab and line ends. A lone surrogate or an unassigned
    /// code point (which includes U+FFFE and U+FFFF, which normalisation refuses) becomes a space.
    /// </summary>
    internal static string Canonical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                if (category == UnicodeCategory.OtherNotAssigned)
                {
                    builder.Append(' ');
                }
                else if (category != UnicodeCategory.Format)
                {
                    builder.Append(ch).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.OtherNotAssigned)
            {
                builder.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Format && (!char.IsControl(ch) || ch is '\t' or '\n' or '\r'))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormKC);
    }
}
