using BenchmarkDotNet.Attributes;
using FileBridge.Core.Login;
using Microsoft.Extensions.Options;

namespace FileBridge.Benchmarks;

/// <summary>
/// What one sign-in's password check costs at FileBridge's iteration count, next to ASP.NET Core
/// Identity's default (100,000) as the baseline and a stronger setting (600,000) for operators who
/// consider raising Login:PasswordHashIterations.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class PasswordHashingBenchmarks
{
    private const string Password = "correct horse battery staple";

    private readonly (PasswordHashing Hashing, string Hash) _identityDefault = Prepare(100_000);
    private readonly (PasswordHashing Hashing, string Hash) _fileBridge = Prepare(LoginOptions.MinimumPasswordHashIterations);
    private readonly (PasswordHashing Hashing, string Hash) _stronger = Prepare(600_000);

    [Benchmark(Baseline = true, Description = "Verify, 100,000 iterations (Identity default)")]
    public PasswordCheck IdentityDefault() => _identityDefault.Hashing.Verify(_identityDefault.Hash, Password);

    [Benchmark(Description = "Verify, 210,000 iterations (FileBridge)")]
    public PasswordCheck FileBridge() => _fileBridge.Hashing.Verify(_fileBridge.Hash, Password);

    [Benchmark(Description = "Verify, 600,000 iterations")]
    public PasswordCheck Stronger() => _stronger.Hashing.Verify(_stronger.Hash, Password);

    // The options floor is the app's start-up rule; the baseline needs a hasher below it.
    private static (PasswordHashing, string) Prepare(int iterations)
    {
        var hashing = new PasswordHashing(Options.Create(new LoginOptions { PasswordHashIterations = iterations }));
        return (hashing, hashing.Hash(Password));
    }
}
