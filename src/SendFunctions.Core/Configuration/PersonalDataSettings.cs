namespace SendFunctions.Core.Configuration;

/// <summary>
/// <c>programme.personalData</c> in reporting.json: what each personal-data detector does with a finding
/// (docs/privacy.md). Every detector is an error unless the programme decides otherwise.
/// </summary>
public sealed record PersonalDataSettings(
    DetectorSetting NhsNumber = DetectorSetting.Error,
    DetectorSetting DateOfBirth = DetectorSetting.Error,
    DetectorSetting NameAndPostcode = DetectorSetting.Error,
    DetectorSetting Email = DetectorSetting.Error,
    DetectorSetting Mobile = DetectorSetting.Error);

/// <summary>Error rejects the file; Warning accepts it and tells the owner; Off does not look.</summary>
public enum DetectorSetting
{
    Error,
    Warning,
    Off,
}
