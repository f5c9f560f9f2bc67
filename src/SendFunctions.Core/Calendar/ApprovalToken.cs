using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Storage;

namespace SendFunctions.Core.Calendar;

/// <summary>What checking an approve link's token found.</summary>
public enum TokenCheck
{
    Valid,

    /// <summary>Not a token this system made: malformed, or its signature does not match.</summary>
    Forged,

    Expired,
}

/// <summary>
/// The token in a draft's approve link: the paper version it approves and when it stops working, signed with HMAC-SHA256
/// under the host's sign-off key. It is bound to one version (a revised paper needs a new link) and used once: approving
/// writes the version's <see cref="SignOff"/> create-if-absent, so a second use finds it signed off and is refused.
/// Written <c>{payload}.{mac}</c>, both base64url; the payload is <c>{period}|{kind}|{version}|{expires unix seconds}</c>.
/// </summary>
public static class ApprovalToken
{
    /// <summary>The shortest key accepted: 256 bits, the size of the MAC.</summary>
    public const int MinKeyBytes = 32;

    public static string Create(PaperVersion paper, DateTimeOffset expires, ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{paper.Period}|{paper.Kind.ToSlug()}|{paper.Version}|{expires.ToUnixTimeSeconds()}"));
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The version a token approves, if it is genuine and has not expired at <paramref name="now"/>.</summary>
    public static (TokenCheck Check, PaperVersion? Paper) Verify(string? token, ReadOnlySpan<byte> key, DateTimeOffset now)
    {
        CheckKey(key);
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || FromBase64Url(token[..dot]) is not { } payload || FromBase64Url(token[(dot + 1)..]) is not { } mac
            || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
        {
            return (TokenCheck.Forged, null);
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 4 || !ReportingPeriod.TryParse(parts[0], out var period) || !ReportKinds.TryParse(parts[1], out var kind)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (TokenCheck.Forged, null);
        }

        return now.ToUnixTimeSeconds() >= expires ? (TokenCheck.Expired, null) : (TokenCheck.Valid, new PaperVersion(period, kind, version));
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The sign-off key must be at least {MinKeyBytes} bytes.", nameof(key));
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
