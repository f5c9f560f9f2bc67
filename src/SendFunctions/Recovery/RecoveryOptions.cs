using System.ComponentModel.DataAnnotations;

namespace SendFunctions.Recovery;

/// <summary>Configuration section <c>Recovery</c>: how soon a request whose worker died is taken up again (docs/operations.md, "Recovery times").</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Recovery";

    /// <summary>
    /// How long a worker's hold on a request lasts without renewal; the worker renews it every third of it. A request whose
    /// hold has run out without a result is queued again. Shorter recovers sooner; it must stay well above the longest pause a
    /// live worker can have between two renewals (a storage call).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan WorkLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a request recorded as queued (an upload's owner email) may wait to be started before it is queued again.
    /// Longer than the queue's backlog can be, so that a request merely waiting its turn is not copied (a copy is harmless,
    /// the delivery ledger sends once, but it is work done twice).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan QueuedGrace { get; set; } = TimeSpan.FromMinutes(5);
}
