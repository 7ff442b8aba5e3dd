using Azure.Data.Tables;
using FileBridge.Core.Storage;

namespace FileBridge.Core.Login;

/// <summary>How a <see cref="LoginState"/> is kept in a table row; the same columns for accounts and unknown names.</summary>
internal static class LoginStateColumns
{
    public const string FailedLogins = "FailedLogins";
    public const string PendingChecks = "PendingChecks";
    public const string LockedUntil = "LockedUntil";
    public const string WindowEndsAt = "LoginWindowEndsAt";

    public static LoginState Read(TableEntity entity) => new(
        EntityReader.Int32(entity, FailedLogins),
        EntityReader.Int32(entity, PendingChecks),
        EntityReader.DateTime(entity, LockedUntil),
        EntityReader.DateTime(entity, WindowEndsAt),
        entity.ETag);

    public static TableEntity Write(TableEntity entity, LoginState state)
    {
        entity[FailedLogins] = state.FailedLogins;
        entity[PendingChecks] = state.PendingChecks;
        // Merge ignores nulls, so "no lock" and "no window" are a moment in the past.
        entity[LockedUntil] = state.LockedUntil ?? DateTimeOffset.UnixEpoch;
        entity[WindowEndsAt] = state.WindowEndsAt ?? DateTimeOffset.UnixEpoch;
        return entity;
    }
}
