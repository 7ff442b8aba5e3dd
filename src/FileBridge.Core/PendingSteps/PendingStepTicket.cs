namespace FileBridge.Core.PendingSteps;

/// <summary>The <c>__Host-fb_pending</c> cookie's value (random; stored only as a hash) and when the step ends.</summary>
public sealed record PendingStepTicket(string CookieValue, DateTimeOffset ExpiresAt);
