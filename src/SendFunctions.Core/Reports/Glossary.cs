using SendFunctions.Core.Reports.Word;

namespace SendFunctions.Core.Reports;

/// <summary>
/// A short glossary of the abbreviations a paper actually uses: the programme's own (WSoA, EHCP, RAG, SEND) and any
/// the programme defines for its data in <c>programme.glossary</c>, which may also reword the built-in ones.
/// </summary>
internal static class Glossary
{
    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.Ordinal)
    {
        ["EHC"] = "education, health and care",
        ["EHCP"] = "Education, Health and Care Plan: the legal document that sets out a child or young person's special educational needs and the support they must receive",
        ["RAG"] = "red, amber, green: the rating of progress against plan or target (blue marks a completed milestone)",
        ["SEND"] = "special educational needs and disabilities",
        ["WSoA"] = "Written Statement of Action: the local area's plan to put right the weaknesses found by its SEND inspection",
    };

    /// <summary>Writes the glossary under <paramref name="heading"/>, or nothing when the paper uses no abbreviation it can explain.</summary>
    public static void Write(WordWriter word, ReportContext c, string heading)
    {
        var definitions = new Dictionary<string, string>(BuiltIn, StringComparer.Ordinal);
        foreach (var (abbreviation, meaning) in c.Programme.Glossary ?? new Dictionary<string, string>())
        {
            if (!string.IsNullOrWhiteSpace(abbreviation) && !string.IsNullOrWhiteSpace(meaning))
            {
                definitions[abbreviation.Trim()] = meaning.Trim();
            }
        }

        var paragraphs = word.ParagraphTexts().ToList();
        var used = definitions
            .Where(d => paragraphs.Any(p => Uses(p, d.Key)))
            .OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (used.Count == 0)
        {
            return;
        }

        word.Heading(1, heading);
        word.BulletList(used.Select(d => $"{d.Key}: {d.Value}"));
    }

    /// <summary>Whether the text has the abbreviation as a word of its own (or its plural, "EHCPs"), case as written.</summary>
    internal static bool Uses(string text, string abbreviation)
    {
        for (var at = text.IndexOf(abbreviation, StringComparison.Ordinal); at >= 0; at = text.IndexOf(abbreviation, at + 1, StringComparison.Ordinal))
        {
            var end = at + abbreviation.Length;
            if (end < text.Length && text[end] == 's')
            {
                end++;
            }

            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
