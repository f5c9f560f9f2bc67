namespace SendFunctions.Core.Privacy;

/// <summary>Where in a (normalised) text a detector found something. Never leaves Core in a message: only its kind does.</summary>
internal readonly record struct PersonalDataMatch(PersonalDataKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
