using SendFunctions.Core.Reports;
using SendFunctions.Core.Status;

namespace SendFunctions.Core.Calendar;

/// <summary>
/// A committee paper version made after an earlier version of the same paper (same months, same meeting) was signed off:
/// which version it replaces, who signed that one off and on what day, and what changed since, in sentences a reader can
/// check (which months' returns changed, which headline counts moved). It is printed on the paper's front page and in its
/// emails and kept in its manifest. It needs sign-off again; <see cref="Replaces"/>'s approval does not carry over.
/// </summary>
/// <param name="SignedOffOn">The day <paramref name="SignedOffBy"/> signed <paramref name="Replaces"/> off, UK local time.</param>
/// <param name="Changes">Sentences, never empty: the changed returns, then the headline counts.</param>
public sealed record PaperRevision(int Replaces, string SignedOffBy, DateOnly SignedOffOn, IReadOnlyList<string> Changes)
{
    /// <summary>"replaces version 1 signed off by Sam Taylor on 28 February 2025."</summary>
    public string Replacing => $"replaces version {Replaces} signed off by {SignedOffBy} on {Words.Date(SignedOffOn)}.";

    /// <summary>"Revised: replaces version 1 signed off by Sam Taylor on 28 February 2025."</summary>
    public string Headline => $"Revised: {Replacing}";

    /// <summary>What changed, as the sentences of one paragraph.</summary>
    public string WhatChanged => $"What changed: {string.Join(" ", Changes)}";

    /// <summary>
    /// The revision of <paramref name="signedOff"/> that a version made from <paramref name="inputs"/> is. The headline counts
    /// are compared as the papers state them (the milestone summary); a count that did not move is not mentioned.
    /// </summary>
    /// <param name="zone">The zone days are given in (UK local time).</param>
    public static PaperRevision Of(ReportManifest signedOff, SignOff signOff, IReadOnlyList<ManifestInput> inputs, StatusJson.SummaryJson summary, string configSha256, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(signedOff);
        ArgumentNullException.ThrowIfNull(signOff);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(zone);
        var changes = InputChange.Between(signedOff.Inputs, inputs).Select(c => c.Describe(zone)).ToList();
        if (!string.Equals(signedOff.ConfigSha256, configSha256, StringComparison.Ordinal))
        {
            changes.Add("The paper's settings in reporting.json changed.");
        }

        changes.Add(Moved(signedOff.Summary, summary));
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(signOff.At, zone).DateTime);
        return new PaperRevision(signedOff.Version, signOff.By, day, changes);
    }

    /// <summary>"Milestones complete: 30 (was 29); delayed: 5 (was 6)." or "The milestone counts are unchanged."</summary>
    private static string Moved(StatusJson.SummaryJson was, StatusJson.SummaryJson now)
    {
        var moved = new (string Name, int Was, int Now)[]
        {
            ("milestones", was.Milestones, now.Milestones),
            ("complete", was.Complete, now.Complete),
            ("on track", was.OnTrack, now.OnTrack),
            ("delayed", was.Delayed, now.Delayed),
            ("at risk", was.AtRisk, now.AtRisk),
        }.Where(c => c.Was != c.Now).Select(c => $"{c.Name} {c.Now} (was {c.Was})").ToList();
        return moved.Count == 0 ? "The milestone counts are unchanged." : $"Milestone counts moved: {Words.List(moved)}.";
    }
}
