using SendFunctions.Core.Business;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Spreadsheets;

namespace SendFunctions.Core.Templates;

/// <summary>
/// Risks carry their ID, title, workstream, owner, mitigation and type. An open risk's Likelihood and Impact (required) are
/// left blank: the score is this month's assessment, and last month's must not pass as it; Score and Trend are left to be
/// worked out. A closed risk is carried whole.
/// </summary>
internal sealed class RiskTemplate : TemplateLayout<RiskEntry>
{
    public override Dataset Dataset => Dataset.Risks;

    public override IReadOnlyList<TemplateColumn> Columns { get; } = From(
        RiskSchema.Spec,
        ("Title", ColumnKind.Prose, null),
        ("Likelihood", ColumnKind.Choice, ContractWords.OneToFive),
        ("Impact", ColumnKind.Choice, ContractWords.OneToFive),
        ("Score", ColumnKind.Number, null),
        ("Mitigation", ColumnKind.Prose, null),
        ("Trend", ColumnKind.Choice, ContractWords.All<RiskTrend>()),
        ("Status", ColumnKind.Choice, ContractWords.All<RiskState>()),
        ("Type", ColumnKind.Choice, ContractWords.All<RiskType>()));

    public override IReadOnlyList<string> WhatToFill(ReportingPeriod period) =>
    [
        $"For each open risk: Likelihood and Impact, each 1 (lowest) to 5 (highest), as assessed at the end of {period.ToLongName()}. Leave Score empty: it is worked out.",
        "Trend: leave it empty to have it worked out from last month's score, or choose Up, Down or Same. Status Closed when the risk is closed; update the Mitigation if it has changed.",
        "Closed risks are carried as they were. Add a row for each new risk or issue.",
    ];

    protected override IReadOnlyDictionary<string, WorkbookValue> Row(RiskEntry item)
    {
        var row = new Dictionary<string, WorkbookValue>
        {
            ["RiskId"] = Text(item.Id),
            ["Title"] = Text(item.Title),
            ["Workstream"] = Text(item.Workstream),
            ["Owner"] = Text(item.Owner),
            ["Mitigation"] = Text(item.Mitigation),
            ["Type"] = Text(ContractWords.Of(item.Type)),
        };
        if (item.Status == RiskState.Closed)
        {
            row["Likelihood"] = Number(item.Likelihood);
            row["Impact"] = Number(item.Impact);
            row["Status"] = Text(ContractWords.Of(RiskState.Closed));
        }

        return row;
    }
}
