using SendFunctions.Core.Ingestion;

namespace SendFunctions.Core.Status;

/// <summary>What became of a dataset's return for a period (DATA-CONTRACT.md section 7).</summary>
public enum DatasetState
{
    /// <summary>A version was accepted; the period has this dataset.</summary>
    Accepted,

    /// <summary>Uploaded, but no version was accepted: every upload had errors.</summary>
    Rejected,

    /// <summary>Nothing was uploaded.</summary>
    Missing,
}

/// <summary>
/// One dataset's return for one period and what is known of its uploads. Made only through
/// <see cref="Accepted"/>, <see cref="Rejected"/> and <see cref="Missing"/>, so a state never carries dates that
/// contradict it. Dates are the day of the upload in the programme's time zone (the caller converts); null where the
/// caller does not know them (a local folder, or a caller that only knows what was accepted).
/// </summary>
public sealed record DatasetReturn
{
    private DatasetReturn(Dataset dataset, DatasetState state, DateOnly? acceptedUploadOn, DateOnly? supersededUploadOn, DateOnly? rejectedUploadOn)
    {
        Dataset = dataset;
        State = state;
        AcceptedUploadOn = acceptedUploadOn;
        SupersededUploadOn = supersededUploadOn;
        RejectedUploadOn = rejectedUploadOn;
    }

    public Dataset Dataset { get; }

    public DatasetState State { get; }

    /// <summary>Accepted only: the day the version in use was uploaded.</summary>
    public DateOnly? AcceptedUploadOn { get; }

    /// <summary>Accepted only: the day of the earlier accepted upload that the version in use superseded; null when none was.</summary>
    public DateOnly? SupersededUploadOn { get; }

    /// <summary>
    /// Rejected: the day of the latest rejected upload. Accepted: the day of a rejected upload made after the
    /// version in use (an attempted correction that failed, so the paper still uses the earlier version); rejected
    /// uploads before the accepted one are ordinary corrections and are not carried.
    /// </summary>
    public DateOnly? RejectedUploadOn { get; }

    public bool IsAccepted => State == DatasetState.Accepted;

    public static DatasetReturn Accepted(Dataset dataset, DateOnly? uploadedOn = null, DateOnly? supersededUploadOn = null, DateOnly? laterRejectedUploadOn = null)
    {
        if (uploadedOn is { } used && supersededUploadOn is { } earlier && earlier > used)
        {
            throw new ArgumentException("The superseded upload cannot be later than the version that superseded it.", nameof(supersededUploadOn));
        }

        if (uploadedOn is { } accepted && laterRejectedUploadOn is { } rejected && rejected < accepted)
        {
            throw new ArgumentException("Only a rejected upload made after the accepted one is carried.", nameof(laterRejectedUploadOn));
        }

        return new DatasetReturn(dataset, DatasetState.Accepted, uploadedOn, supersededUploadOn, laterRejectedUploadOn);
    }

    public static DatasetReturn Rejected(Dataset dataset, DateOnly? latestUploadOn = null) =>
        new(dataset, DatasetState.Rejected, null, null, latestUploadOn);

    public static DatasetReturn Missing(Dataset dataset) => new(dataset, DatasetState.Missing, null, null, null);
}
