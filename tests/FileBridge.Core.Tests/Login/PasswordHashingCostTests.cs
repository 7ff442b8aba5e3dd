using System.Diagnostics;
using FileBridge.Core.Login;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Login;

/// <summary>
/// Review finding 2: a wrong password for an account whose hash is weaker than configured must cost what an unknown
/// name costs. CPU work, measured as the fastest of a few runs each (the least disturbed by other load).
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class PasswordHashingCostTests
{
    private const int Runs = 3;

    [Fact]
    public void Verify_WrongPasswordAgainstAWeakHash_CostsAboutAsMuchAsTheDummyCheck()
    {
        var hashing = new PasswordHashing(Options.Create(new LoginOptions()));
        var weak = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })).HashPassword(new object(), "the real password");
        hashing.VerifyDummy("warm up");

        var weakCost = Fastest(() => hashing.Verify(weak, "a wrong password"));
        var unknownCost = Fastest(() => hashing.VerifyDummy("a wrong password"));

        Assert.True(weakCost >= unknownCost * 0.6, $"weak hash {weakCost.TotalMilliseconds:0.0} ms, unknown name {unknownCost.TotalMilliseconds:0.0} ms");
    }

    [Fact]
    public void Verify_WeakHash_StillVerifiesAndAsksForARehash()
    {
        var hashing = new PasswordHashing(Options.Create(new LoginOptions()));
        var weak = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })).HashPassword(new object(), "the real password");

        Assert.Equal(PasswordCheck.SucceededRehashNeeded, hashing.Verify(weak, "the real password"));
        Assert.Equal(PasswordCheck.Failed, hashing.Verify(weak, "a wrong password"));
    }

    private static TimeSpan Fastest(Action work)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }

        return fastest;
    }
}
