namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>Reads the work counters systems pushed for a person.</summary>
public interface IWorkCounterReader
{
    /// <summary>
    /// The person's unexpired, non-zero counters from every application, ordered by application then key.
    /// The caller trims them to the applications the person may use. Meant for every home page view: one indexed query.
    /// </summary>
    Task<IReadOnlyList<WorkCounter>> GetForSubjectAsync(string subjectId, CancellationToken cancellationToken = default);
}
