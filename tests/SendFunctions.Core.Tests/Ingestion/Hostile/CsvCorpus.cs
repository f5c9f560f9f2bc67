using System.Text;
using SendFunctions.Core.Ingestion;
using static SendFunctions.Core.Tests.Support.Drops;

namespace SendFunctions.Core.Tests.Ingestion.Hostile;

/// <summary>The CSV half of the hostile corpus (issue 17 item 3), across the three datasets.</summary>
internal static class CsvCorpus
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static IEnumerable<HostileCase> All()
    {
        yield return Csv("utf16-le-bom", Dataset.Milestones, () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(MilestoneHeader + "\r\n" + Milestone())], false, IssueCode.Utf16);
        yield return Csv("utf16-be-bom", Dataset.Metrics, () => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(MetricHeader + "\r\n" + Metric())], false, IssueCode.Utf16);
        yield return Csv("utf16-le-no-bom", Dataset.Actions, () => Encoding.Unicode.GetBytes(ActionHeader + "\r\n" + Action()), false, IssueCode.Utf16);
        yield return Csv("utf8-bom", Dataset.Actions, () => [.. Encoding.UTF8.GetPreamble(), .. Text(ActionHeader, Action())], true, null);
        yield return Csv("bom-in-middle-of-id", Dataset.Metrics, () => Text(MetricHeader, Metric(id: "EHCP\uFEFF20"), Metric(id: "EHCP20")), false, IssueCode.DuplicateId);
        yield return Csv("nul-bytes", Dataset.Milestones, () => [.. Text(MilestoneHeader), 0, 0, .. Text(Milestone())], false, IssueCode.NotText);
        yield return Csv("mixed-line-endings", Dataset.Actions, () => Utf8.GetBytes(ActionHeader + "\n" + Action("A-1") + "\r\n" + Action("A-2") + "\r" + Action("A-3") + "\n"), true, null);
        yield return Csv("semicolon-separated", Dataset.Metrics, () => Text(MetricHeader.Replace(',', ';'), Metric().Replace(',', ';')), false, IssueCode.WrongSeparator);
        yield return Csv("tab-separated", Dataset.Actions, () => Text(ActionHeader.Replace(',', '\t'), Action().Replace(',', '\t')), false, IssueCode.WrongSeparator);
        yield return Csv("duplicate-headers", Dataset.Actions, () => Text(ActionHeader + ",Owner", Action() + ",Someone"), false, IssueCode.DuplicateColumn);
        yield return Csv("one-megabyte-cell", Dataset.Milestones, () => Text(MilestoneHeader, Milestone(commentary: new string('x', 1024 * 1024))), false, IssueCode.TooLong);
        yield return Csv("ten-thousand-columns", Dataset.Actions, () => Text(ActionHeader + string.Concat(Enumerable.Range(0, 10_000).Select(i => $",Extra{i}")), Action() + new string(',', 10_000)), true, IssueCode.UnknownColumn);
        yield return Csv("million-bad-rows", Dataset.Metrics, MillionBadRows, false, IssueCode.MoreIssues, 700L * 1024 * 1024);
        yield return Csv("formula-looking-text", Dataset.Milestones, () => Text(MilestoneHeader, Milestone(commentary: "\"=cmd|' /C calc'!A0\""), Milestone(id: "WS1-02", commentary: "@SUM(1+1)")), true, null);
        yield return Csv("control-characters", Dataset.Actions, () => Text(ActionHeader, "A-1,Circulate\u0007 the\u001B minutes,Board Secretary,28/01/2025,28/02/2025,Open,"), true, IssueCode.ControlCharacters);
        yield return Csv("bidi-override-in-id", Dataset.Milestones, () => Text(MilestoneHeader, Milestone(id: "WS1-\u202E10")), true, IssueCode.InvisibleCharacters);
        yield return Csv("zero-width-hides-duplicate", Dataset.Actions, () => Text(ActionHeader, Action("A-1"), Action("A\u200B-1")), false, IssueCode.DuplicateId);
        yield return Csv("very-long-duplicate-id", Dataset.Metrics, () => Text(MetricHeader, Metric(id: new string('M', 100_000)), Metric(id: new string('M', 100_000))), false, IssueCode.DuplicateId);
        yield return Csv("very-long-milestone-id", Dataset.Milestones, () => Text(MilestoneHeader, Milestone(id: new string('W', 100_000))), false, IssueCode.TooLong);
        yield return Csv("unclosed-quote", Dataset.Actions, () => Text(ActionHeader, "A-1,\"Circulate the minutes,Board Secretary,28/01/2025,28/02/2025,Open,", Action("A-2")), false, IssueCode.UnclosedQuote);
        yield return Csv("stray-quote", Dataset.Actions, () => Text(ActionHeader, "A-1,Circulate the \"minutes,Board Secretary,28/01/2025,28/02/2025,Open,"), true, IssueCode.MalformedCsv);
        yield return Csv("decimal-comma", Dataset.Metrics, () => Text(MetricHeader, Metric(unit: "weeks", value: "\"12,5\"")), false, IssueCode.DecimalComma);
        yield return Csv("mixed-encoding", Dataset.Metrics, () => [.. Text(MetricHeader, Metric(id: "Café")), .. Windows1252(Metric(id: "SPEND £") + "\r\n")], false, IssueCode.MixedEncoding);
        yield return Csv("wholly-windows-1252", Dataset.Metrics, () => Windows1252(MetricHeader + "\r\n" + Metric(id: "SPEND £") + "\r\n"), true, null);
        yield return Csv("workbook-named-csv", Dataset.Milestones, () => new Support.RawWorkbook { Rows = Support.RawWorkbook.TextRow(1, "MilestoneId") }.ToBytes(), false, IssueCode.NotText);
        yield return Csv("only-blank-lines", Dataset.Actions, () => Text("", " ", ",,,"), false, IssueCode.EmptyFile);
        yield return Csv("header-only", Dataset.Metrics, () => Text(MetricHeader), false, IssueCode.NoDataRows);
        yield return Csv("wrong-dataset-columns", Dataset.Actions, () => Text(MetricHeader, Metric()), false, IssueCode.WrongDataset);
        yield return Csv("nan-and-huge-numbers", Dataset.Metrics, () => Text(MetricHeader, Metric(id: "A", unit: "count", value: "NaN"), Metric(id: "B", unit: "count", value: "1E+300")), false, IssueCode.BadNumber);
        yield return Csv("hundred-thousand-fields-in-a-row", Dataset.Milestones, () => Text(MilestoneHeader, Milestone() + new string(',', 100_000)), true, null);
        yield return Csv("date-before-1990", Dataset.Actions, () => Text(ActionHeader, "A-1,Circulate,Board Secretary,28/01/1899,28/02/2025,Open,"), false, IssueCode.ImplausibleDate);
        yield return Csv("date-after-2100", Dataset.Milestones, () => Text(MilestoneHeader, Milestone(due: "31/03/2205")), false, IssueCode.ImplausibleDate);
        yield return Csv("random-binary", Dataset.Metrics, () => Random(64 * 1024, 17), false, null);
        yield return Csv("only-quotes", Dataset.Actions, () => Utf8.GetBytes(new string('"', 100_001)), false, null);
        yield return Csv("updates-one-megabyte-progress", Dataset.Updates, () => Text("Workstream,Lead,Progress,NextSteps", "WS1,Lead," + new string('x', 1024 * 1024) + ",Next"), false, IssueCode.TooLong);
        yield return Csv("decisions-formula-text", Dataset.Decisions, () => Text("DecisionId,MeetingDate,Type,Text", "D-1,28/01/2025,Decision,\"=HYPERLINK(\"\"x\"\")\""), true, null);
        yield return Csv("risks-score-overflow", Dataset.Risks, () => Text("RiskId,Title,Workstream,Owner,Likelihood,Impact,Score", "R-1,T,W,O,5,5,1E+300"), false, IssueCode.BadNumber);
        yield return Csv("targets-ten-thousand-months", Dataset.Targets, () => Text(["MetricId,Period,Target", .. Enumerable.Range(0, 10_000).Select(i => $"M{i % 7},2025-{(i % 12) + 1:00},{i}")]), false, IssueCode.DuplicateId);
        yield return Csv("row-longer-than-the-limit", Dataset.Milestones, () => Text(MilestoneHeader, "WS1-01,\"" + new string('x', 9 * 1024 * 1024)), false, IssueCode.ReadFailed, 200L * 1024 * 1024);
    }

    private static HostileCase Csv(string name, Dataset dataset, Func<byte[]> make, bool valid, IssueCode? expected, long ceiling = HostileCase.Ceiling) =>
        new("csv/" + name, dataset, FileFormat.Csv, make, valid, expected, ceiling);

    private static byte[] Text(params string[] lines) => Utf8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] MillionBadRows()
    {
        var builder = new StringBuilder(MetricHeader).Append("\r\n");
        for (var i = 0; i < 1_000_000; i++)
        {
            builder.Append('M').Append(i).Append(",m,a,count,higher,x\r\n");
        }

        return Utf8.GetBytes(builder.ToString());
    }
}
