using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Templates;

/// <summary>What a template column holds, which decides its number format, width and data validation.</summary>
public enum ColumnKind
{
    /// <summary>A short text: an ID, a name, a role. Formatted as text, so "0012" and "=x" stay as typed.</summary>
    Text,

    /// <summary>Prose: wrapped, wide.</summary>
    Prose,

    /// <summary>A real date cell, shown dd/mm/yyyy.</summary>
    Date,

    /// <summary>A number; a percentage where the row's unit is %.</summary>
    Number,

    /// <summary>A month yyyy-MM, kept as text so Excel does not turn it into a date.</summary>
    Month,

    /// <summary>One of a closed list, offered as a drop-down.</summary>
    Choice,
}

/// <summary>One column of a return's template: the contract's column with what it holds and, for a choice, the contract's words.</summary>
public sealed record TemplateColumn(ColumnSpec Spec, ColumnKind Kind, IReadOnlyList<string> Choices)
{
    public string Name => Spec.Name;

    public bool Required => Spec.Required;

    /// <summary>Excel's column width in characters: the header fits, prose is wide.</summary>
    public double Width => Math.Max(Name.Length + 4, Kind switch
    {
        ColumnKind.Prose => 50,
        ColumnKind.Date => 13,
        ColumnKind.Month => 11,
        ColumnKind.Number => 11,
        ColumnKind.Choice => Choices.Count == 0 ? 12 : Math.Max(12, Choices.Max(c => c.Length) + 5),
        _ => 20,
    });

    /// <summary>What to enter, in a few words, for the instructions sheet.</summary>
    public string Describe() => Kind switch
    {
        ColumnKind.Date => "a date, such as 05/03/2025",
        ColumnKind.Number => "a number",
        ColumnKind.Month => "a month written yyyy-MM, such as 2025-04",
        ColumnKind.Choice => "one of: " + string.Join(", ", Choices),
        ColumnKind.Prose => "text (a new line in a cell with Alt+Enter)",
        _ => "text",
    };
}
