using System.Security.Cryptography;
using Azure.Data.Tables;
using FileBridge.Core.Passkeys;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Storage;
using FileBridge.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Integration.Tests.SecondFactor;

/// <summary>The second-factor pieces wired to real Azurite, on tables of their own and a fake clock.</summary>
internal sealed class SecondFactorWorld
{
    public const string AppOrigin = "http://localhost:7071";

    private SecondFactorWorld(SecondFactorPolicy policy, string rpId, string? allowedOrigins)
    {
        Service = new TableServiceClient(TestEnvironment.AzuriteConnectionString);
        Users = Options.Create(new UsersOptions { ConnectionString = TestEnvironment.AzuriteConnectionString, TableName = TestEnvironment.UniqueTableName("Users") });
        Settings = Options.Create(new SecondFactorOptions
        {
            SecondFactor = policy,
            SecretsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            PasskeysTableName = TestEnvironment.UniqueTableName("Passkeys"),
            PendingStepsTableName = TestEnvironment.UniqueTableName("Pending"),
            ChallengesTableName = TestEnvironment.UniqueTableName("Challenges"),
        });
        var environment = new HostingEnvironment { EnvironmentName = Environments.Production, ContentRootPath = Path.GetTempPath() };
        Protector = new SecretProtector(new SecretsKey(Settings, environment));
        Factors = new UserFactorStore(Service, Users);
        Passkeys = new PasskeyStore(Service, Settings);
        RecoveryCodes = new RecoveryCodeService(Factors, Passkeys);
        Totp = new TotpFactor(Factors, Passkeys, RecoveryCodes, Protector, Settings, Time);
        Summary = new FactorSummaryReader(Factors, Passkeys);
        Reset = new FactorReset(Factors, Passkeys);
        Challenges = new ChallengeStore(Service, Settings, Time);
        PendingSteps = new PendingStepStore(Service, Settings, Time);
        var fido2 = new Fido2Factory(Options.Create(new PasskeyOptions { PasskeyRpId = rpId, AllowedOrigins = allowedOrigins }));
        var handles = new PasskeyUserHandles(Factors);
        Registration = new PasskeyRegistration(fido2, Challenges, Passkeys, handles, Factors, Time);
        Assertion = new PasskeyAssertion(fido2, Challenges, Passkeys, Factors, Time);
        Management = new PasskeyManagement(Passkeys, Factors, RecoveryCodes, Settings);
    }

    /// <summary>Mid-step, so that the previous step is never mistaken for one of another minute.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 10, TimeSpan.Zero));

    public TableServiceClient Service { get; }

    public IOptions<UsersOptions> Users { get; }

    public IOptions<SecondFactorOptions> Settings { get; }

    public SecretProtector Protector { get; }

    public UserFactorStore Factors { get; }

    public PasskeyStore Passkeys { get; }

    public RecoveryCodeService RecoveryCodes { get; }

    public TotpFactor Totp { get; }

    public FactorSummaryReader Summary { get; }

    public FactorReset Reset { get; }

    public ChallengeStore Challenges { get; }

    public PendingStepStore PendingSteps { get; }

    public PasskeyRegistration Registration { get; }

    public PasskeyAssertion Assertion { get; }

    public PasskeyManagement Management { get; }

    public static async Task<SecondFactorWorld> CreateAsync(
        SecondFactorPolicy policy = SecondFactorPolicy.Required, string rpId = "localhost", string? allowedOrigins = null)
    {
        var world = new SecondFactorWorld(policy, rpId, allowedOrigins);
        await world.Service.GetTableClient(world.Users.Value.TableName).CreateIfNotExistsAsync();
        return world;
    }

    /// <summary>A Users row as the user store writes it: the factor columns must live beside these untouched.</summary>
    public async Task<string> AddUserAsync(string name)
    {
        await Service.GetTableClient(Users.Value.TableName).AddEntityAsync(new TableEntity(name, name)
        {
            ["PasswordHash"] = "not-a-real-hash",
            ["DisplayName"] = name.ToUpperInvariant(),
            ["Disabled"] = false,
            ["FailedLogins"] = 0,
            ["SecurityStamp"] = "stamp",
        });
        return name;
    }

    public async Task<TableEntity> UserRowAsync(string userId) =>
        (await Service.GetTableClient(Users.Value.TableName).GetEntityAsync<TableEntity>(userId, userId)).Value;

    /// <summary>Enrols TOTP and returns the secret as an authenticator app holds it.</summary>
    public async Task<byte[]> EnrolTotpAsync(string userId)
    {
        var setup = await Totp.StartAsync(userId, userId, CancellationToken.None);
        var secret = OtpNet.Base32Encoding.ToBytes(setup!.Secret);
        var confirmation = await Totp.ConfirmAsync(userId, TotpCodes.CodeAt(secret, Time.GetUtcNow()), CancellationToken.None);
        Assert.True(confirmation.Confirmed);

        // The confirming code's step is used; the next sign-in comes a step later.
        Time.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));
        return secret;
    }

    public string CodeNow(byte[] secret) => TotpCodes.CodeAt(secret, Time.GetUtcNow());
}
