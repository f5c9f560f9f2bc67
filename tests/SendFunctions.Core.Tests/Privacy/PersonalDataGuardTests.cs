using SendFunctions.Core.Configuration;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Privacy;
using SendFunctions.Core.Tests.Support;

namespace SendFunctions.Core.Tests.Privacy;

/// <summary>The guard through the real validator: every kind, in every free-text column of every dataset, in CSV and XLSX.</summary>
public sealed class PersonalDataGuardTests
{
    public static TheoryData<Dataset, string, PersonalDataKind, FileFormat> EveryKindInEveryFreeTextColumn()
    {
        var data = new TheoryData<Dataset, string, PersonalDataKind, FileFormat>();
        foreach (var (dataset, column) in PrivacyDrops.FreeTextColumns)
        {
            foreach (var kind in PersonalDataKinds.All)
            {
                data.Add(dataset, column, kind, FileFormat.Csv);
                data.Add(dataset, column, kind, FileFormat.Xlsx);
            }
        }

        return data;
    }

    public static TheoryData<PersonalDataKind> Kinds() => [.. PersonalDataKinds.All];

    [Theory]
    [MemberData(nameof(EveryKindInEveryFreeTextColumn))]
    public void Validate_PersonalDataInFreeText_IsAnErrorNamingRowColumnAndKind(Dataset dataset, string column, PersonalDataKind kind, FileFormat format)
    {
        var (text, secrets) = PrivacyDrops.Samples[kind];

        var result = PrivacyDrops.Validate(dataset, column, text, format);

        Assert.False(result.Valid);
        Assert.Null(result.Data);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(IssueCode.PersonalData, error.Code);
        Assert.Equal(2, error.Row);
        Assert.Equal(column, error.Column);
        Assert.Null(error.Value);
        Assert.Contains(kind.Describe(), error.Message, StringComparison.Ordinal);
        Assert.All(PrivacyDrops.Texts(result.Report), t => Assert.All(secrets, s => Assert.DoesNotContain(s, t, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData(Dataset.Milestones, "Milestone", "Deliver the thing")]
    [InlineData(Dataset.Milestones, "Commentary", "Met on 12/03/2025; contract 4857773456 signed; ask send.pmo@wirral.gov.uk or 0151 666 4000; hub at Arrowe Park Hospital, CH49 5PE")]
    [InlineData(Dataset.Metrics, "Metric", "EHCPs issued within 20 weeks (excluding exceptions) for young people aged 16 to 25")]
    [InlineData(Dataset.Actions, "Action", "Circulate the minutes of 12/03/2025 to clerk@wirral.gov.uk and cwp.send@nhs.net")]
    public void Validate_LookAlikesInFreeText_AreAccepted(Dataset dataset, string column, string text)
    {
        foreach (var format in (FileFormat[])[FileFormat.Csv, FileFormat.Xlsx])
        {
            var result = PrivacyDrops.Validate(dataset, column, text, format);

            Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
            Assert.DoesNotContain(result.Report.Warnings, w => w.Code == IssueCode.PersonalData);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Validate_DetectorSetToWarning_AcceptsWithAWarningThatDoesNotEchoTheValue(PersonalDataKind kind)
    {
        var (text, secrets) = PrivacyDrops.Samples[kind];

        var result = PrivacyDrops.Validate(Dataset.Milestones, "Commentary", text, FileFormat.Csv, PrivacyDrops.With(kind, DetectorSetting.Warning));

        Assert.True(result.Valid);
        var warning = Assert.Single(result.Report.Warnings, w => w.Code == IssueCode.PersonalData);
        Assert.Equal((2, "Commentary"), (warning.Row, warning.Column));
        Assert.Null(warning.Value);
        Assert.Contains("was accepted", warning.Message, StringComparison.Ordinal);
        Assert.All(PrivacyDrops.Texts(result.Report), t => Assert.All(secrets, s => Assert.DoesNotContain(s, t, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Validate_DetectorOff_AcceptsWithoutAFinding(PersonalDataKind kind)
    {
        var result = PrivacyDrops.Validate(Dataset.Actions, "Action", PrivacyDrops.Samples[kind].Text, FileFormat.Xlsx, PrivacyDrops.With(kind, DetectorSetting.Off));

        Assert.True(result.Valid, string.Join("; ", result.Report.Errors.Select(e => e.Message)));
        Assert.DoesNotContain(result.Report.Warnings, w => w.Code == IssueCode.PersonalData);
    }

    [Fact]
    public void Validate_OneDetectorOff_LeavesTheOthersOn()
    {
        var text = PrivacyDrops.Samples[PersonalDataKind.NhsNumber].Text + "; " + PrivacyDrops.Samples[PersonalDataKind.Mobile].Text;

        var result = PrivacyDrops.Validate(Dataset.Milestones, "Commentary", text, FileFormat.Csv, PrivacyDrops.With(PersonalDataKind.NhsNumber, DetectorSetting.Off));

        var error = Assert.Single(result.Report.Errors);
        Assert.Contains(PersonalDataKind.Mobile.Describe(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderWrittenAsAnAlias_IsNamedAsTheOwnerWroteIt()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader.Replace("Commentary", "Progress Update", StringComparison.Ordinal),
            Drops.Milestone(commentary: "NHS 9434765919"));

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal((IssueCode.PersonalData, "Progress Update"), (error.Code, error.Column));
    }

    [Fact]
    public void Validate_TwoKindsInOneCell_AreTwoErrorsOnThatCell()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(commentary: "DOB 12/03/2015 NHS 9434765919"));

        Assert.Equal(2, result.Report.Errors.Count);
        Assert.All(result.Report.Errors, e => Assert.Equal((IssueCode.PersonalData, 2, "Commentary"), (e.Code, e.Row, e.Column)));
    }

    [Fact]
    public void Validate_FindingOnALaterRow_NamesThatRow()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader,
            Drops.Milestone(id: "WS1-01"), Drops.Milestone(id: "WS1-02"), Drops.Milestone(id: "WS1-03", commentary: "Call 07700900123"));

        Assert.Equal(4, Assert.Single(result.Report.Errors).Row);
    }

    [Fact]
    public void Validate_NumberCellInFreeTextColumn_IsChecked()
    {
        var workbook = Drops.Workbook("Actions",
            ["ActionId", "Action", "Owner", "RaisedOn", "DueDate", "Status"],
            ["A-1", Spreadsheets.WorkbookValue.Of(9434765919), "Board Secretary", "28/01/2025", "28/02/2025", "Open"]);

        var result = Drops.Validate(new DropPath(Drops.January2025, Dataset.Actions, FileFormat.Xlsx), workbook);

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal((IssueCode.PersonalData, "Action"), (error.Code, error.Column));
    }

    [Fact]
    public void Validate_OtherIssuesOnAFlaggedCell_DoNotCarryItsValue()
    {
        var tooLong = "NHS 943 476 5919. " + new string('x', 4000);

        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(commentary: tooLong + "\u0001"));

        Assert.Contains(result.Report.Errors, e => e.Code == IssueCode.TooLong && e.Value is null);
        Assert.Contains(result.Report.Warnings, w => w.Code == IssueCode.ControlCharacters && w.Value is null);
        Assert.All(PrivacyDrops.Texts(result.Report), t => Assert.DoesNotContain("943 476", t, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StrayQuoteOnAFlaggedRow_DoesNotCarryTheText()
    {
        var result = Drops.ValidateCsv(Dataset.Milestones, Drops.MilestoneHeader, Drops.Milestone(commentary: "Mum \"Jane Smith\" at CH41 5AB"));

        Assert.Contains(result.Report.Warnings, w => w.Code == IssueCode.MalformedCsv);
        Assert.All(PrivacyDrops.Texts(result.Report), t => Assert.DoesNotContain("Jane Smith", t, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PersonalDataInAnIdColumn_IsNotEchoedByTheDuplicateIdError()
    {
        var result = Drops.ValidateCsv(Dataset.Actions, Drops.ActionHeader, Drops.Action(id: "9434765919"), Drops.Action(id: "9434765919"));

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(IssueCode.DuplicateId, error.Code);
        Assert.Null(error.Value);
        Assert.DoesNotContain("9434765919", error.Message, StringComparison.Ordinal);
        Assert.Contains("withheld", error.Message, StringComparison.Ordinal);
    }
}
