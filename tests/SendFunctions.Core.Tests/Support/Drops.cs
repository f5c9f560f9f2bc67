using System.Text;
using SendFunctions.Core.Spreadsheets;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Tests.Support;

/// <summary>Drops built in memory, read as sentences: <c>Drops.Csv(Dataset.Milestones, header, rows)</c>.</summary>
internal static class Drops
{
    public static readonly ReportingPeriod January2025 = ReportingPeriod.Of(2025, 1);

    public static readonly DateOnly Deadline = new(2025, 10, 31);

    public const string MilestoneHeader = "MilestoneId,Workstream,Milestone,Owner,DueDate,RevisedDueDate,CompletedDate,Status,AtRisk,Commentary";
    public const string MetricHeader = "MetricId,Metric,Area,Unit,Polarity,Value,DataPeriod,Target,Baseline";
    public const string ActionHeader = "ActionId,Action,Owner,RaisedOn,DueDate,Status,ClosedDate";

    public static DropValidation ValidateCsv(Dataset dataset, params string[] lines) =>
        Validate(new DropPath(January2025, dataset, FileFormat.Csv), Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));

    public static DropValidation Validate(DropPath drop, byte[] content, IngestionLimits? limits = null)
    {
        using var stream = new MemoryStream(content);
        return DropValidator.Validate(drop, stream, new ValidationSettings(Deadline, limits ?? IngestionLimits.Default));
    }

    public static byte[] Workbook(string sheet, params IReadOnlyList<WorkbookValue>[] rows)
    {
        using var stream = new MemoryStream();
        WorkbookBuilder.Write(stream, sheet, rows);
        return stream.ToArray();
    }

    public static string Milestone(string id = "WS1-01", string due = "31/03/2025", string revised = "", string completed = "", string status = "In progress", string atRisk = "No", string commentary = "On track.") =>
        $"{id},Leadership,Deliver the thing,Head of SEND,{due},{revised},{completed},{status},{atRisk},{commentary}";

    public static string Metric(string id = "EHCP20", string unit = "%", string polarity = "Higher is better", string value = "37", string dataPeriod = "2025-01", string target = "58") =>
        $"{id},EHCPs within 20 weeks,EHCP,{unit},{polarity},{value},{dataPeriod},{target},22";

    public static string Action(string id = "A-1", string status = "Open", string closed = "", string due = "28/02/2025") =>
        $"{id},Circulate the minutes,Board Secretary,28/01/2025,{due},{status},{closed}";
}
