using System.Diagnostics;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// Loads <c>artifacts/infra/main.json</c>, first running <c>scripts/bicep.sh build</c> when the file is
/// missing or older than any Bicep source, so the tests never judge a stale build.
/// </summary>
public sealed class CompiledTemplateFixture
{
    public CompiledTemplateFixture()
    {
        if (IsStale())
        {
            Build();
        }

        Template = ArmTemplate.Load(RepositoryPaths.CompiledMainTemplate);
    }

    internal ArmTemplate Template { get; }

    private static bool IsStale()
    {
        var compiled = new FileInfo(RepositoryPaths.CompiledMainTemplate);
        if (!compiled.Exists)
        {
            return true;
        }

        var newestSource = Directory
            .EnumerateFiles(RepositoryPaths.InfraBicep, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith("bicepconfig.json", StringComparison.Ordinal))
            .Max(File.GetLastWriteTimeUtc);
        return newestSource > compiled.LastWriteTimeUtc;
    }

    private static void Build()
    {
        var start = new ProcessStartInfo("bash", [RepositoryPaths.BicepScript, "build"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start scripts/bicep.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/bicep.sh build took longer than 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/bicep.sh build failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "Compiled Azure template";
}
