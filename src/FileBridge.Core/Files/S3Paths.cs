using System.Text;

namespace FileBridge.Core.Files;

/// <summary>
/// Validation of the prefixes and keys people send. S3 itself has no path semantics, but browsers, proxies and
/// the people reading CloudTrail do; refusing look-alike traversal ('..', '//', '\') keeps one key meaning one thing.
/// Values arrive already URL-decoded (once) by ASP.NET Core, so "%2e%2e" is checked as "..".
/// </summary>
public static class S3Paths
{
    /// <summary>S3's own limit on key length, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1024;

    /// <summary>"" (the bucket's root) or a folder prefix ending in '/'; a missing trailing '/' is added.</summary>
    public static PathCheck NormalizePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return PathCheck.Ok("");
        }

        var normalized = prefix.EndsWith('/') ? prefix : prefix + "/";
        return Check(normalized, "prefix") is { } error ? PathCheck.Fail(error) : PathCheck.Ok(normalized);
    }

    /// <summary>An object key: not empty, not a folder (trailing '/'), same character rules as prefixes.</summary>
    public static PathCheck ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return PathCheck.Fail("key is required.");
        }

        if (key.EndsWith('/'))
        {
            return PathCheck.Fail("key names a folder, not a file.");
        }

        return Check(key, "key") is { } error ? PathCheck.Fail(error) : PathCheck.Ok(key);
    }

    /// <summary>The last segment of a key or folder prefix, without the trailing '/'.</summary>
    public static string LastSegment(string path)
    {
        var trimmed = path.EndsWith('/') ? path[..^1] : path;
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static string? Check(string path, string what)
    {
        if (Encoding.UTF8.GetByteCount(path) > MaxBytes)
        {
            return $"{what} is longer than {MaxBytes} bytes.";
        }

        if (path.StartsWith('/'))
        {
            return $"{what} must not start with '/'.";
        }

        if (path.Contains('\\'))
        {
            return $"{what} must not contain '\\'.";
        }

        if (path.Contains("//", StringComparison.Ordinal))
        {
            return $"{what} must not contain empty segments ('//').";
        }

        foreach (var c in path)
        {
            if (char.IsControl(c) || IsNoncharacter(c) || char.IsSurrogate(c) && !HasValidSurrogates(path))
            {
                return $"{what} must not contain control characters or broken Unicode.";
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "." or "..")
            {
                return $"{what} must not contain '.' or '..' segments.";
            }
        }

        return null;
    }

    /// <summary>
    /// U+FFFE, U+FFFF and U+FDD0..U+FDEF are not allowed in XML, and S3 echoes the prefix back in its XML
    /// answer, which the SDK then cannot parse.
    /// </summary>
    private static bool IsNoncharacter(char c) => c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF');

    private static bool HasValidSurrogates(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            if (char.IsHighSurrogate(path[i]))
            {
                if (i + 1 >= path.Length || !char.IsLowSurrogate(path[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(path[i]))
            {
                return false;
            }
        }

        return true;
    }
}
