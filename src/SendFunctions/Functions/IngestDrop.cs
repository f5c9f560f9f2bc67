using Microsoft.Azure.WebJobs;

namespace SendFunctions.Functions;

/// <summary>A data owner's upload to <c>drops/</c>: archive, validate, report, curate (DATA-CONTRACT.md sections 1-3).</summary>
public sealed class IngestDrop(IngestHandler handler)
{
    [FunctionName(nameof(IngestDrop))]
    public Task Run([BlobTrigger("drops/{name}")] Stream upload, string name, CancellationToken ct)
    {
        // The SDK's stream is not read: the blob is downloaded through our own client so that its bytes
        // and its ETag come from one response, and a newer overwrite cannot be archived under an old name.
        _ = upload;
        return handler.HandleAsync(name, ct);
    }
}
