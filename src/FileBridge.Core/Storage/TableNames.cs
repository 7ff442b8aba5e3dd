namespace FileBridge.Core.Storage;

internal static class TableNames
{
    /// <summary>Azure Table naming rule: alphanumeric, starts with a letter, 3 to 63 characters.</summary>
    public const string Pattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";
}
