using DocumentFormat.OpenXml.Wordprocessing;

namespace SendFunctions.Core.Reports.Word;

/// <summary><c>word/settings.xml</c> as Word 2013 and later write it, so Word opens the paper in its own mode, not Compatibility Mode.</summary>
internal static class WordSettings
{
    private const string WordUri = "http://schemas.microsoft.com/office/word";

    public static Settings Create(string language) => new(
        new DisplayBackgroundShape(),
        new DefaultTabStop { Val = 720 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(
            Setting(CompatSettingNameValues.CompatibilityMode, "15"),
            Setting(CompatSettingNameValues.OverrideTableStyleFontSizeAndJustification, "1"),
            Setting(CompatSettingNameValues.EnableOpenTypeFeatures, "1"),
            Setting(CompatSettingNameValues.DoNotFlipMirrorIndents, "1"),
            Setting(CompatSettingNameValues.DifferentiateMultirowTableHeaders, "1")),
        new ThemeFontLanguages { Val = language, Bidi = "ar-SA" });

    private static CompatibilitySetting Setting(CompatSettingNameValues name, string value) => new()
    {
        Name = name,
        Uri = WordUri,
        Val = value,
    };
}
