namespace FileBridge.Admin.Cli;

/// <summary>What the operator typed cannot be used: an invalid user name, a refused password.</summary>
public sealed class AdminInputException(string message) : Exception(message);
