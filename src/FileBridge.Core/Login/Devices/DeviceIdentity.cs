namespace FileBridge.Core.Login.Devices;

/// <summary>What a valid <c>__Host-fb_device</c> cookie says: this browser completed a sign-in of this person.</summary>
/// <param name="DeviceId">Random, made at the browser's first full sign-in and kept at every later one.</param>
/// <param name="DeviceEpoch">The account's <c>DeviceEpoch</c> when the cookie was issued.</param>
public sealed record DeviceIdentity(string UserId, string DeviceId, string DeviceEpoch, DateTimeOffset ExpiresAt);
