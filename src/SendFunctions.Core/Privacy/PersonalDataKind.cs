namespace SendFunctions.Core.Privacy;

/// <summary>The kinds of personal data the guard looks for in free text (docs/privacy.md).</summary>
public enum PersonalDataKind
{
    NhsNumber,
    DateOfBirth,
    NameAndPostcode,
    Email,
    Mobile,
}

public static class PersonalDataKinds
{
    public static readonly IReadOnlyList<PersonalDataKind> All = Enum.GetValues<PersonalDataKind>();

    /// <summary>The kind in words, as an owner reads it: "an NHS number".</summary>
    public static string Describe(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.NhsNumber => "an NHS number",
        PersonalDataKind.DateOfBirth => "a date of birth",
        PersonalDataKind.NameAndPostcode => "a person's name with a postcode",
        PersonalDataKind.Email => "an email address outside the staff email domains",
        PersonalDataKind.Mobile => "a mobile phone number",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What the owner can do instead, after "Remove it".</summary>
    public static string Advice(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.NhsNumber => "Refer to a case, if at all, by a reference that is not an NHS number.",
        PersonalDataKind.DateOfBirth => "Give an age group or a year group instead, if it matters.",
        PersonalDataKind.NameAndPostcode => "Name a place by its area or building, and a person by their role.",
        PersonalDataKind.Email => "If it is a staff address, ask the programme office to add its domain to the staff email domains.",
        PersonalDataKind.Mobile => "Give a team's office number or email address instead.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
