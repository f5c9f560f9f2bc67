using DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Core.Reports;

/// <summary>
/// Keeps a heading on the same page as what follows it. Set on each paragraph rather than only in the heading style,
/// so it survives a clerk pasting the paper into the council's own template, whose styles replace ours.
/// </summary>
internal static class Pagination
{
    /// <summary>How many short paragraphs between a heading and its table are kept together with both.</summary>
    private const int LeadInParagraphs = 3;

    public static void KeepHeadingsWithWhatFollows(Body body)
    {
        var blocks = body.ChildElements.ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is Paragraph p && IsHeading(p))
            {
                KeepNext(p);
                var lead = 0;
                var j = i + 1;
                while (j < blocks.Count && lead < LeadInParagraphs && blocks[j] is Paragraph next && !IsHeading(next))
                {
                    lead++;
                    j++;
                }

                // A heading, a sentence or two and then a table: keep the sentences with the table's first rows too.
                if (j < blocks.Count && blocks[j] is Table table)
                {
                    blocks.Skip(i + 1).Take(lead).OfType<Paragraph>().ToList().ForEach(KeepNext);
                    KeepHeaderRowWithFirstRow(table);
                }
            }
        }
    }

    private static bool IsHeading(Paragraph p) =>
        p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true;

    private static void KeepHeaderRowWithFirstRow(Table table)
    {
        if (table.Elements<TableRow>().FirstOrDefault() is { } header)
        {
            foreach (var paragraph in header.Descendants<Paragraph>())
            {
                KeepNext(paragraph);
            }
        }
    }

    private static void KeepNext(Paragraph p)
    {
        var properties = p.ParagraphProperties ??= new ParagraphProperties();
        if (properties.KeepNext is null)
        {
            properties.KeepNext = new KeepNext();
        }
    }
}
