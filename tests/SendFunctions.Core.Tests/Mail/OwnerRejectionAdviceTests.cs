using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Mail;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Tests.Privacy;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Mail;

/// <summary>A rejection tells an owner with only Excel what to change, and exactly where to upload again; sendfx is optional.</summary>
public sealed class OwnerRejectionAdviceTests
{
    private static readonly Person Office = new("Programme Office", "pmo@example.gov.uk");

    [Fact]
    public void Rejection_DateTypedAsText_SaysFormatTheColumnAsDateAndTheExactPath()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(due: "March 31st"), Drops.Milestone(id: "WS1-02", due: "31/02/2025")).Report;

        var mail = OwnerEmail.For("2025-01/milestones.csv", report, Office, []);

        var advice = Section(mail.Text, "What to change in Excel");
        Assert.Single(advice, a => a.StartsWith("- Dates:", StringComparison.Ordinal));
        Assert.Contains("Home > Number Format > Short Date", mail.Text, StringComparison.Ordinal);
        var again = string.Join(' ', Section(mail.Text, "Where to upload it again"));
        Assert.Contains("upload it to drops/2025-01/milestones.csv, replacing the file there", again, StringComparison.Ordinal);
        Assert.Contains("the folder 2025-01, and upload it there named milestones.csv", again, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8 (Comma delimited)", again, StringComparison.Ordinal);
        Assert.Contains("Optional: if you have the sendfx tool", again, StringComparison.Ordinal);
        Assert.Contains("You do not need it", again, StringComparison.Ordinal);
        Assert.Contains("<h2", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_ValueNotInTheList_GivesTheAllowedValuesForThatColumnAndNotTheValue()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(status: "Nearly there")).Report;

        var mail = OwnerEmail.For("2025-01/milestones.csv", report, Office, []);

        var line = Assert.Single(Section(mail.Text, "What to change in Excel"));
        Assert.StartsWith("- Column 'Status', a value not in the list: The status must be one of: Not started, In progress, Complete, On hold", line, StringComparison.Ordinal);
        Assert.Contains("Data > Data Validation", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Nearly there", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_NumberStoredAsText_SaysConvertToNumber()
    {
        var report = Drops.ValidateCsv(Dataset.Metrics, Drops.MetricHeader, Drops.Metric(value: "about 37")).Report;

        var mail = OwnerEmail.For("2025-01/metrics.xlsx", report, Office, []);

        Assert.Contains(Section(mail.Text, "What to change in Excel"), a => a.StartsWith("- Numbers: a number stored as text", StringComparison.Ordinal) && a.Contains("Convert to Number", StringComparison.Ordinal));
        var again = string.Join(' ', Section(mail.Text, "Where to upload it again"));
        Assert.Contains("drops/2025-01/metrics.xlsx", again, StringComparison.Ordinal);
        Assert.Contains("Excel Workbook", again, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_PersonalData_AdviceSaysTakeItOutAndNeverShowsIt()
    {
        var (text, secrets) = PrivacyDrops.Samples[PersonalDataKind.NhsNumber];
        var report = PrivacyDrops.Validate(Dataset.Milestones, "Commentary", text, FileFormat.Csv).Report;

        var mail = OwnerEmail.For("2025-01/milestones.csv", report, Office, []);

        Assert.Contains(Section(mail.Text, "What to change in Excel"), a => a.StartsWith("- Personal data:", StringComparison.Ordinal));
        Assert.All(secrets, s => Assert.DoesNotContain(s, mail.Text + mail.Html, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void For_KindsInOrderFirstMet_OneLineEach()
    {
        ValidationIssue[] errors =
        [
            new(3, "Due", "x", IssueCode.BadDate, "m"),
            new(4, "Owner", "", IssueCode.RequiredValue, "m"),
            new(5, "Due", "y", IssueCode.ImplausibleDate, "m"),
            new(6, "Status", "z", IssueCode.BadChoice, "The status must be Open or Closed."),
            new(7, "Status", "w", IssueCode.BadChoice, "The status must be Open or Closed."),
            new(8, null, null, IssueCode.MoreIssues, "m"),
        ];

        var advice = ExcelAdvice.For(errors);

        Assert.Collection(advice,
            a => Assert.StartsWith("Dates:", a, StringComparison.Ordinal),
            a => Assert.StartsWith("Empty cells:", a, StringComparison.Ordinal),
            a => Assert.StartsWith("Column 'Status', a value not in the list: The status must be Open or Closed.", a, StringComparison.Ordinal));
        Assert.All(advice, a => Assert.DoesNotContain("'z'", a, StringComparison.Ordinal));
    }

    [Fact]
    public void OtherReturn_MetricsUploadedAsMilestones_ToTheMilestonesOwnerNamingTheMetricsOwnerAndBothPaths()
    {
        var report = Drops.ValidateCsv(Dataset.Milestones, Drops.MetricHeader, Drops.Metric()).Report;
        var metricsOwner = new Person("Head of Performance", "performance@example.gov.uk");

        var mail = OwnerEmail.For("2025-01/milestones.csv", report, Office, [1], metricsOwner);

        Assert.Equal(["pmo@example.gov.uk"], mail.To);
        Assert.Equal("Action needed: the file uploaded as your milestones return for January 2025 looks like the metrics return", mail.Subject);
        Assert.Contains("its header row is that of the metrics return (Head of Performance's return, performance@example.gov.uk)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("upload the same file again as drops/2025-01/metrics.csv", mail.Text, StringComparison.Ordinal);
        Assert.Contains("please let them know", mail.Text, StringComparison.Ordinal);
        Assert.Contains("upload that file as drops/2025-01/milestones.csv", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Optional: if you have the sendfx tool", mail.Text, StringComparison.Ordinal);
        Assert.Single(mail.Attachments);
    }

    [Fact]
    public void OtherReturn_SameOwnerForBoth_SaysItIsTheirsToo()
    {
        var report = Drops.ValidateCsv(Dataset.Actions, Drops.MilestoneHeader, Drops.Milestone()).Report;

        var mail = OwnerEmail.For("2025-01/actions.csv", report, Office, [], Office);

        Assert.Contains("the milestones return (a return you also send)", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("let them know", mail.Text, StringComparison.Ordinal);
    }

    /// <summary>The lines under a heading of the plain-text body, up to the next heading or the end.</summary>
    private static List<string> Section(string text, string heading)
    {
        var lines = text.Split('\n');
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"no '{heading}' in the email");
        return [.. lines.Skip(start + 1).TakeWhile(l => l is not ("What to change in Excel" or "Where to upload it again")).Where(l => l.Length > 0)];
    }
}
