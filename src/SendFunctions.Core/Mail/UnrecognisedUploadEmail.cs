using System.Text.RegularExpressions;
using SendFunctions.Core.Configuration;
using SendFunctions.Core.Display;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Mail;

/// <summary>
/// The answer to an upload whose path is not recognised: sent the same run to the owner of the dataset its name most
/// resembles (else the programme lead, who runs the programme office), naming the expected pattern and the closest valid
/// path, with advice that needs no tool: rename the file and upload it again there.
/// </summary>
public static partial class UnrecognisedUploadEmail
{
    /// <summary>The closest valid path: a period written in the name (else <paramref name="fallback"/>), the dataset whose name is nearest, the extension if it is one we take.</summary>
    public static (DropPath Path, bool DatasetRecognised) ClosestPath(string name, ReportingPeriod fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        var period = PeriodPattern().Matches(name).Select(m => ReportingPeriod.TryParse(m.Value, out var p) ? p : (ReportingPeriod?)null).FirstOrDefault(p => p is not null) ?? fallback;
        var file = name[(name.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        var stem = (dot > 0 ? file[..dot] : file).ToLowerInvariant();
        var format = dot > 0 && DatasetNames.TryParseFormat(file[(dot + 1)..], out var f) ? f : FileFormat.Csv;
        var (dataset, distance) = Enum.GetValues<Dataset>()
            .Select(d => (d, Distance(Letters(stem), d.ToSlug())))
            .MinBy(c => c.Item2);
        var recognised = Letters(stem).Contains(dataset.ToSlug().TrimEnd('s'), StringComparison.Ordinal) || distance <= dataset.ToSlug().Length / 3;
        return (new DropPath(period, dataset, format), recognised);
    }

    public static MailMessage For(string uploadName, ReportingConfig config, ReportingPeriod fallback)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (closest, recognised) = ClosestPath(uploadName, fallback);
        var owner = recognised ? config.DatasetFor(closest.Dataset)?.Owner ?? config.Programme.Lead : config.Programme.Lead;
        var shown = Printable.Of(uploadName);
        var subject = "Action needed: an uploaded file was not processed because of its name";
        var paragraphs = new List<string>
        {
            $"Dear {owner.Name},",
            $"A file was uploaded to drops/{shown}. It was kept, but not processed, because uploads must be named {DropPath.ExpectedPattern}.",
            recognised
                ? $"It looks like the {closest.Dataset.ToSlug()} return for {closest.Period.ToLongName()}. To send it, upload the same file again as drops/{closest.Name} (in Azure Storage Explorer: open the drops container, the folder {closest.Period}, and upload it there named {closest.Dataset.ToSlug()}.{closest.Format.ToExtension()})."
                : $"We could not tell which return it is. The closest valid path is drops/{closest.Name}; please upload it again under the name of its dataset ({string.Join(", ", Enum.GetValues<Dataset>().Select(d => d.ToSlug()))}) in the folder of its month.",
            "Nothing else needs to change in the file. If it was uploaded by mistake, no action is needed.",
        };
        var html = paragraphs.Select(Html.P).ToList();
        return new MailMessage([owner.Email], [], [], subject, Html.Document(subject, html), string.Join("\n\n", paragraphs), [])
        {
            ReplyTo = config.Programme.ReplyToAddress,
        };
    }

    private static string Letters(string text) => new(text.Where(char.IsAsciiLetterLower).ToArray());

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"\d{4}-\d{2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PeriodPattern();
}
