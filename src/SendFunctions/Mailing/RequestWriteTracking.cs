using System.Net;

namespace SendFunctions.Mailing;

/// <summary>
/// In the SendGrid client's HTTP pipeline: tells a failure before the request was fully written (nothing can have reached
/// SendGrid whole, so a retry is safe) from one after it (SendGrid may have accepted the email). The body counts as written
/// once it has been copied and flushed to the connection; a failure after that is rethrown as <see cref="UnansweredRequestException"/>.
/// Bytes flushed but lost in the network are counted as written: the doubt falls on the side of not emailing twice.
/// </summary>
internal sealed class RequestWriteTracking(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tracked = request.Content is { } content ? new TrackedContent(content) : null;
        request.Content = tracked;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && tracked is { Written: true })
        {
            throw new UnansweredRequestException($"The whole request was sent to {request.RequestUri?.Host} and then no answer came ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private sealed class TrackedContent : HttpContent
    {
        private readonly HttpContent inner;

        public TrackedContent(HttpContent inner)
        {
            this.inner = inner;
            foreach (var header in inner.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        public bool Written { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await inner.CopyToAsync(stream, context, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            Written = true;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>A request that was written in full and then got no answer: the server may or may not have acted on it.</summary>
public sealed class UnansweredRequestException : Exception
{
    public UnansweredRequestException()
    {
    }

    public UnansweredRequestException(string message)
        : base(message)
    {
    }

    public UnansweredRequestException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
