using DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Core.Reports.Word;

/// <summary>The built-in styles the papers use, named as Word names them so screen readers and the navigation pane see real headings.</summary>
internal static class WordStyles
{
    public static Styles Create(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = language, EastAsia = language, Bidi = language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", null, isDefault: true),
        Paragraph("Title", "Title", null, bold: true, size: 32, spacingAfter: 240),
        Heading(1, 28),
        Heading(2, 24),
        Heading(3, 22),
        Paragraph("ListParagraph", "List Paragraph", "Normal", indent: 720),
        Paragraph("Header", "header", "Normal", size: 20),
        Paragraph("Footer", "footer", "Normal", size: 18),
        new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = Twips.Of(WordTable.HalfPoints) }, new FontSizeComplexScript { Val = Twips.Of(WordTable.HalfPoints) }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableGrid" },
        new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

    private static Style Heading(int level, int halfPoints) =>
        Paragraph($"Heading{level}", $"heading {level}", "Normal", bold: true, size: halfPoints, spacingAfter: 120, spacingBefore: 240, outline: level - 1);

    private static Style Paragraph(
        string id, string name, string? basedOn, bool isDefault = false, bool bold = false, int? size = null,
        int? spacingAfter = null, int? spacingBefore = null, int? outline = null, int? indent = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (outline is not null || id == "Title")
        {
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        if (spacingAfter is not null || spacingBefore is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is { } before)
            {
                spacing.Before = Twips.Of(before);
            }

            if (spacingAfter is { } after)
            {
                spacing.After = Twips.Of(after);
            }

            paragraph.Append(spacing);
        }

        if (indent is not null)
        {
            paragraph.Append(new Indentation { Left = Twips.Of(indent.Value) });
        }

        if (outline is not null)
        {
            paragraph.Append(new OutlineLevel { Val = outline });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold(), new BoldComplexScript());
        }

        if (size is not null)
        {
            run.Append(new FontSize { Val = Twips.Of(size.Value) }, new FontSizeComplexScript { Val = Twips.Of(size.Value) });
        }

        if (run.HasChildren)
        {
            style.Append(run);
        }

        return style;
    }
}
