namespace FileBridge.Admin.Hosting;

/// <summary>A settings problem found by the tool itself (unreadable settings file, unparsable connection string).</summary>
public sealed class SettingsException(string message) : Exception(message);
