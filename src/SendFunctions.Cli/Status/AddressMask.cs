using System.Text.RegularExpressions;

namespace SendFunctions.Cli.Status;

/// <summary>Masks the local part of email addresses (<c>h***@example.gov.uk</c>): status output tells recipients apart without naming anyone.</summary>
internal static partial class AddressMask
{
    public static string Of(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }

    /// <summary>Every address in a free text (an error from SendGrid, a run's detail) masked.</summary>
    public static string InText(string text) => Address().Replace(text, m => Of(m.Value));

    [GeneratedRegex(@"[a-z0-9._%+'\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
