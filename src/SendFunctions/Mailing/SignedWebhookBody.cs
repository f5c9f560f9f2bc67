using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SendFunctions.Mailing;

/// <summary>
/// The body of an Event Webhook request, read only once the request has shown it may be SendGrid's: signed, with a
/// timestamp within <see cref="SendGridOptions.WebhookTimestampTolerance"/> of the host's clock (an old request
/// replayed is refused), no larger than <see cref="SendGridOptions.WebhookMaxBodyBytes"/> (by its Content-Length before
/// anything is read, and by counting while reading), and carrying SendGrid's ECDSA signature over timestamp and body.
/// </summary>
/// <param name="Status">200 when the body is SendGrid's; else the status to answer (401, or 413 when too large).</param>
internal sealed record SignedWebhookBody(int Status, ReadOnlyMemory<byte> Content, string? Refusal)
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private const int ChunkBytes = 81_920;

    public static async Task<SignedWebhookBody> ReadAsync(HttpRequest request, SendGridOptions options, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var signature = request.Headers[SignatureHeader].ToString();
        var timestamp = request.Headers[TimestampHeader].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            return Refused(401, "the request is not signed");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Refused(401, "the timestamp is not a Unix time");
        }

        var skew = DateTimeOffset.FromUnixTimeSeconds(seconds) - now;
        if (skew.Duration() > options.WebhookTimestampTolerance)
        {
            return Refused(401, skew < TimeSpan.Zero ? "the timestamp is too old (a replay, or a clock out of step)" : "the timestamp is in the future");
        }

        var limit = options.WebhookMaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return Refused(413, "the body is larger than SendGrid:WebhookMaxBodyBytes");
        }

        if (await ReadBoundedAsync(request.Body, request.ContentLength ?? 0, limit, ct) is not { } body)
        {
            return Refused(413, "the body is larger than SendGrid:WebhookMaxBodyBytes");
        }

        return Verified(options.WebhookPublicKey!, timestamp, body, signature)
            ? new SignedWebhookBody(200, body, null)
            : Refused(401, "the signature does not match the timestamp and body");
    }

    /// <summary>The body, or null as soon as it passes <paramref name="limit"/> bytes (a chunked body has no length to check first).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, long declared, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)Math.Min(declared, limit));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.TryGetBuffer(out var content) ? content.AsMemory() : buffer.ToArray();
    }

    /// <summary>SendGrid signs SHA-256 of the timestamp's text followed by the body's bytes, DER-encoded, in base64.</summary>
    private static bool Verified(string publicKey, string timestamp, ReadOnlyMemory<byte> body, string signature)
    {
        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, signatureBytes, out var length))
        {
            return false;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hash.AppendData(body.Span);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        try
        {
            return key.VerifyHash(hash.GetHashAndReset(), signatureBytes.AsSpan(0, length), DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false; // not a DER signature at all
        }
    }

    private static SignedWebhookBody Refused(int status, string reason) => new(status, ReadOnlyMemory<byte>.Empty, reason);
}
