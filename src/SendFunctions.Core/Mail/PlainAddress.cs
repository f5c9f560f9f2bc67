namespace SendFunctions.Core.Mail;

/// <summary>What makes a configured address something SendGrid would refuse (400), or a mail client misread.</summary>
public enum AddressFault
{
    Blank,
    SurroundingSpace,
    DisplayName,
    Several,
    NoAt,
    BadLocalPart,
    BadDomain,
}

/// <summary>
/// A plain email address, as SendGrid's <c>email</c> field takes it: <c>clerk@wirral.gov.uk</c>, not
/// <c>Clerk &lt;clerk@wirral.gov.uk&gt;</c>, not with a trailing space, not <c>a@x.uk; b@x.uk</c>. The configuration check
/// and both mail transports use this one rule, so a local run refuses what SendGrid would.
/// </summary>
public static class PlainAddress
{
    private const string LocalSpecials = "!#$%&'*+-/=?^_`{|}~.";

    /// <summary>Null when the address is plain and valid, else what is wrong with it.</summary>
    public static AddressFault? Check(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return AddressFault.Blank;
        }

        if (address.Contains('<', StringComparison.Ordinal) || address.Contains('>', StringComparison.Ordinal) || address.Contains('"', StringComparison.Ordinal))
        {
            return AddressFault.DisplayName;
        }

        if (address.IndexOfAny([';', ',']) >= 0 || address.Count(c => c == '@') > 1)
        {
            return AddressFault.Several;
        }

        if (address.Trim().Length != address.Length)
        {
            return AddressFault.SurroundingSpace;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return AddressFault.NoAt;
        }

        return !IsLocalPart(address.AsSpan(0, at)) ? AddressFault.BadLocalPart
            : !IsDomain(address.AsSpan(at + 1)) ? AddressFault.BadDomain
            : null;
    }

    public static string Describe(AddressFault fault) => fault switch
    {
        AddressFault.Blank => "is empty",
        AddressFault.SurroundingSpace => "has a space before or after it",
        AddressFault.DisplayName => "has a name or quotes around the address (Name <address>)",
        AddressFault.Several => "holds more than one address",
        AddressFault.NoAt => "has no @",
        AddressFault.BadLocalPart => "has a part before the @ that is not valid (a space, two dots in a row, or a character an address cannot have)",
        AddressFault.BadDomain => "has a domain after the @ that is not valid (it must be like wirral.gov.uk)",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    public static string FixFor(AddressFault fault) => fault switch
    {
        AddressFault.Blank => "Give the address, or remove the entry.",
        AddressFault.SurroundingSpace => "Remove the spaces around the address.",
        AddressFault.DisplayName => "Write the address alone, such as clerk@wirral.gov.uk, without the name and angle brackets.",
        AddressFault.Several => "Put each address in its own string in the list: [\"a@wirral.gov.uk\", \"b@wirral.gov.uk\"].",
        _ => "Write a plain address such as clerk@wirral.gov.uk.",
    };

    /// <summary>
    /// Why a transport refuses to send this email, or null when every address is plain. The same sentence in SendGrid
    /// mode and in the pickup folder; it names which address (by list and position), never the address itself.
    /// </summary>
    public static string? RefusalOf(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lists = new (string Name, IReadOnlyList<string> Addresses)[] { ("to", message.To), ("cc", message.Cc), ("bcc", message.Bcc), ("reply-to", message.ReplyTo is null ? [] : [message.ReplyTo]) };
        foreach (var (name, addresses) in lists)
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                if (Check(addresses[i]) is { } fault)
                {
                    return $"Not sent: {name} address {i + 1} {Describe(fault)}. {FixFor(fault)} Check reporting.json with sendfx config check.";
                }
            }
        }

        return message.To.Count == 0 ? "Not sent: the email has no to address. Check reporting.json with sendfx config check." : null;
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local) =>
        local.Length is > 0 and <= 64 && local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal)
        && !local.ContainsAnyExcept(LocalChars);

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length is 0 or > 253)
        {
            return false;
        }

        var labels = domain.ToString().Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && labels[^1].All(char.IsAsciiLetter) && labels[^1].Length >= 2;
    }

    private static readonly System.Buffers.SearchValues<char> LocalChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + LocalSpecials);
}
