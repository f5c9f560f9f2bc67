using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Ap = DocumentFormat.OpenXml.ExtendedProperties;
using Op = DocumentFormat.OpenXml.CustomProperties;
using Vt = DocumentFormat.OpenXml.VariantTypes;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// <c>docProps/core.xml</c>, <c>app.xml</c> and, for a marked paper, <c>custom.xml</c>, as Word writes them, with fixed
/// relationship ids (the packaging library would otherwise put the core properties under a random name).
/// </summary>
internal static class DocumentProperties
{
    private const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string DcTerms = "http://purl.org/dc/terms/";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The property Word shows under File, Info, Properties, Advanced, Custom.</summary>
    public const string ClassificationProperty = "Classification";

    public static void Add(WordprocessingDocument document, DocumentInfo info)
    {
        var core = document.AddNewPart<CoreFilePropertiesPart>("rId2");
        using (var stream = core.GetStream(FileMode.Create))
        {
            WriteCore(stream, info);
        }

        document.AddNewPart<ExtendedFilePropertiesPart>("rId3").Properties = new Ap.Properties(
            new Ap.Template("Normal.dotm"),
            new Ap.Application("SendFunctions"),
            new Ap.DocumentSecurity("0"),
            new Ap.ScaleCrop("false"),
            new Ap.LinksUpToDate("false"),
            new Ap.SharedDocument("false"),
            new Ap.HyperlinksChanged("false"));

        if (info.Marking is { } marking)
        {
            document.AddNewPart<CustomFilePropertiesPart>("rId4").Properties = new Op.Properties(
                new Op.CustomDocumentProperty(new Vt.VTLPWSTR(marking))
                {
                    FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
                    PropertyId = 2,
                    Name = ClassificationProperty,
                });
        }
    }

    private static void WriteCore(Stream stream, DocumentInfo info)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        var stamp = info.Stamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        xml.WriteStartDocument(true);
        xml.WriteStartElement("cp", "coreProperties", Cp);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, DcTerms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("dc", "title", Dc, XmlText.Clean(info.Title));
        xml.WriteElementString("dc", "creator", Dc, XmlText.Clean(info.Creator));
        if (info.Marking is { } marking)
        {
            xml.WriteElementString("cp", "category", Cp, XmlText.Clean(marking));
            xml.WriteElementString("cp", "contentStatus", Cp, XmlText.Clean(marking));
        }

        xml.WriteElementString("cp", "lastModifiedBy", Cp, XmlText.Clean(info.Creator));
        xml.WriteElementString("dc", "language", Dc, info.Language);
        foreach (var name in new[] { "created", "modified" })
        {
            xml.WriteStartElement("dcterms", name, DcTerms);
            xml.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
            xml.WriteString(stamp);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
