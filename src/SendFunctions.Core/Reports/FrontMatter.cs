using SendFunctions.Core.Reports.Word;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Reports;

/// <summary>What every paper says near its top: notes for a preview, and the data the paper uses.</summary>
internal static class FrontMatter
{
    /// <summary>A preview's notes (placeholder contact details and the like); a paper that is sent has none.</summary>
    public static void PreviewNotes(WordWriter word, ReportContext c)
    {
        foreach (var note in c.PreviewNotes)
        {
            word.Labelled("Preview note:", note);
        }
    }

    /// <summary>"REVISED: replaces version 1 signed off by ... What changed: ..." at the top of a revised paper, where a clerk looks first.</summary>
    public static void Revised(WordWriter word, ReportContext c)
    {
        if (c.Revision is { } revision)
        {
            word.Labelled("REVISED:", $"this version {revision.Replacing} {revision.WhatChanged}");
        }
    }

    /// <summary>"Data used in this paper: This paper uses the January 2025 milestone return (uploaded on ...) ..."</summary>
    public static void DataUsed(WordWriter word, ReportContext c) =>
        word.Labelled("Data used in this paper:", string.Join(" ", DataNarrative.Used(c.Status)));
}
