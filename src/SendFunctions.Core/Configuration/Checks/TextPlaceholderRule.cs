using System.Text.RegularExpressions;

namespace SendFunctions.Core.Configuration.Checks;

/// <summary>
/// Every <c>{placeholder}</c> in a report's wording is one the renderer fills: {month}, {board}, {deadline} and {area},
/// and {paragraph} in the exempt notice. Any other would be printed in the paper as written.
/// </summary>
internal sealed partial class TextPlaceholderRule : IConfigRule
{
    public static readonly IReadOnlyList<string> Known = ["month", "board", "deadline", "area"];

    public IEnumerable<ConfigFinding> Check(ReportingConfig config)
    {
        foreach (var (path, report) in ConfigPaths.Reports(config))
        {
            foreach (var (field, text) in Texts(report))
            {
                foreach (var name in Unknown(text, Known))
                {
                    yield return ConfigFinding.Error($"{path}.{field}", $"uses the unknown placeholder {{{name}}}.", $"Use {string.Join(", ", Known.Select(k => $"{{{k}}}"))}, or write the words in full.");
                }
            }

            if (report.ExemptNotice is { } notice)
            {
                foreach (var name in Unknown(notice, ["paragraph"]))
                {
                    yield return ConfigFinding.Error($"{path}.exemptNotice", $"uses the unknown placeholder {{{name}}}.", "The notice takes {paragraph} only.");
                }
            }
        }
    }

    private static IEnumerable<string> Unknown(string? text, IReadOnlyList<string> known) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => !known.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);

    private static IEnumerable<(string Field, string? Text)> Texts(ReportSettings report)
    {
        yield return ("title", report.Title);
        yield return ("reportOf", report.ReportOf);
        yield return ("recommendationsIntro", report.RecommendationsIntro);
        yield return ("termsOfReference", report.TermsOfReference);
        var lists = new (string, IReadOnlyList<string>?)[]
        {
            ("summary", report.Summary), ("recommendations", report.Recommendations), ("reasons", report.Reasons), ("otherOptions", report.OtherOptions),
            ("background", report.Background), ("appendices", report.Appendices), ("backgroundPapers", report.BackgroundPapers),
        };
        foreach (var (name, list) in lists)
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                yield return ($"{name}[{i}]", list![i]);
            }
        }

        for (var i = 0; i < (report.Implications?.Count ?? 0); i++)
        {
            var section = report.Implications![i];
            yield return ($"implications[{i}].heading", section.Heading);
            for (var j = 0; j < (section.Paragraphs?.Count ?? 0); j++)
            {
                yield return ($"implications[{i}].paragraphs[{j}]", section.Paragraphs![j]);
            }
        }
    }

    /// <summary>A word in braces: {month}, {Month}, {meeting_date}. Braces around anything else (a space, a sentence) are left alone.</summary>
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
