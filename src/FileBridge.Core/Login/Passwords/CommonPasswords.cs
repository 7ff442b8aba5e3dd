using System.Reflection;

namespace FileBridge.Core.Login.Passwords;

/// <summary>
/// The 100,000 most common passwords (common-passwords.NOTICE.md says where from), read from the assembly once,
/// on first use, into a case-insensitive set: a lookup costs a hash, not a scan.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "FileBridge.Core.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> Set = new(Load);

    public static int Count => Set.Value.Count;

    /// <summary>True when <paramref name="password"/> equals, ignoring case, an entry of the list.</summary>
    public static bool Contains(string password) => Set.Value.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(120_000, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
