using System.Globalization;
using System.Text;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// A blob name in <c>drops</c> taken as the storage account holds it: text, never a path to resolve. Names with <c>.</c> or
/// <c>..</c> segments are resolved by the storage clients' URIs into other names (<c>2025-01/../x.csv</c> is fetched as
/// <c>x.csv</c>, and <c>../../x.csv</c> leaves the container, which stops the blob trigger's scan), and '%', '#', '?', '\'
/// and control characters are read differently by different URI builders; such names are set aside under a name that
/// means only itself, and every name is written into other names only encoded.
/// </summary>
public static class DropName
{
    /// <summary>Where names the trigger cannot process are moved, within <c>drops</c>, to be ingested (and answered) from there.</summary>
    public const string SetAsideFolder = "_set-aside";

    /// <summary>Whether the blob trigger and the storage clients address this name as itself.</summary>
    public static bool IsScannable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > 0 && !name.Any(c => c is '%' or '#' or '?' or '\\' || char.IsControl(c)) && !name.Split('/').Any(s => s is "." or "..");
    }

    /// <summary>
    /// A name for an unscannable upload (its stamp keeps two uploads under one bad name apart) that holds its exact name,
    /// encoded as one segment: <c>_set-aside/{stamp}/2025-01~2F..~2Fx.csv</c>.
    /// </summary>
    public static string SetAsideName(string name, string stamp) => $"{SetAsideFolder}/{stamp}/{Encode(name).Replace("/", "~2F", StringComparison.Ordinal)}";

    /// <summary>A name made by <see cref="SetAsideName"/> (already encoded): a scannable name under <see cref="SetAsideFolder"/>.</summary>
    public static bool IsSetAside(string name) =>
        name.StartsWith(SetAsideFolder + "/", StringComparison.Ordinal) && IsScannable(name);

    /// <summary>
    /// The exact name made safe to use inside another blob name: '~' (the escape), '%', '#', '?', '\', control and format
    /// characters and the dots of <c>.</c> and <c>..</c> segments written as <c>~XX</c> (their UTF-8 bytes in hex), so the
    /// result resolves to itself and decodes to the original.
    /// </summary>
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var segments = name.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i] is "." or ".." ? segments[i].Replace(".", "~2E", StringComparison.Ordinal) : EncodeSegment(segments[i]);
        }

        return string.Join('/', segments);
    }

    private static string EncodeSegment(string segment)
    {
        if (!segment.Any(Unsafe))
        {
            return segment;
        }

        var encoded = new StringBuilder(segment.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in segment.EnumerateRunes())
        {
            if (rune.IsBmp && !Unsafe((char)rune.Value))
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static bool Unsafe(char c) =>
        c is '~' or '%' or '#' or '?' or '\\' || char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
