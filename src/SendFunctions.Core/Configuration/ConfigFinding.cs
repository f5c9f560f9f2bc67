namespace SendFunctions.Core.Configuration;

public enum ConfigSeverity
{
    /// <summary>The configuration cannot be used: nothing is generated or sent from it until it is fixed.</summary>
    Error,

    /// <summary>Worth checking before a paper is published (contact details that look like placeholders); the configuration is used.</summary>
    Warning,
}

/// <summary>One thing wrong with <c>reporting.json</c>, where it is and how to put it right. Values from the file are never echoed.</summary>
/// <param name="Path">Where in the file, as a JSON path without the root: <c>reports.hwb-board.distribution.to[0]</c>.</param>
/// <param name="Message">What is wrong, a sentence that begins with <paramref name="Path"/>.</param>
/// <param name="Fix">What to write instead.</param>
public sealed record ConfigFinding(ConfigSeverity Severity, string Path, string Message, string? Fix = null)
{
    public string Text => Fix is null ? Message : $"{Message} {Fix}";

    public static ConfigFinding Error(string path, string problem, string? fix = null) => new(ConfigSeverity.Error, path, $"{path} {problem}", fix);

    public static ConfigFinding Warning(string path, string problem, string? fix = null) => new(ConfigSeverity.Warning, path, $"{path} {problem}", fix);
}
