using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace SendFunctions.Core.Ingestion;

/// <summary>A file whose structure breaks a rule we check while reading (a cell past Excel's grid); the message is for the owner.</summary>
#pragma warning disable CA1032 // Thrown only with an owner-facing message by the readers.
internal sealed class MalformedTableException(string message) : Exception(message);
#pragma warning restore CA1032

/// <summary>
/// The exceptions that bad bytes can raise from the zip, XML, Open XML and CSV readers, and what to tell the owner.
/// Anything else is a fault in this program and is left to propagate (the CLI and the host report it as such).
/// </summary>
internal static class ReadFailure
{
    public static bool IsBadContent(Exception ex) => ex is MalformedTableException or XmlException or InvalidDataException or IOException
        or OpenXmlPackageException or InvalidOperationException or FormatException or OverflowException or ArgumentException
        or KeyNotFoundException or IndexOutOfRangeException or NotSupportedException or Sylvan.Data.Csv.CsvFormatException;

    /// <summary>A file-level issue for a failure while reading rows; <paramref name="lastRow"/> is the last row read whole.</summary>
    public static ValidationIssue Describe(Exception ex, FileFormat format, int lastRow)
    {
        var where = lastRow > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" after row {lastRow:N0}") : string.Empty;
        var message = ex switch
        {
            MalformedTableException malformed => malformed.Message,
            Sylvan.Data.Csv.CsvRecordTooLargeException => $"A row{where} is longer than we read (millions of characters), usually because a quote mark (\") opened in it is never closed and the rest of the file became one value. Check the quotes{where}, save the file again as CSV UTF-8 and upload it.",
            XmlException when format == FileFormat.Xlsx => $"The worksheet is damaged{where}: its contents are not well-formed (or hold a document type declaration, which Excel never writes). Open the file in Excel, save it again as Excel Workbook (.xlsx) and upload the new file.",
            _ when format == FileFormat.Xlsx => $"The workbook could not be read to the end{where}: its contents are damaged. Open it in Excel, save it again as Excel Workbook (.xlsx) and upload the new file.",
            _ => $"The file could not be read to the end{where}: it is not a well-formed CSV file. In Excel use File > Save As > CSV UTF-8 (Comma delimited) and upload that file.",
        };
        return new ValidationIssue(null, null, null, IssueCode.ReadFailed, message);
    }
}
