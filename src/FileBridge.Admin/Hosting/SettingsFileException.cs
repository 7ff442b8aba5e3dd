namespace FileBridge.Admin.Hosting;

public sealed class SettingsFileException(string message) : Exception(message);
