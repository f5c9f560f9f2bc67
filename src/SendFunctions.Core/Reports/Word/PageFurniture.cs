using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Core.Reports.Word;

/// <summary>What every page carries: the page number in the footer and, on a marked paper, the marking at the top and bottom.</summary>
internal static class PageFurniture
{
    public static Header Header(string marking) => new(Marking(marking, "Header"));

    public static Footer Footer(string? marking)
    {
        var footer = new Footer();
        if (marking is not null)
        {
            footer.Append(Marking(marking, "Footer"));
        }

        footer.Append(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
            new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
            new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));
        return footer;
    }

    private static Paragraph Marking(string marking, string style) => new(
        new ParagraphProperties(new ParagraphStyleId { Val = style }, new Justification { Val = JustificationValues.Center }),
        new Run(new RunProperties(new Bold(), new BoldComplexScript()), new Text(XmlText.Clean(marking))));
}
