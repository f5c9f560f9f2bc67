using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Reports;

/// <summary>A <c>report-requests</c> message: <c>{ "period": "2025-01", "reports": ["hwb-board"] }</c>; an empty or absent list means every configured paper.</summary>
/// <param name="Cover">
/// For a paper made from the committee calendar: <c>"covers": ["2024-12", "2025-01"], "meeting": "2025-03-13"</c>, the months
/// it covers (ending with <paramref name="Period"/>) and its meeting. Null (absent) for a month's paper.
/// </param>
public sealed record ReportRequest(ReportingPeriod Period, IReadOnlyList<ReportKind> Reports, PaperCover? Cover = null)
{
    public const string QueueName = "report-requests";

    public string ToJson() => JsonSerializer.Serialize(
        new Message(Period.ToString(), Reports.Select(r => r.ToSlug()).ToList(), Cover?.Months.Select(m => m.ToString()).ToList(), Cover?.Meeting),
        Json.Compact);

    /// <summary>A malformed message is a result with the reason, so it can be recorded rather than retried for ever.</summary>
    public static (ReportRequest? Request, string? Error) Parse(string json)
    {
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(json, Json.Options);
        }
        catch (JsonException ex)
        {
            return (null, $"The report request is not valid JSON ({ex.Message}). Expected {{\"period\":\"yyyy-MM\",\"reports\":[...]}}.");
        }

        if (!ReportingPeriod.TryParse(message?.Period, out var period))
        {
            return (null, $"The report request's period '{message?.Period}' is not a month written yyyy-MM.");
        }

        var kinds = new List<ReportKind>();
        foreach (var name in message!.Reports ?? [])
        {
            if (!ReportKinds.TryParse(name, out var kind))
            {
                return (null, $"'{name}' is not a report kind ({string.Join(", ", ReportKinds.All.Select(k => k.ToSlug()))}).");
            }

            kinds.Add(kind);
        }

        if (message.Covers is null)
        {
            return (new ReportRequest(period, kinds.Distinct().ToList()), null);
        }

        var months = new List<ReportingPeriod>();
        foreach (var text in message.Covers)
        {
            if (!ReportingPeriod.TryParse(text, out var month))
            {
                return (null, $"The report request's covered month '{text}' is not a month written yyyy-MM.");
            }

            months.Add(month);
        }

        if (!Calendar.CoveredMonths.AreConsecutive(months) || months[^1] != period)
        {
            return (null, $"The report request's covered months must be consecutive, oldest first, ending with {period}.");
        }

        return (new ReportRequest(period, kinds.Distinct().ToList(), new PaperCover(months, message.Meeting)), null);
    }

    private sealed record Message(
        string? Period,
        IReadOnlyList<string>? Reports,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Covers = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Meeting = null);
}
