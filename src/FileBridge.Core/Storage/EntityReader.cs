using Azure.Data.Tables;

namespace FileBridge.Core.Storage;

/// <summary>
/// Reads columns leniently: tables that operators created by hand or with other tools may hold a
/// number as a string or a boolean as "true"; such rows must still load rather than fail a login.
/// </summary>
internal static class EntityReader
{
    public static string? String(TableEntity entity, string column) =>
        entity.TryGetValue(column, out var value) && value is not null ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static bool Boolean(TableEntity entity, string column) => entity.TryGetValue(column, out var value) && value switch
    {
        bool b => b,
        string s => bool.TryParse(s, out var parsed) && parsed,
        int i => i != 0,
        long l => l != 0,
        _ => false,
    };

    public static int Int32(TableEntity entity, string column) => entity.TryGetValue(column, out var value) ? value switch
    {
        int i => i,
        long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
        string s when int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    } : 0;

    public static DateTimeOffset? DateTime(TableEntity entity, string column) => entity.TryGetValue(column, out var value) ? value switch
    {
        DateTimeOffset d => d,
        System.DateTime d => new DateTimeOffset(System.DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s when DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    } : null;
}
