namespace FileBridge.Core.Audit;

/// <summary>The audit row of an event that must not happen unrecorded (a download link) could not be stored.</summary>
public sealed class AuditUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
