using Azure;

namespace FileBridge.Core.PendingSteps;

/// <summary>
/// A sign-in between the password and a session: whose, which step, until when, how many codes it has
/// taken, how the person has authenticated so far (<see cref="Amr"/>, e.g. <c>pwd</c>), whether a
/// temporary password was used, the account's security stamp when it began (a reset since then ends
/// it), and where it came from (for the audit and the session list).
/// </summary>
public sealed record PendingStep(
    string Key,
    string UserId,
    PendingStepKind Step,
    DateTimeOffset ExpiresAt,
    int CodesTried,
    string Amr,
    bool TemporaryPassword,
    string? SecurityStamp,
    string? CreatedFrom,
    ETag ETag)
{
    /// <summary>The known browser whose budget the sign-in counts in; null: the person's untrusted budget.</summary>
    public string? DeviceId { get; init; }

    /// <summary>Failures a completed sign-in clears (see <see cref="PendingStepStart.Failures"/>).</summary>
    public int Failures { get; init; }
}
