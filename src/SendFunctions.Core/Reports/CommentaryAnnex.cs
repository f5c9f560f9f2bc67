using SendFunctions.Core.Milestones;
using SendFunctions.Core.Reports.Word;

namespace SendFunctions.Core.Reports;

/// <summary>
/// Keeps a long commentary from filling pages of a table: the cell holds its first part, cut at a word, and says where
/// the rest is; the annex at the end of the tracker (or report) prints every such commentary in full.
/// </summary>
internal sealed class CommentaryAnnex(int maxCharacters, string where)
{
    public const string Heading = "Full commentary";

    private readonly SortedDictionary<string, Milestone> entries = new(StringComparer.Ordinal);

    public string Cell(Milestone milestone)
    {
        var text = milestone.Commentary;
        if (text.Length <= maxCharacters)
        {
            return text;
        }

        entries[milestone.Id] = milestone;
        var cut = text.LastIndexOf(' ', maxCharacters);
        return $"{text[..(cut > maxCharacters / 2 ? cut : maxCharacters)].TrimEnd()}\u2026 (continued in \u2018{Heading}\u2019 {where})";
    }

    public void Write(WordWriter word, int level)
    {
        if (entries.Count == 0)
        {
            return;
        }

        word.Heading(level, Heading);
        word.Paragraph($"Commentary longer than {maxCharacters:N0} characters is cut short in the tables above; here it is in full.");
        word.Table(new TableSpec(
            Heading,
            "The full commentary of each milestone whose commentary is cut short in the tables above, by milestone reference.",
            ["ID", "Milestone", "Commentary"],
            entries.Values.Select(m => (IReadOnlyList<TableCellSpec>)[m.Id, m.Title, m.Commentary]).ToList()));
    }
}
