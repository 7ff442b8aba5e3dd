namespace FileBridge.Testing;

/// <summary>
/// What the test command's services put in the environment (scripts/azurite.sh and
/// scripts/local-aws.sh write it; scripts/test.sh exports it). Missing values fail loudly.
/// </summary>
public static class TestEnvironment
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string AzuriteConnectionString => Required("Users__ConnectionString", "scripts/azurite.sh start");

    public static bool HasAws => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Aws__ServiceUrl"));

    public static string AwsServiceUrl => Required("Aws__ServiceUrl", "scripts/local-aws.sh start");

    public static string AwsRegion => Environment.GetEnvironmentVariable("Aws__Region") ?? "us-east-1";

    public static string AwsAccessKeyId => Required("Aws__AccessKeyId", "scripts/local-aws.sh start");

    public static string AwsSecretAccessKey => Required("Aws__SecretAccessKey", "scripts/local-aws.sh start");

    public static string AwsRoleArn => Required("Aws__RoleArn", "scripts/local-aws.sh start");

    public static string Bucket => Required("Files__Bucket", "scripts/local-aws.sh start");

    /// <summary>The second location's bucket and role (scripts/local-aws.sh provisions both).</summary>
    public static string LogsBucket => Required("FILEBRIDGE_TEST_LOGS_BUCKET", "scripts/local-aws.sh start");

    public static string LogsRoleArn => Required("FILEBRIDGE_TEST_LOGS_ROLE_ARN", "scripts/local-aws.sh start");

    public static string OtherAccessKeyId => Required("FILEBRIDGE_TEST_OTHER_ACCESS_KEY_ID", "scripts/local-aws.sh start");

    public static string OtherSecretAccessKey => Required("FILEBRIDGE_TEST_OTHER_SECRET_ACCESS_KEY", "scripts/local-aws.sh start");

    public static string AdminAccessKeyId => Required("FILEBRIDGE_TEST_ADMIN_ACCESS_KEY_ID", "scripts/local-aws.sh start");

    public static string AdminSecretAccessKey => Required("FILEBRIDGE_TEST_ADMIN_SECRET_ACCESS_KEY", "scripts/local-aws.sh start");

    /// <summary>The local OpenID Connect issuer (scripts/oidc-issuer.sh) the endpoint's reader role trusts.</summary>
    public static Uri OidcIssuer => new(Required("FILEBRIDGE_OIDC_ISSUER", "scripts/oidc-issuer.sh start"));

    public static string OidcAudience => Required("FILEBRIDGE_OIDC_AUDIENCE", "scripts/oidc-issuer.sh start");

    /// <summary>The token file the issuer keeps fresh for the configured audience and subject.</summary>
    public static string OidcTokenFile => Required("FILEBRIDGE_OIDC_TOKEN_FILE", "scripts/oidc-issuer.sh start");

    /// <summary>A key that encrypts the test hosts' TOTP secrets; fixed, so a test can start a second host over the same tables.</summary>
    public const string TestSecretsKey = "dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzISE=";

    /// <summary>A table name no other test uses, so tests never share rows.</summary>
    public static string UniqueTableName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 32)];

    /// <summary>Settings for a DevHost or service provider: real Azurite, real local AWS endpoint (when running), fresh tables.</summary>
    public static Dictionary<string, string?> BaseSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Users:ConnectionString"] = AzuriteConnectionString,
            ["Users:TableName"] = UniqueTableName("Users"),
            ["Sessions:TableName"] = UniqueTableName("Sessions"),
            ["Sessions:IndexTableName"] = UniqueTableName("SessionIndex"),
            ["Login:AttemptsTableName"] = UniqueTableName("Attempts"),
            ["Audit:TableName"] = UniqueTableName("Audit"),
            ["Groups:TableName"] = UniqueTableName("Groups"),
            ["Login:PasskeysTableName"] = UniqueTableName("Passkeys"),
            ["Login:PendingStepsTableName"] = UniqueTableName("Pending"),
            ["Login:ChallengesTableName"] = UniqueTableName("Challenges"),
            // The product's default is Required. The v2 tests sign in with a password alone and are about other
            // things; the v3 sign-in tests set the policy they are about themselves.
            ["Login:SecondFactor"] = "Optional",
            // Outside Development the app refuses to start without it (it must never live in the storage account).
            ["Login:SecretsKey"] = TestSecretsKey,
            // The hosts run as Production, where start-up insists on a relying party id; the tests' origin is localhost.
            ["Web:PasskeyRpId"] = "localhost",
            // Every test comes from 127.0.0.1 and many sign in at once: the limits are the throttling
            // tests' own subject and stay out of everyone else's way.
            ["Throttle:LoginPerClientPerMinute"] = "100000",
            ["Throttle:RequestsPerSecond"] = "100000",
            ["Throttle:Burst"] = "100000",
            ["Throttle:PasswordCheckQueue"] = "1000",
        };
        foreach (var name in new[] { "Aws:ServiceUrl", "Aws:Region", "Aws:AccessKeyId", "Aws:SecretAccessKey", "Aws:RoleArn", "Files:Bucket" })
        {
            settings[name] = Environment.GetEnvironmentVariable(name.Replace(":", "__", StringComparison.Ordinal));
        }

        return settings;
    }

    /// <summary>
    /// <see cref="BaseSettings"/> with three locations: <c>demo</c> (the first bucket, the first role), <c>logs</c>
    /// (the second bucket through its own role) and <c>alpha</c> (only <c>projects/alpha/</c> of the first bucket).
    /// </summary>
    public static Dictionary<string, string?> LocationSettings()
    {
        var settings = BaseSettings();
        settings["Files:Bucket"] = null;
        settings["Files:Locations:0:Name"] = "demo";
        settings["Files:Locations:0:Bucket"] = Bucket;
        settings["Files:Locations:1:Name"] = "logs";
        settings["Files:Locations:1:Bucket"] = LogsBucket;
        settings["Files:Locations:1:RoleArn"] = LogsRoleArn;
        settings["Files:Locations:2:Name"] = "alpha";
        settings["Files:Locations:2:Bucket"] = Bucket;
        settings["Files:Locations:2:Prefix"] = "projects/alpha/";
        return settings;
    }

    /// <summary>
    /// <see cref="BaseSettings"/> in keyless mode: no AWS key at all, the token read from <paramref name="tokenFile"/>
    /// (default: the issuer's own, always fresh).
    /// </summary>
    public static Dictionary<string, string?> WebIdentitySettings(string? tokenFile = null)
    {
        var settings = BaseSettings();
        settings["Aws:AccessKeyId"] = null;
        settings["Aws:SecretAccessKey"] = null;
        settings["Aws:CredentialSource"] = "WebIdentity";
        settings["Aws:WebIdentityTokenFile"] = tokenFile ?? OidcTokenFile;
        return settings;
    }

    private static string Required(string name, string startedBy) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests with scripts/test.sh, or run `{startedBy}` and source the env file it writes under .local/.");

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FileBridge.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find FileBridge.sln above " + AppContext.BaseDirectory);
    }
}
