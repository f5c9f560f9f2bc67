namespace SendFunctions.Core.Mail;

/// <summary>
/// Who an email goes to once every address is counted once: an address on two lists (or twice on one, in any case)
/// goes to its first list only. SendGrid refuses a personalisation that names an address twice, so both transports
/// and the delivery ledger use this one rule, and the offline .eml shows exactly what SendGrid is sent.
/// </summary>
public sealed record Addressees(IReadOnlyList<string> To, IReadOnlyList<string> Cc, IReadOnlyList<string> Bcc)
{
    public static Addressees Of(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return new Addressees(
            message.To.Where(seen.Add).ToList(),
            message.Cc.Where(seen.Add).ToList(),
            message.Bcc.Where(seen.Add).ToList());
    }

    /// <summary>Every recipient once, To first, then Cc, then Bcc.</summary>
    public IEnumerable<string> All => To.Concat(Cc).Concat(Bcc);
}
