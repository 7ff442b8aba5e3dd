using System.Security.Cryptography;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// The key that encrypts TOTP secrets: <c>Login:SecretsKey</c>, or in Development, when it is unset, a
/// key generated once into a file under the repository's <c>.local/</c> folder, so that local runs keep
/// working codes across restarts without anyone handling a key.
/// </summary>
public sealed class SecretsKey
{
    internal const string DevelopmentKeyFile = "login-secrets.key";

    private readonly Lazy<byte[]> _key;

    public SecretsKey(IOptions<SecondFactorOptions> options, IHostEnvironment environment)
    {
        _key = new Lazy<byte[]>(() => Resolve(options.Value.SecretsKey, environment));
    }

    internal SecretsKey(byte[] key)
    {
        _key = new Lazy<byte[]>(key);
    }

    internal byte[] Bytes => _key.Value;

    public static bool TryDecode(string text, out byte[] key)
    {
        key = [];
        var buffer = new byte[SecondFactorOptions.SecretsKeyBytes + 3];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written) || written != SecondFactorOptions.SecretsKeyBytes)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    private static byte[] Resolve(string? configured, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return TryDecode(configured, out var key)
                ? key
                : throw new OptionsValidationException(SecondFactorOptions.SectionName, typeof(SecondFactorOptions),
                    [$"Login:SecretsKey must be base64 of {SecondFactorOptions.SecretsKeyBytes} random bytes."]);
        }

        if (!environment.IsDevelopment())
        {
            throw new OptionsValidationException(SecondFactorOptions.SectionName, typeof(SecondFactorOptions),
                ["Login:SecretsKey is required outside Development."]);
        }

        return LocalKeyFile.ReadOrCreate(Path.Combine(LocalKeyFile.LocalFolder(environment.ContentRootPath), DevelopmentKeyFile), SecondFactorOptions.SecretsKeyBytes);
    }
}
