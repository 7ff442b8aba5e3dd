using System.Security.Cryptography;

namespace FileBridge.Core.Storage;

/// <summary>
/// Development keys kept in a file of the repository's <c>.local/</c> folder (never committed, never in
/// the storage account): made once with random bytes, read on every later start.
/// </summary>
public static class LocalKeyFile
{
    /// <summary>
    /// The <c>.local</c> folder of the repository the app runs from: the nearest folder upwards that holds
    /// FileBridge.sln (hosts run from project or bin folders), else the content root itself.
    /// </summary>
    public static string LocalFolder(string contentRoot)
    {
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FileBridge.sln")))
            {
                return Path.Combine(folder.FullName, ".local");
            }
        }

        return Path.Combine(contentRoot, ".local");
    }

    public static byte[] ReadOrCreate(string path, int length)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(draft, Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                // A rename is atomic: when two hosts start at once, one key wins whole and both read it.
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }

        var buffer = new byte[length + 3];
        return Convert.TryFromBase64String(File.ReadAllText(path).Trim(), buffer, out var written) && written == length
            ? buffer[..written]
            : throw new InvalidOperationException($"The key file {path} does not hold base64 of {length} bytes; delete it to make a new one.");
    }
}
