using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Templates;

/// <summary>One line of the Instructions sheet: a heading, a paragraph, or a row of the column table.</summary>
internal sealed record InstructionLine(IReadOnlyList<string> Cells, bool Heading = false)
{
    public static InstructionLine Text(string text) => new([text]);

    public static InstructionLine Title(string text) => new([text], true);
}

/// <summary>The Instructions sheet's words: what to fill in, when it is due, where it goes and how to check it first.</summary>
internal static class TemplateInstructions
{
    public static IReadOnlyList<InstructionLine> Lines(TemplateLayout layout, TemplateRequest request, int carried)
    {
        var slug = layout.Dataset.ToSlug();
        var period = request.Period;
        var source = (request.CarriedFrom ?? period.Previous).ToLongName();
        var lines = new List<InstructionLine>
        {
            InstructionLine.Title($"The {slug} return for {period.ToLongName()}"),
            InstructionLine.Text(request.Due is { } due
                ? $"Due by the end of {Words.Date(due)}."
                : "Due on the working day your reminder email gives (the programme office can tell you)."),
            InstructionLine.Text(carried > 0
                ? $"The '{slug}' sheet holds the {Words.Count(carried, "row")} accepted for {source}, carried forward: the columns to update for this month are left empty."
                : $"There was no accepted {slug} return for {period.Previous.ToLongName()}: add a row for each item, one per row under the headers."),
            InstructionLine.Title("What to fill in"),
        };
        lines.AddRange(layout.WhatToFill(period).Select(InstructionLine.Text));
        lines.Add(InstructionLine.Text("Keep the sheet's name and its header row as they are; a drop-down offers the words each choice column accepts. Dates are UK order (05/03/2025 is 5 March)."));
        lines.Add(InstructionLine.Title("The columns"));
        lines.Add(new InstructionLine(["Column", "Required", "What to enter"], true));
        lines.AddRange(layout.Columns.Select(c => new InstructionLine([c.Name, c.Required ? "Yes" : "No", c.Describe()])));
        lines.Add(InstructionLine.Title("Check it, then upload it"));
        lines.Add(InstructionLine.Text($"Save it as an Excel Workbook named {ReturnTemplate.FileName(layout.Dataset)}. To check it before uploading, run: sendfx validate {ReturnTemplate.FileName(layout.Dataset)} --dataset {slug} --period {period} (no errors means it will be accepted; docs/owners.md says how to get sendfx)."));
        lines.Add(InstructionLine.Text($"Upload it to {ReturnTemplate.UploadPath(layout.Dataset, period)} in the programme's storage account (with Azure Storage Explorer: docs/owners.md). You will receive a receipt, or a list of anything to correct, within minutes."));
        return lines;
    }
}
