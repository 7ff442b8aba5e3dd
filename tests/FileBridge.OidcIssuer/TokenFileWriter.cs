using Microsoft.Extensions.Options;

namespace FileBridge.OidcIssuer;

/// <summary>Keeps a fresh token in <see cref="IssuerOptions.TokenFile"/>, replaced atomically so a reader never sees half a token.</summary>
public sealed partial class TokenFileWriter(TokenMinter minter, IOptions<IssuerOptions> options, TimeProvider timeProvider, ILogger<TokenFileWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.TokenFile))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RefreshInterval, timeProvider);
        do
        {
            await WriteAsync(options.Value.TokenFile, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Writes the token once; also called at start-up so the file exists before the issuer says it is ready.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, minter.Default(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        LogWritten(logger, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote a fresh token to {Path}")]
    private static partial void LogWritten(ILogger logger, string path);
}
