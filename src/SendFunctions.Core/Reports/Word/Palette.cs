using SendFunctions.Core.Milestones;

namespace SendFunctions.Core.Reports.Word;

/// <summary>
/// RAG shading for cells and charts. Fills are light so black text on them keeps a contrast ratio
/// above 7:1 (WCAG AAA); the status word is always printed too, so colour is never the only signal.
/// </summary>
internal static class Palette
{
    public const string HeaderFill = "D9D9D9";

    public static string Fill(Rag rag) => rag switch
    {
        Rag.Blue => "BDD7EE",
        Rag.Green => "C6E0B4",
        Rag.Amber => "FFE699",
        Rag.Red => "F8CBAD",
        _ => "FFFFFF",
    };

    /// <summary>Chart colours: darker, for bars and lines on white, in the same hues.</summary>
    public static string ChartColour(Rag rag) => rag switch
    {
        Rag.Blue => "2E75B6",
        Rag.Green => "548235",
        Rag.Amber => "BF8F00",
        Rag.Red => "C00000",
        _ => "595959",
    };

    public static string Word(Rag rag) => rag switch
    {
        Rag.Blue => "Blue",
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        Rag.Red => "Red",
        _ => "No target",
    };
}
