using System.Net;
using System.Text.RegularExpressions;
using FileBridge.Testing;
using Xunit.Abstractions;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>The lockout as an attacker meets it: many guesses at once, against real Azurite (app in-process), counting password checks.</summary>
public sealed partial class ParallelGuessTests(ITestOutputHelper output)
{
    private const string Password = "correct horse battery staple";
    private const int MaxFailedAttempts = 5;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(39)]
    public async Task Login_FortyParallelGuessesWithTheRightOne_NoneSignsInAndAtMostMaxAreChecked(int rightGuessAt)
    {
        var (settings, users) = Settings();
        // Slots for everyone: what holds here is the lockout, not the password-check gate.
        settings["Throttle:ConcurrentPasswordChecks"] = "40";
        await using var host = InProcessDevHost.Start(settings);
        var name = LoginTests.NewName();
        await users.AddAsync(name, Password);
        using var client = host.CreateClient();

        // All forty leave together, as an attacker's burst arrives: none is sent (and checked) before the others exist.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = Enumerable.Range(0, 40)
            .Select(i => Task.Run(async () =>
            {
                await go.Task;
                return await ApiSession.LoginAsync(client, name, i == rightGuessAt ? Password : $"guess {i}");
            }))
            .ToList();
        go.SetResult();
        var answers = await Task.WhenAll(sent);

        output.WriteLine($"40 parallel guesses, right one at {rightGuessAt}: {PasswordChecks(host)} checked; answers "
            + string.Join(", ", answers.GroupBy(a => (int)a.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}")));
        Assert.DoesNotContain(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.InRange(PasswordChecks(host), 1, MaxFailedAttempts);
        var account = await users.Store.FindAsync(name, CancellationToken.None);
        Assert.True(account!.IsLockedAt(DateTimeOffset.UtcNow), "the account must be locked afterwards");
        using var later = await ApiSession.LoginAsync(client, name, Password);
        await ProblemAssert.IsProblemAsync(later, HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task Login_FortyParallelGuessesForAnUnknownName_LockTheSameWay()
    {
        var (settings, _) = Settings();
        settings["Throttle:ConcurrentPasswordChecks"] = "40";
        await using var host = InProcessDevHost.Start(settings);
        var name = LoginTests.NewName();
        using var client = host.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => ApiSession.LoginAsync(client, name, $"guess {i}")));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.InRange(PasswordChecks(host), 1, MaxFailedAttempts);
        using var later = await ApiSession.LoginAsync(client, name, Password);
        await ProblemAssert.IsProblemAsync(later, HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task Login_KnownAndUnknownNames_AnswerTheSameSequence()
    {
        var (settings, users) = Settings();
        await using var host = InProcessDevHost.Start(settings);
        var known = LoginTests.NewName();
        await users.AddAsync(known, Password);
        using var client = host.CreateClient();

        var knownAnswers = await SequenceAsync(client, known);
        var unknownAnswers = await SequenceAsync(client, LoginTests.NewName());

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Equal([.. Enumerable.Repeat("401 invalid_credentials", MaxFailedAttempts), "429 too_many_attempts"], knownAnswers);
    }

    [Fact]
    public async Task Login_SuccessRacingALock_DoesNotClearIt()
    {
        var (settings, users) = Settings();
        settings["Throttle:ConcurrentPasswordChecks"] = "1";
        await using var host = InProcessDevHost.Start(settings);
        var name = LoginTests.NewName();
        await users.AddAsync(name, Password);
        using var client = host.CreateClient();

        // The right password takes the only slot; while it is being checked, guesses use up the window.
        var right = ApiSession.LoginAsync(client, name, Password);
        await Poll.UntilAsync(() => PasswordChecks(host) == 1, "the right password's check to start");
        var guesses = Enumerable.Range(0, 8).Select(i => ApiSession.LoginAsync(client, name, $"guess {i}")).ToList();
        using var rightAnswer = await right;
        await Task.WhenAll(guesses);

        await ProblemAssert.IsProblemAsync(rightAnswer, HttpStatusCode.TooManyRequests, "too_many_attempts");
        var account = await users.Store.FindAsync(name, CancellationToken.None);
        Assert.True(account!.IsLockedAt(DateTimeOffset.UtcNow.AddMinutes(10)), "the lock must stand for the lockout duration");
    }

    private static (Dictionary<string, string?> Settings, TestUsers Users) Settings()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Login:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Logging:LogLevel:FileBridge.Core.Login.PasswordCheckGate"] = "Debug";
        return (settings, new TestUsers(settings));
    }

    private static async Task<List<string>> SequenceAsync(HttpClient client, string name)
    {
        var answers = new List<string>();
        for (var i = 0; i <= MaxFailedAttempts; i++)
        {
            using var response = await ApiSession.LoginAsync(client, name, "wrong password");
            var code = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
            answers.Add($"{(int)response.StatusCode} {code}");
        }

        return answers;
    }

    /// <summary>Password checks the app ran, from its debug log.</summary>
    internal static int PasswordChecks(IAppHost host) => CheckLine().Matches(host.Output).Count;

    [GeneratedRegex("Password check running")]
    private static partial Regex CheckLine();
}
