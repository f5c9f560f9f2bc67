using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SendFunctions.IntegrationTests;

/// <summary>
/// A stand-in for SendGrid's v3 API on a loopback port (SendGrid itself cannot be reached from here), written on a raw
/// socket so that it can also fail the way networks do. It speaks the <c>POST /v3/mail/send</c> contract: 202 with
/// <c>X-Message-Id</c>, one request per connection. Recipients script other answers: <c>throttle+N@</c> gets N 429s with
/// Retry-After: 1 first, <c>unavailable+N@</c> N 503s first, <c>fail500@</c> always 500, <c>bad400@</c> a 400 with SendGrid's
/// error body. <see cref="Faults"/> scripts the next connections, whatever they carry.
/// </summary>
public sealed class LocalSendGridServer : IDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, int> answered = new();
    private readonly ConcurrentBag<TcpClient> held = [];
    private readonly Task loop;
    private int sequence;

    public LocalSendGridServer()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        // A small receive window, so that a large request cannot be wholly written before the server has read it.
        listener.Server.ReceiveBufferSize = 4096;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Host => $"http://127.0.0.1:{Port}";

    /// <summary>Faults for the next connections, in order; once empty, requests are answered.</summary>
    public ConcurrentQueue<SendGridFault> Faults { get; } = new();

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>Requests whose body was read in full but never answered (a reset or silence after it).</summary>
    public ConcurrentQueue<ReceivedMail> Unanswered { get; } = new();

    public ConcurrentQueue<(DateTimeOffset At, int Status, string To)> Answers { get; } = new();

    public IEnumerable<ReceivedMail> To(string address) => Received.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase));

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        foreach (var client in held)
        {
            client.Dispose();
        }

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
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        var fault = Faults.TryDequeue(out var next) ? next : SendGridFault.None;
        try
        {
            var stream = client.GetStream();
            var (head, rest) = await ReadHeadAsync(stream);
            if (fault == SendGridFault.CloseBeforeBody)
            {
                Reset(client);
                return;
            }

            var length = int.Parse(Header(head, "Content-Length") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var body = new byte[length];
            rest.CopyTo(body, 0);
            await stream.ReadExactlyAsync(body.AsMemory(rest.Length), stop.Token);
            var json = Encoding.UTF8.GetString(body);
            switch (fault)
            {
                case SendGridFault.ResetAfterBody:
                    Unanswered.Enqueue(ReceivedMail.Parse(json));
                    Reset(client);
                    return;
                case SendGridFault.NeverAnswer:
                    Unanswered.Enqueue(ReceivedMail.Parse(json));
                    held.Add(client);
                    return;
            }

            var (status, headers, reply) = Answer(head, json);
            var response = new StringBuilder($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(reply)}\r\nConnection: close\r\n");
            foreach (var (name, value) in headers)
            {
                response.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(response.Append("\r\n").Append(reply).ToString()), stop.Token);
            client.Dispose();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or EndOfStreamException)
        {
            client.Dispose();
        }
    }

    private (int Status, List<(string, string)> Headers, string Body) Answer(string head, string json)
    {
        var requestLine = head[..head.IndexOf('\r', StringComparison.Ordinal)];
        if (requestLine != "POST /v3/mail/send HTTP/1.1" || Header(head, "Authorization") is not { } auth || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return (404, [], """{"errors":[{"message":"not found"}]}""");
        }

        var mail = ReceivedMail.Parse(json);
        var first = mail.To.Count > 0 ? mail.To[0] : string.Empty;
        (int, List<(string, string)>, string) result;
        if (first.StartsWith("fail500@", StringComparison.OrdinalIgnoreCase))
        {
            result = (500, [], """{"errors":[{"message":"internal error"}]}""");
        }
        else if (first.StartsWith("bad400@", StringComparison.OrdinalIgnoreCase))
        {
            result = (400, [], """{"errors":[{"message":"The from email does not contain a valid address.","field":"from.email"}]}""");
        }
        else if (Scripted(first, "throttle+"))
        {
            result = (429, [("Retry-After", "1")], """{"errors":[{"message":"too many requests"}]}""");
        }
        else if (Scripted(first, "unavailable+"))
        {
            result = (503, [], """{"errors":[{"message":"service unavailable"}]}""");
        }
        else
        {
            var id = $"local-{Interlocked.Increment(ref sequence)}";
            Received.Enqueue(mail with { MessageId = id });
            result = (202, [("X-Message-Id", id)], string.Empty);
        }

        Answers.Enqueue((DateTimeOffset.UtcNow, result.Item1, first));
        return result;
    }

    /// <summary><c>{prefix}N@...</c>: true for the first N requests to that address.</summary>
    private bool Scripted(string address, string prefix) =>
        address.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && answered.AddOrUpdate(address, 1, (_, n) => n + 1) <= int.Parse(address[prefix.Length..address.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(string Head, byte[] Body)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, stop.Token);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            var all = buffer.ToArray();
            var end = all.AsSpan().IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.ASCII.GetString(all, 0, end + 2), all[(end + 4)..]);
            }
        }
    }

    private static string? Header(string head, string name) => head.Split("\r\n")
        .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(l => l[(name.Length + 1)..].Trim())
        .FirstOrDefault();

    /// <summary>Closes with a TCP reset (linger 0), as a crashed server or a load balancer dropping a connection does.</summary>
    private static void Reset(TcpClient client)
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Dispose();
    }
}

/// <summary>How the stand-in fails one connection.</summary>
public enum SendGridFault
{
    None,

    /// <summary>Reads the request's headers, then resets the connection without reading the body.</summary>
    CloseBeforeBody,

    /// <summary>Reads the whole request, then resets the connection without answering.</summary>
    ResetAfterBody,

    /// <summary>Reads the whole request and never answers.</summary>
    NeverAnswer,
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
