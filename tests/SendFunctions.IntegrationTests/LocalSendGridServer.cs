using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// A stand-in for SendGrid's v3 API on a loopback port (SendGrid itself cannot be reached from here). It speaks
/// the <c>POST /v3/mail/send</c> contract: 202 with <c>X-Message-Id</c>. Recipients script other answers:
/// <c>throttle+N@</c> gets N 429s with Retry-After: 1 first, <c>fail500@</c> always 500, <c>bad400@</c> a 400 with SendGrid's error body.
/// </summary>
public sealed class LocalSendGridServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, int> throttled = new();
    private readonly Task loop;
    private int sequence;

    public LocalSendGridServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Host => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public ConcurrentQueue<(DateTimeOffset At, int Status, string To)> Answers { get; } = new();

    public IEnumerable<ReceivedMail> To(string address) => Received.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase));

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var response = context.Response;
        if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/v3/mail/send" || context.Request.Headers["Authorization"] is not { } auth || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            Reply(response, 404, """{"errors":[{"message":"not found"}]}""");
            return;
        }

        var mail = ReceivedMail.Parse(body);
        var first = mail.To.Count > 0 ? mail.To[0] : string.Empty;
        int status;
        if (first.StartsWith("fail500@", StringComparison.OrdinalIgnoreCase))
        {
            status = 500;
            Reply(response, status, """{"errors":[{"message":"internal error"}]}""");
        }
        else if (first.StartsWith("bad400@", StringComparison.OrdinalIgnoreCase))
        {
            status = 400;
            Reply(response, status, """{"errors":[{"message":"The from email does not contain a valid address.","field":"from.email"}]}""");
        }
        else if (first.StartsWith("throttle+", StringComparison.OrdinalIgnoreCase)
            && throttled.AddOrUpdate(first, 1, (_, n) => n + 1) <= int.Parse(first["throttle+".Length..first.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
        {
            status = 429;
            response.Headers["Retry-After"] = "1";
            Reply(response, status, """{"errors":[{"message":"too many requests"}]}""");
        }
        else
        {
            status = 202;
            var id = $"local-{Interlocked.Increment(ref sequence)}";
            response.Headers["X-Message-Id"] = id;
            Received.Enqueue(mail with { MessageId = id });
            Reply(response, status, string.Empty);
        }

        Answers.Enqueue((DateTimeOffset.UtcNow, status, first));
    }

    private static void Reply(HttpListenerResponse response, int status, string body)
    {
        response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }
}

/// <summary>What the server was asked to send.</summary>
public sealed record ReceivedMail(
    IReadOnlyList<string> To, IReadOnlyList<string> Cc, IReadOnlyList<string> Bcc, string Subject, string Text, string Html,
    IReadOnlyList<(string FileName, string Type, byte[] Content)> Attachments, string? DeliveryId, string? MessageId = null)
{
    /// <summary>The request body exactly as the SendGrid client posted it.</summary>
    public string Json { get; init; } = string.Empty;

    public static ReceivedMail Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var personalization = root.GetProperty("personalizations")[0];
        static List<string> Addresses(JsonElement p, string name) =>
            p.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(a => a.GetProperty("email").GetString()!).ToList() : [];
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        var attachments = root.TryGetProperty("attachments", out var list)
            ? list.EnumerateArray().Select(a => (a.GetProperty("filename").GetString()!, a.GetProperty("type").GetString()!, Convert.FromBase64String(a.GetProperty("content").GetString()!))).ToList()
            : [];
        string? deliveryId = null;
        foreach (var holder in new[] { personalization, root })
        {
            if (holder.TryGetProperty("custom_args", out var args) && args.TryGetProperty("deliveryId", out var d))
            {
                deliveryId = d.GetString();
            }
        }

        return new ReceivedMail(
            Addresses(personalization, "to"), Addresses(personalization, "cc"), Addresses(personalization, "bcc"),
            root.GetProperty("subject").GetString()!, content.GetValueOrDefault("text/plain", string.Empty), content.GetValueOrDefault("text/html", string.Empty),
            attachments, deliveryId) { Json = json };
    }
}
