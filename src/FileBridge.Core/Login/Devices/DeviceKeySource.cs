using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login.Devices;

/// <summary>
/// The key that MACs device cookies. It never lives in the storage account: a copy of the tables must not let
/// anyone mint a cookie. <c>Login:DeviceKey</c> when set (a Key Vault reference on Azure); unset in Development, a
/// key generated once into <c>.local/device-key</c> under the content root, so local runs keep their browsers known
/// across restarts. Unset elsewhere, a key for this process only: device cookies then count only on the instance
/// that issued them until it restarts (requests without a valid cookie share the untrusted budget, so nothing is
/// opened by it) and a warning says so.
/// </summary>
public sealed partial class DeviceKeySource
{
    public const int MinKeyBytes = 32;
    internal const string LocalFileName = "device-key";

    public DeviceKeySource(IOptions<LoginOptions> options, ILogger<DeviceKeySource> logger, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.DeviceKey is { Length: > 0 } configured)
        {
            Key = Convert.FromBase64String(configured);
            if (Key.Length < MinKeyBytes)
            {
                throw new OptionsValidationException(nameof(LoginOptions.DeviceKey), typeof(LoginOptions),
                    ["Login:DeviceKey must be base64 of at least 32 bytes."]);
            }
        }
        else if (environment?.IsDevelopment() == true)
        {
            Key = LocalKey(Path.Combine(environment.ContentRootPath, ".local", LocalFileName));
        }
        else
        {
            Key = RandomNumberGenerator.GetBytes(MinKeyBytes);
            LogEphemeralKey(logger);
        }
    }

    /// <summary>For tests and tools that hold the key themselves.</summary>
    public DeviceKeySource(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key.Length >= MinKeyBytes ? key : throw new ArgumentException("A device key has at least 32 bytes.", nameof(key));
    }

    public byte[] Key { get; }

    private static byte[] LocalKey(string path)
    {
        if (File.Exists(path) && Convert.FromBase64String(File.ReadAllText(path).Trim()) is { Length: >= MinKeyBytes } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinKeyBytes);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Login:DeviceKey is not set: device cookies count only on this instance until it restarts. Set it (a Key Vault reference) outside Development.")]
    private static partial void LogEphemeralKey(ILogger logger);
}
