using System.ComponentModel.DataAnnotations;
using SendFunctions.Core.Calendar;

namespace SendFunctions.CommitteeCycle;

/// <summary>
/// Configuration section <c>SignOff</c>: the key that signs approve links (from configuration only, a Key Vault reference in
/// Azure; never logged), how long a link works, and the host's public address the links point at. Without a key the
/// approve endpoint answers 503 and no approve link is sent; papers can still be signed off with <c>sendfx approve</c>.
/// </summary>
public sealed class SignOffOptions
{
    public const string Section = "SignOff";

    /// <summary>Base64, at least <see cref="ApprovalToken.MinKeyBytes"/> bytes.</summary>
    public string? Key { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan LinkExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The address approve links start with, such as <c>https://send-reporting.example.gov.uk</c>.</summary>
    [Required]
    public string PublicUrl { get; set; } = "http://127.0.0.1:7071";

    public bool HasKey => !string.IsNullOrWhiteSpace(Key);

    public byte[] KeyBytes() => Convert.FromBase64String(Key!);

    /// <summary>Absent, or base64 of at least <see cref="ApprovalToken.MinKeyBytes"/> bytes: checked at start-up.</summary>
    public bool KeyIsUsable
    {
        get
        {
            if (!HasKey)
            {
                return true;
            }

            var buffer = new byte[Key!.Length];
            return Convert.TryFromBase64String(Key, buffer, out var written) && written >= ApprovalToken.MinKeyBytes;
        }
    }
}
