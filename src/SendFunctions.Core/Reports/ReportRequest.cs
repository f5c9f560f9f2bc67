using System.Text.Json;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Serialization;

namespace SendFunctions.Core.Reports;

/// <summary>A <c>report-requests</c> message: <c>{ "period": "2025-01", "reports": ["hwb-board"] }</c>; an empty or absent list means every configured paper.</summary>
public sealed record ReportRequest(ReportingPeriod Period, IReadOnlyList<ReportKind> Reports)
{
    public const string QueueName = "report-requests";

    public string ToJson() => JsonSerializer.Serialize(new Message(Period.ToString(), Reports.Select(r => r.ToSlug()).ToList()), Json.Compact);

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

        return (new ReportRequest(period, kinds.Distinct().ToList()), null);
    }

    private sealed record Message(string? Period, IReadOnlyList<string>? Reports);
}
