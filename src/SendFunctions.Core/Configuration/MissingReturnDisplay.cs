namespace SendFunctions.Core.Configuration;

/// <summary>
/// What a paper shows for a dataset whose return for the month is missing or rejected (<c>programme.missingReturns</c>).
/// Either way the paper says in words that the month's return was not received or was rejected.
/// </summary>
public enum MissingReturnDisplay
{
    /// <summary>No figures for that dataset (the default): nothing is shown from data the system does not have.</summary>
    Nothing,

    /// <summary>The figures of the last accepted month, each time labelled with that month.</summary>
    LastAccepted,
}
