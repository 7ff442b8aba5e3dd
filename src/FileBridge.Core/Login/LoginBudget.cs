namespace FileBridge.Core.Login;

/// <summary>
/// Where a sign-in's failures count. Each browser holding the person's valid device cookie has a budget of its own
/// (<see cref="DeviceId"/> set); every request without one shares the person's untrusted budget. So failures sent
/// from elsewhere lock only the untrusted budget: never a browser the person signed in on.
/// </summary>
public sealed record LoginBudget(string UserId, string? DeviceId = null)
{
    /// <summary>The key the state stores use: the user id, or <c>userId/deviceId</c> (no user id holds a '/').</summary>
    public string Key => DeviceId is null ? UserId : $"{UserId}/{DeviceId}";

    public bool IsDevice => DeviceId is not null;
}
