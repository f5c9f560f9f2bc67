using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using SendFunctions.Core.Mail;

namespace SendFunctions.Mailing;

/// <summary>What signs a paper's read-only link.</summary>
public enum LinkSigning
{
    /// <summary>The storage account key (a connection string, as locally and on Azurite): a service SAS.</summary>
    AccountKey,

    /// <summary>
    /// The app's own identity (<c>Storage:AccountName</c>, managed identity in Azure): a user-delegation SAS, signed with a
    /// key the storage service issues to that identity. The account key is never available there.
    /// </summary>
    UserDelegation,
}

/// <summary>A time-limited, read-only link to one paper, signed with whatever the app's blob client holds.</summary>
internal static class PaperLinks
{
    /// <summary>The longest a user delegation key (and so a link signed with it) may live: the storage service's limit.</summary>
    public static readonly TimeSpan MaxDelegatedLifetime = TimeSpan.FromDays(7);

    /// <summary>A key's start is set a little in the past: the storage service's clock may be behind the host's.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static LinkSigning SigningFor(BlobClient paper) => paper.CanGenerateSasUri ? LinkSigning.AccountKey : LinkSigning.UserDelegation;

    /// <summary>How long a link signed this way lives: as configured, but never past a delegation key's seven days.</summary>
    public static TimeSpan LifetimeFor(LinkSigning signing, TimeSpan configured) =>
        signing == LinkSigning.UserDelegation && configured > MaxDelegatedLifetime ? MaxDelegatedLifetime : configured;

    /// <summary>
    /// The link, or the reason there is none: the storage service would not issue a delegation key to this identity
    /// (a missing role assignment, a token that cannot be had). Then the paper must be attached or not sent.
    /// </summary>
    public static async Task<(PaperLink? Link, string? Unavailable)> CreateAsync(BlobServiceClient blobs, BlobClient paper, DateTimeOffset now, TimeSpan configured, TimeZoneInfo zone, CancellationToken ct)
    {
        var signing = SigningFor(paper);
        var expires = now + LifetimeFor(signing, configured);
        if (signing == LinkSigning.AccountKey)
        {
            return (new PaperLink(paper.GenerateSasUri(BlobSasPermissions.Read, expires).ToString(), TimeZoneInfo.ConvertTime(expires, zone)), null);
        }

        UserDelegationKey key;
        try
        {
            key = (await blobs.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(expires) { StartsOn = now - ClockSkew }, ct)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            return (null, $"the storage account would not issue a user delegation key ({ex.Status} {ex.ErrorCode}): the app's identity needs Storage Blob Data Contributor (or Storage Blob Delegator) on the account");
        }
        catch (AuthenticationFailedException ex)
        {
            return (null, $"no token for the storage account could be had ({ex.Message})");
        }

        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = paper.BlobContainerName,
            BlobName = paper.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = paper.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        var uri = new BlobUriBuilder(paper.Uri) { Sas = sas.ToSasQueryParameters(key, blobs.AccountName) }.ToUri();
        return (new PaperLink(uri.ToString(), TimeZoneInfo.ConvertTime(expires, zone)), null);
    }
}
