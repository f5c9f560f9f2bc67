using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Mail;
using SendFunctions.Options;
using SendFunctions.Storage;

namespace SendFunctions.Functions;

/// <summary>One paper to its distribution list: compose from reporting.json and the paper, attach it (or link it when too large), deliver once.</summary>
public sealed class ReportMailing(BlobServiceClient blobs, MailDelivery delivery, TimeProvider time, IOptions<MailOptions> options)
{
    internal async Task<DeliveryResult> RunAsync(EmailRequest request, CancellationToken ct)
    {
        var config = await ProgrammeConfigStore.LoadAsync(blobs, ct);
        if (config.Config?.ReportFor(request.Report) is not { } settings)
        {
            return new DeliveryResult(DeliveryStatus.Failed, $"reporting.json has no distribution list for '{request.Report}': {string.Join(" ", config.Problems)}", null);
        }

        var blobName = request.Blob.StartsWith($"{StorageLayout.Reports}/", StringComparison.Ordinal) ? request.Blob[(StorageLayout.Reports.Length + 1)..] : request.Blob;
        var paper = blobs.GetBlobContainerClient(StorageLayout.Reports).GetBlobClient(blobName);
        long size;
        try
        {
            size = (await paper.GetPropertiesAsync(cancellationToken: ct)).Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new DeliveryResult(DeliveryStatus.Failed, $"The paper {request.Blob} does not exist.", null);
        }

        MailMessage message;
        if (size > options.Value.MaxAttachmentBytes)
        {
            var expires = time.GetUtcNow().AddDays(options.Value.LinkExpiryDays);
            var link = paper.GenerateSasUri(BlobSasPermissions.Read, expires).ToString();
            message = ReportEmail.Compose(request, settings, null, link, expires);
        }
        else
        {
            var content = (await paper.DownloadContentAsync(ct)).Value.Content.ToArray();
            var attachment = new MailAttachment(Path.GetFileName(blobName), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content);
            message = ReportEmail.Compose(request, settings, attachment, null, null);
        }

        return await delivery.DeliverAsync(request.Period, $"{request.Report}-{request.DeliveryKey}", message, ct);
    }
}
