namespace SendFunctions.Core.Configuration.Checks;

/// <summary>Text a paper or an email cannot do without, and entries in lists of paragraphs, are not blank.</summary>
internal sealed class RequiredTextRule : IConfigRule
{
    public IEnumerable<ConfigFinding> Check(ReportingConfig config)
    {
        if (config.Programme is { } programme)
        {
            foreach (var finding in Required(("programme.name", programme.Name), ("programme.localArea", programme.LocalArea)))
            {
                yield return finding;
            }

            if (programme.Lead is null)
            {
                yield return ConfigFinding.Error("programme.lead", "is missing.", "Give the programme lead's name and email.");
            }
            else
            {
                foreach (var finding in Required(("programme.lead.name", programme.Lead.Name)))
                {
                    yield return finding;
                }
            }
        }

        foreach (var (path, dataset) in ConfigPaths.Datasets(config))
        {
            if (dataset.Owner is null)
            {
                yield return ConfigFinding.Error($"{path}.owner", "is missing.", "Give the owner's name and email: they are told about each upload.");
            }
            else
            {
                foreach (var finding in Required(($"{path}.owner.name", dataset.Owner.Name)))
                {
                    yield return finding;
                }
            }
        }

        foreach (var (path, report) in ConfigPaths.Reports(config))
        {
            foreach (var finding in Required(($"{path}.board", report.Board), ($"{path}.title", report.Title)))
            {
                yield return finding;
            }

            if (report.Distribution?.To is not { Count: > 0 })
            {
                yield return ConfigFinding.Error($"{path}.distribution.to", "needs at least one address.", "List the clerk's address: [\"clerk@wirral.gov.uk\"].");
            }

            foreach (var (list, paragraphs) in Paragraphs(report))
            {
                for (var i = 0; i < paragraphs.Count; i++)
                {
                    if (string.IsNullOrWhiteSpace(paragraphs[i]))
                    {
                        yield return ConfigFinding.Error($"{path}.{list}[{i}]", "is blank.", "Write the paragraph, or remove the empty entry.");
                    }
                }
            }
        }
    }

    private static IEnumerable<(string List, IReadOnlyList<string> Paragraphs)> Paragraphs(ReportSettings report)
    {
        var lists = new (string, IReadOnlyList<string>?)[]
        {
            ("summary", report.Summary), ("recommendations", report.Recommendations), ("reasons", report.Reasons), ("otherOptions", report.OtherOptions),
            ("background", report.Background), ("appendices", report.Appendices), ("backgroundPapers", report.BackgroundPapers),
        };
        foreach (var (name, list) in lists)
        {
            if (list is not null)
            {
                yield return (name, list);
            }
        }

        for (var i = 0; i < (report.Implications?.Count ?? 0); i++)
        {
            yield return ($"implications[{i}].paragraphs", report.Implications![i].Paragraphs ?? []);
        }
    }

    private static IEnumerable<ConfigFinding> Required(params (string Path, string? Value)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => ConfigFinding.Error(f.Path, "is required and is blank.", "Write it in; every paper or email that uses it would otherwise be wrong."));
}
