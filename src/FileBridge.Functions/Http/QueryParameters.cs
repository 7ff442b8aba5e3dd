using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

public static class QueryParameters
{
    /// <summary>
    /// The first of <paramref name="names"/> given more than once, or null. A repeated value would
    /// otherwise be joined with commas into one that nobody sent.
    /// </summary>
    public static string? FirstRepeated(HttpRequest request, params string[] names) =>
        names.FirstOrDefault(name => request.Query[name].Count > 1);
}
