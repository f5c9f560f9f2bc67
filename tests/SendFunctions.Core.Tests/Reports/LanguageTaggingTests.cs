using DocumentFormat.OpenXml.Wordprocessing;
using SendFunctions.Core.Reports;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Reports;

/// <summary>Text in another language carries its language, and right-to-left text is marked right to left, so it is voiced and shown correctly.</summary>
public sealed class LanguageTaggingTests
{
    private const string Urdu = "\u0627\u0633\u06A9\u0648\u0644 \u06A9\u06D2 \u0633\u0627\u062A\u06BE \u0645\u0644\u0627\u0642\u0627\u062A \u06C1\u0648 \u06AF\u0626\u06CC \u06C1\u06D2\u06D4";
    private const string Arabic = "\u062A\u0645 \u062A\u0639\u064A\u064A\u0646 \u0645\u0646\u0633\u0642 \u062C\u062F\u064A\u062F";
    private const string Hebrew = "\u05D4\u05E4\u05D2\u05D9\u05E9\u05D4 \u05E0\u05D3\u05D7\u05EA\u05D4";
    private const string Welsh = "Mae'r gwaith wedi dechrau yn yr ysgol gyda'r rhieni.";
    private const string Polish = "Spotkanie zostało przełożone na przyszły tydzień.";
    private const string Emoji = "Launched with parents \U0001F389 and carers \U0001F44D.";

    [Theory]
    [InlineData(Urdu, "ur-PK")]
    [InlineData(Arabic, "ar-SA")]
    [InlineData(Hebrew, "he-IL")]
    public void Render_RightToLeftCommentary_IsMarkedRightToLeftWithItsLanguage(string commentary, string language)
    {
        var body = RenderWithCommentary(commentary);

        var run = body.Descendants<Run>().First(r => r.InnerText == commentary);
        Assert.NotNull(run.RunProperties!.RightToLeftText);
        Assert.Equal(language, run.RunProperties.Languages!.Bidi!.Value);
        Assert.NotNull(((Paragraph)run.Parent!).ParagraphProperties!.BiDi);
    }

    [Fact]
    public void Render_EnglishThenUrdu_SplitsIntoRunsByDirection()
    {
        var body = RenderWithCommentary($"Parents were told. {Urdu}");

        var cell = body.Descendants<Paragraph>().First(p => p.InnerText.Contains(Urdu, StringComparison.Ordinal));
        var runs = cell.Elements<Run>().ToList();
        Assert.Equal("Parents were told. ", runs[0].InnerText);
        Assert.Null(runs[0].RunProperties?.RightToLeftText);
        Assert.Equal(Urdu, runs[1].InnerText);
        Assert.NotNull(runs[1].RunProperties!.RightToLeftText);
        Assert.Null(cell.ParagraphProperties?.BiDi);
    }

    [Theory]
    [InlineData(Welsh, "cy-GB")]
    [InlineData(Polish, "pl-PL")]
    public void Render_WelshOrPolishSentence_CarriesItsLanguage(string commentary, string language)
    {
        var body = RenderWithCommentary($"Update from the school. {commentary}");

        var run = body.Descendants<Run>().First(r => r.InnerText == commentary);
        Assert.Equal(language, run.RunProperties!.Languages!.Val!.Value);
        Assert.Null(run.RunProperties.RightToLeftText);
        Assert.Null(body.Descendants<Run>().First(r => r.InnerText == "Update from the school. ").RunProperties?.Languages);
    }

    [Fact]
    public void Render_EnglishWithAPolishName_IsLeftInEnglish()
    {
        var body = RenderWithCommentary("Agreed with Łukasz at the panel on Tuesday.");

        var run = body.Descendants<Run>().First(r => r.InnerText.Contains("Łukasz", StringComparison.Ordinal));
        Assert.Null(run.RunProperties?.Languages);
    }

    [Fact]
    public void Render_Emoji_SurviveAndTheDocumentPassesTheCheck()
    {
        var status = SampleStatus.For("2025-01");
        var paper = ReportRenderer.Render(ReportKind.HwbBoard, WithCommentary(status, Emoji), SampleStatus.Config)!;

        Assert.Empty(PaperCheck.Check(paper.Content));
        using var document = WordPackageTests.Open(paper.Content);
        Assert.Contains(Emoji, document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryLanguageTogether_PassesThePaperCheck()
    {
        var status = SampleStatus.For("2025-01");
        var mixed = status with
        {
            Milestones = status.Milestones.Select((m, i) => m with { Milestone = m.Milestone with { Commentary = new[] { Urdu, Arabic, Hebrew, Welsh, Polish, Emoji }[i % 6] } }).ToList(),
        };

        foreach (var kind in ReportKinds.All)
        {
            Assert.Empty(PaperCheck.Check(ReportRenderer.Render(kind, mixed, SampleStatus.Config)!.Content));
        }
    }

    private static Body RenderWithCommentary(string commentary)
    {
        var paper = ReportRenderer.Render(ReportKind.HwbBoard, WithCommentary(SampleStatus.For("2025-01"), commentary), SampleStatus.Config)!;
        Assert.Empty(PaperCheck.Check(paper.Content));
        var document = WordPackageTests.Open(paper.Content);
        return document.MainDocumentPart!.Document.Body!;
    }

    private static SendFunctions.Core.Status.PeriodStatus WithCommentary(SendFunctions.Core.Status.PeriodStatus status, string commentary) => status with
    {
        Milestones = status.Milestones.Select((m, i) => i == 0 ? m with { Milestone = m.Milestone with { Commentary = commentary } } : m).ToList(),
    };
}
