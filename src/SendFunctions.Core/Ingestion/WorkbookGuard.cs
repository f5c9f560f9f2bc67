using System.IO.Compression;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// Checks a workbook before the Open XML SDK sees it: that it is a zip at all, not an encrypted
/// (OLE compound) file, and that it does not expand past the limit. Sizes are measured by
/// decompressing, not read from the zip directory, which a zip bomb can falsify.
/// </summary>
internal static class WorkbookGuard
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static ValidationIssue? Check(Stream content, IngestionLimits limits)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head[..read];
        if (start.SequenceEqual(CompoundFileSignature))
        {
            return Issue(IssueCode.Encrypted, "The workbook is password-protected (or is an old .xls file). Remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save as Excel Workbook (.xlsx) and upload again.");
        }

        if (!start.StartsWith(ZipSignature))
        {
            return Issue(IssueCode.NotXlsx, "The file is not an Excel workbook (.xlsx), although it is named like one. Open it in Excel and use File > Save As > Excel Workbook (.xlsx), or upload it as .csv if it is a CSV file.");
        }

        content.Position = 0;
        try
        {
            return CheckExpandedSize(content, limits);
        }
        catch (InvalidDataException)
        {
            return Issue(IssueCode.NotXlsx, "The workbook is damaged: it cannot be unzipped. Open it in Excel, save it again as Excel Workbook (.xlsx) and upload the new file.");
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static ValidationIssue? CheckExpandedSize(Stream content, IngestionLimits limits)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > limits.MaxZipEntries)
        {
            return TooLarge(limits);
        }

        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                total += n;
                if (total > limits.MaxUncompressedBytes)
                {
                    return TooLarge(limits);
                }
            }
        }

        return null;
    }

    private static ValidationIssue TooLarge(IngestionLimits limits) => Issue(
        IssueCode.TooLarge,
        $"The workbook expands to more than {limits.MaxUncompressedBytes / (1024 * 1024)} MB when opened, which is more than a monthly return needs. Remove unused sheets, images and formatting, or upload the data as CSV.");

    private static ValidationIssue Issue(IssueCode code, string message) => new(null, null, null, code, message);
}
