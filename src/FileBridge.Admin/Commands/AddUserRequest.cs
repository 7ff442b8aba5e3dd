namespace FileBridge.Admin.Commands;

/// <summary>The arguments of <c>users add</c> as typed.</summary>
public sealed record AddUserRequest(
    string Name, string? DisplayName = null, string? Prefixes = null, bool Permanent = false, bool NoSecondFactor = false, bool Json = false);
