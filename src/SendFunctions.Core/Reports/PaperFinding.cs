namespace SendFunctions.Core.Reports;

/// <summary>The kinds of fault <see cref="PaperCheck"/> finds in a rendered paper.</summary>
public enum PaperFault
{
    /// <summary>The bytes are not a Word document that can be opened.</summary>
    NotAWordDocument,

    /// <summary>The Open XML validator (Office 2019 schemas) reports an error.</summary>
    InvalidOpenXml,

    /// <summary>The document has no title in its properties.</summary>
    NoTitle,

    /// <summary>The document's default language is not set.</summary>
    NoLanguage,

    /// <summary>The document has no heading at all.</summary>
    NoHeadings,

    /// <summary>A heading is more than one level below the one before it (or the first is not level 1).</summary>
    HeadingLevelSkipped,

    /// <summary>A heading has no text.</summary>
    EmptyHeading,

    /// <summary>A list item has no text.</summary>
    EmptyListItem,

    /// <summary>An empty paragraph, used to make space.</summary>
    EmptyParagraph,

    /// <summary>A table's first row is not marked as a header row that repeats on each page.</summary>
    TableWithoutHeaderRow,

    /// <summary>A table has no caption for assistive technology.</summary>
    TableWithoutCaption,

    /// <summary>A chart or picture has no alternative text.</summary>
    DrawingWithoutAltText,
}

/// <summary>One fault found in a paper: what, where (part and position a person can find), and a sentence saying it.</summary>
public sealed record PaperFinding(PaperFault Fault, string Location, string Message)
{
    public override string ToString() => $"{Fault} at {Location}: {Message}";
}
