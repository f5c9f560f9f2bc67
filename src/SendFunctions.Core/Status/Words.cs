using System.Globalization;

namespace SendFunctions.Core.Status;

/// <summary>Numbers and plurals as the Board's papers write them: one to ten in words, larger numbers in figures.</summary>
public static class Words
{
    private static readonly string[] Small = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] Ordinals =
    [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];

    /// <summary>"tenth" up to twentieth, then "21st", "22nd", "23rd", "24th".</summary>
    public static string Ordinal(int n)
    {
        if (n is >= 0 and <= 20)
        {
            return Ordinals[n];
        }

        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(British) + suffix;
    }

    public static string Number(int n) => n is >= 0 and <= 10 ? Small[n] : n.ToString("N0", British);

    /// <summary>"one milestone", "two milestones", "no milestones", "12 milestones".</summary>
    public static string Count(int n, string singular, string? plural = null) => $"{Number(n)} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>
    /// A count that opens a sentence: "No actions", "One action", "Seven actions"; above ten "A total of 12 actions",
    /// because a sentence never starts with a numeral.
    /// </summary>
    public static string Lead(int n, string singular, string? plural = null) =>
        n is >= 0 and <= 10 ? Capitalise(Count(n, singular, plural)) : $"A total of {Count(n, singular, plural)}";

    /// <summary>"is" for one, "are" otherwise (and for none: "no milestones are").</summary>
    public static string IsAre(int n) => n == 1 ? "is" : "are";

    public static string WasWere(int n) => n == 1 ? "was" : "were";

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);
}
