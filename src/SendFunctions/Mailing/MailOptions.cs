using System.ComponentModel.DataAnnotations;

namespace SendFunctions.Mailing;

/// <summary>Configuration section <c>Mail</c>: sender, attachment limit, retry policy, and the offline pickup folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required]
    [EmailAddress]
    public string From { get; set; } = "send.reporting@example.gov.uk";

    [Required]
    public string FromName { get; set; } = "SEND Improvement Reporting";

    /// <summary>Without a SendGrid key, emails are written here as .eml files.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "out/mail";

    /// <summary>
    /// A paper larger than this is sent as a time-limited read-only link instead of an attachment. At most what SendGrid
    /// can carry (its 30 MB limit is on the whole message after base64).
    /// </summary>
    [Range(1024, Core.Mail.ReportEmail.SendGridMaxAttachmentBytes)]
    public long MaxAttachmentBytes { get; set; } = 20L * 1024 * 1024;

    [Range(1, 30)]
    public int LinkExpiryDays { get; set; } = 14;

    /// <summary>Attempts per send for 429 and 5xx answers, including the first.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one SendGrid request may take, upload included, before it is given up. A request given up after it was
    /// fully written leaves the delivery Unconfirmed (SendGrid may have taken it); one given up before is retried.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a claim is its holder's alone; the holder renews it at every attempt, so it must exceed the longest gap
    /// between renewals (<see cref="RequestTimeout"/> plus <see cref="MaxDelay"/>). A retry that finds a claim past its
    /// lease settles it: takes it over if no request can have gone, else marks it Unconfirmed. It must be well under the
    /// ten minutes for which the WebJobs SDK hides a queue message taken by a host that then died, so that the message's
    /// return always finds the lease run out (docs/operations.md, "Delivery states").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The rule <see cref="ClaimLease"/> must meet, checked at start-up.</summary>
    public bool LeaseCoversAnAttempt => ClaimLease > RequestTimeout + MaxDelay;
}

/// <summary>Configuration section <c>SendGrid</c>. The key comes from configuration only (a Key Vault reference in Azure) and is never logged.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    public const string DefaultHost = "https://api.sendgrid.com";

    public string? ApiKey { get; set; }

    /// <summary>With a key, mail goes through SendGrid; without one, to the pickup folder.</summary>
    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Overrides the API host, for tests against a local server.</summary>
    public string? Host { get; set; }

    public bool SandboxMode { get; set; }

    /// <summary>The Event Webhook's verification key (base64), from SendGrid's Mail Settings.</summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>How far an Event Webhook request's signed timestamp may be from the host's clock, either way; older requests are refused as replays.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan WebhookTimestampTolerance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest Event Webhook body read (SendGrid's batches are far smaller); larger requests answer 413 unread.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long WebhookMaxBodyBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Whether a verification key parses as the ECDSA public key SendGrid gives (base64 DER).</summary>
    public static bool IsValidPublicKey(string key)
    {
        try
        {
            using var ecdsa = System.Security.Cryptography.ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key), out _);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public override string ToString() => $"SendGrid(Host={Host ?? "default"}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "unset" : "set")}, Sandbox={SandboxMode})";
}
