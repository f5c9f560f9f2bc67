namespace SendFunctions.Core.Ingestion;

/// <summary>
/// One problem found in a drop. <see cref="Row"/> is the row number as the owner sees it
/// (header = 1 in a CSV; the sheet's own row number in a workbook); null for file-level problems.
/// <see cref="Column"/> is the header as the owner wrote it.
/// </summary>
public sealed record ValidationIssue(int? Row, string? Column, string? Value, IssueCode Code, string Message);

public enum IssueCode
{
    BadPath,
    EmptyFile,
    NoDataRows,
    NotText,
    NotXlsx,
    Encrypted,
    TooLarge,
    MissingColumn,
    DuplicateColumn,
    UnknownColumn,
    RequiredValue,
    BadDate,
    BadNumber,
    BadBoolean,
    BadChoice,
    BadPeriod,
    TooLong,
    DuplicateId,
    CompletedAfterAsOf,
    CompleteWithoutDate,
    DateWithoutComplete,
    RevisedBeforeDue,
    NoCommentary,
    PercentOutOfRange,
    DataPeriodAfterDrop,
    ClosedWithoutDate,
    ClosedAfterAsOf,
    ControlCharacters,
    MalformedCsv,
    WrongSeparator,
    Utf16,
    MixedEncoding,
    UnclosedQuote,
    ReadFailed,
    OutsideSheetLimits,
    UncalculatedFormula,
    CellError,
    InvisibleCharacters,
    DecimalComma,
    ImplausibleDate,
    MoreIssues,
    PersonalData,
    OutOfRange,
    ScoreMismatch,
    ReportBackWithoutDueMeeting,
    DueBeforeMeeting,
    MeetingAfterAsOf,

    /// <summary>The header row is another dataset's: the file was uploaded under the wrong name (the issue's value is the dataset it looks like).</summary>
    WrongDataset,
}
