using System.Text.Json.Nodes;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// The whole day-one chain, `azd up` from an empty subscription, as far as it can run without Azure and AWS:
/// DryRun/azd-up.sh runs the azure.yaml hooks in azd's order, with azd's provision step deploying the compiled
/// infra-bicep/azd template, against stand-ins for az, aws and azd (DryRun/standin.py) that record every call and
/// answer in the tools' documented shapes; the smoke test runs against a FileBridge stand-in that asks for a second
/// factor. Asserts the order (AWS stack, the Azure side with its resource group and operator role, the trust update,
/// the operator check, the smoke test) and that a second run changes nothing it should not; then the README's next
/// steps (the smoke account, <c>azd hooks run postdeploy</c>), AccessKey mode, the edge, and a vault left soft-deleted.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class DayOneDryRunTests : IDisposable
{
    private const string Subscription = "3f2a9c41-7d6e-4b1a-9c0d-5e8f7a6b4c3d";
    private const string Tenant = "8d7c6b5a-4f3e-4d2c-9b1a-0e9f8d7c6b5a";
    private const string SignedInUser = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private const string ManagedIdentity = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private const string Audience = "4c3b2a1f-0e9d-4c8b-a7f6-e5d4c3b2a1f0";
    private const string Placeholder = "00000000-0000-0000-0000-000000000000";
    private const string Password = "a passphrase for the smoke test";
    private const string Code = "731904";
    private const string OtherAccountsRole = "arn:aws:iam::222222222222:role/filebridge-reader-dry";
    // A second bucket of the same account (read through the stack's role, which the hook widens) and one of another
    // account with its own role (README, Locations: a second bucket).
    private const string Locations = $$"""[{"name":"demo","bucket":"dry-bucket"},{"name":"logs","bucket":"dry-logs","prefix":"app/"},{"name":"builds","bucket":"acme-ci","roleArn":"{{OtherAccountsRole}}"}]""";

    private readonly string _state = Directory.CreateTempSubdirectory("filebridge-dryrun-").FullName;
    private readonly string _accounts;
    private readonly FileBridgeStandIn _app;
    private readonly Dictionary<string, string> _environment;

    public DayOneDryRunTests(CompiledTemplateFixture fixture)
    {
        _ = fixture; // builds artifacts/infra/azd-main.json when it is missing or stale
        // The deployed app's accounts: none until the newcomer makes one with filebridge-admin (tested on Azurite elsewhere).
        _accounts = Path.Combine(_state, "accounts");
        _app = new(Password, Code, "second-factor", _accounts);
        _environment = new()
        {
            ["DRYRUN_STATE"] = _state,
            ["DRYRUN_APP_URL"] = _app.BaseUrl,
            // Owner of the resource group only, not of the subscription: enough for the role assignments.
            ["DRYRUN_ROLE_SCOPES"] = $$"""[{"role":"Owner","scope":"/subscriptions/{{Subscription}}/resourceGroups/rg-dry"},{"role":"Contributor","scope":"/subscriptions/{{Subscription}}"}]""",
        };
        // What a newcomer sets before the first azd up (README, Deploy); azd itself sets the first four. No SMOKE_USER:
        // no account exists before the first provision has made the tables.
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["AZURE_ENV_NAME"] = "dry",
            ["AZURE_LOCATION"] = "westeurope",
            ["AZURE_SUBSCRIPTION_ID"] = Subscription,
            ["AZURE_PRINCIPAL_ID"] = SignedInUser,
            ["FILES_BUCKET"] = "dry-bucket",
            ["AWS_REGION"] = "eu-west-1",
            ["ALERT_EMAIL_ADDRESS"] = "ops@example.com",
            ["FILES_LOCATIONS"] = Locations,
        })
        {
            SetEnv(name, value);
        }
    }

    [Fact]
    public void FirstAzdUp_RunsStackAzureSideTrustOperatorAndSmokeTest_InThatOrder()
    {
        var (exitCode, output, error) = AzdUp();

        Assert.True(exitCode == 0, output + error);
        var calls = Calls();
        var stack = calls.FindIndex(c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal));
        var azure = calls.FindIndex(c => c.StartsWith("az deployment sub create", StringComparison.Ordinal));
        var trust = calls.FindIndex(c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal) && c.Contains($"ManagedIdentityPrincipalId={ManagedIdentity}", StringComparison.Ordinal));
        var operatorCheck = calls.FindIndex(c => c.StartsWith("az role assignment list", StringComparison.Ordinal) && c.Contains("--scope", StringComparison.Ordinal));
        Assert.True(stack >= 0 && stack < azure && azure < trust && trust < operatorCheck, string.Join('\n', calls));
        // The first stack trusts nobody: the identity does not exist until the Azure side is deployed.
        Assert.Contains($"ManagedIdentityPrincipalId={Placeholder}", calls[stack], StringComparison.Ordinal);
        AssertInOrder(output, "preprovision: AWS: deploying stack filebridge-dry", "== provision", $"trusts managed identity {ManagedIdentity}", "postprovision: operator:", "== deploy", "PASS health", "PASS ready", "postdeploy: health and readiness only (SMOKE_USER is not set)", "filebridge-admin users add smoker", "azd env set SMOKE_USER smoker && azd hooks run postdeploy");
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Requests, r => r.StartsWith("POST /api/auth/login", StringComparison.Ordinal));

        // The stack's role reads the locations without a role of their own, and only those.
        Assert.Contains("ExtraBucketNames=dry-logs", calls[stack], StringComparison.Ordinal);
        Assert.Equal("dry-logs", Stack()["parameters"]!["ExtraBucketNames"].Text());
        Assert.Contains("reads dry-bucket and dry-logs", output, StringComparison.Ordinal);

        // The resource group comes from the template, and the person running azd got the operator's table role.
        var deployment = Deployments().Single();
        Assert.Equal(SignedInUser, deployment["principalId"].Text());
        Assert.Equal("rg-dry", Env("AZURE_RESOURCE_GROUP"));
        Assert.Equal(SignedInUser, Env("OPERATOR_IDS"));
        var template = AzdTemplate();
        var group = template["resources"]!.AsArray().Single(r => r!["type"].Text() == "Microsoft.Resources/resourceGroups")!;
        Assert.Equal("subscriptionDeploymentTemplate.json#", template["$schema"].Text().Split('/')[^1]);
        Assert.Equal("[variables('groupName')]", group["name"].Text());
        Assert.Equal("[if(not(empty(parameters('resourceGroupName'))), parameters('resourceGroupName'), format('rg-{0}', parameters('environmentName')))]", template["variables"]!["groupName"].Text());
        Assert.Equal(Audience, Env("AWS_WEB_IDENTITY_AUDIENCE"));
        Assert.Equal("arn:aws:iam::123456789012:role/filebridge-reader-dry", Env("AWS_ROLE_ARN"));
        Assert.DoesNotContain(Password, output + error + string.Join('\n', calls), StringComparison.Ordinal);

        // The sign-in keys: made in the vault after the Azure side exists and before the app is first published,
        // each 32 random bytes, never on a command line or in the output; the person running azd may write them.
        var keys = Secrets();
        Assert.Equal(["login-device-key", "login-secrets-key"], keys.Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.Equal(32, Convert.FromBase64String(k.Value).Length));
        Assert.NotEqual(keys["login-secrets-key"], keys["login-device-key"]);
        Assert.All(keys, k => Assert.DoesNotContain(k.Value, output + error + string.Join('\n', calls), StringComparison.Ordinal));
        var firstKey = calls.FindIndex(c => c.StartsWith("az keyvault secret set", StringComparison.Ordinal));
        Assert.True(azure < firstKey && firstKey < operatorCheck, string.Join('\n', calls));
        AssertInOrder(output, "== provision", "login-keys: login-secrets-key made in kv-dryrun01", "login-keys: login-device-key made in kv-dryrun01", "== deploy");
        var filebridge = template["resources"]!.AsArray().Single(r => r!["type"].Text() == "Microsoft.Resources/deployments")!;
        Assert.Equal("[parameters('principalId')]", filebridge["properties"]!["parameters"]!["keyWriterPrincipalId"]!["value"].Text());
    }

    [Fact]
    public void SecondAzdUp_ChangesNothingItShouldNot()
    {
        var first = AzdUp();
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var stackAfterFirst = Stack();
        // An operator's own account with an authenticator, as the smoke account this time: the code is asked for.
        MakeAccount("smoker", "second-factor");
        SetEnv("SMOKE_USER", "smoker");
        var callsAfterFirst = Calls().Count;

        var second = AzdUp();

        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        var secondCalls = Calls().Skip(callsAfterFirst).ToList();
        var deployments = Deployments();
        Assert.Equal(2, deployments.Count);
        // The same parameters: locations, audience, operators and everything else survive (no lost setting). The
        // group is named by the first run's output the second time (azd keeps outputs): the same rg-dry.
        Assert.Equal(["", "rg-dry"], deployments.Select(d => d["resourceGroupName"].Text()));
        deployments.ForEach(d => d.Remove("resourceGroupName"));
        Assert.True(JsonNode.DeepEquals(deployments[0], deployments[1]), $"{deployments[0]}\n{deployments[1]}");
        Assert.Equal(Locations, deployments[1]["filesLocations"]!.ToJsonString());
        // No secret is ever passed through azd, so none can be written blank.
        Assert.All(deployments, d => Assert.False(d.ContainsKey("awsSecretAccessKey")));
        // The trust keeps naming the identity throughout: never reset to the placeholder, and the stack is unchanged.
        Assert.DoesNotContain(secondCalls, c => c.Contains(Placeholder, StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(stackAfterFirst, Stack()));
        Assert.Equal(2, second.Output.Split("No changes to deploy. Stack filebridge-dry is up to date").Length - 1);
        // The audience is made once.
        Assert.Single(Calls(), c => c.StartsWith("az ad app create", StringComparison.Ordinal));
        // The sign-in keys are made once and never replaced: every authenticator and known browser keeps working.
        Assert.DoesNotContain(secondCalls, c => c.StartsWith("az keyvault secret set", StringComparison.Ordinal));
        Assert.Contains("login-keys: login-secrets-key exists in kv-dryrun01: kept", second.Output, StringComparison.Ordinal);
        Assert.Equal(2, Secrets().Count);
        AssertInOrder(second.Output, "PASS password: accepted (202, next: second-factor)", "PASS sign-in: signed in as smoker with a second factor (totp)", "PASS sign-out");
        Assert.DoesNotContain("FAIL", second.Output, StringComparison.Ordinal);
        Assert.Contains(_app.Requests, r => r.StartsWith("POST /api/auth/second-factor", StringComparison.Ordinal));
    }

    [Fact]
    public void AfterTheFirstAzdUp_TheReadmesNextSteps_MakeTheSmokeTestSignIn()
    {
        var first = AzdUp();
        Assert.True(first.ExitCode == 0, first.Output + first.Error);

        // README, Verify: filebridge-admin users add smoker ... --permanent --no-second-factor; then:
        MakeAccount("smoker", "none");
        SetEnv("SMOKE_USER", "smoker");
        var (exitCode, output, error) = Azd(["hooks", "run", "postdeploy"], $"{Password}\n\n");

        Assert.True(exitCode == 0, output + error);
        AssertInOrder(output, "PASS health", "PASS ready", "PASS sign-in: signed in as smoker", "PASS list", "PASS download", "PASS sign-out");
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void SmokeUserSetBeforeTheAccountExists_EndsRed_SayingWhatTheSmokeUserMustBe()
    {
        SetEnv("SMOKE_USER", "smoker");

        var (exitCode, output, error) = AzdUp();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL sign-in: POST /api/auth/login answered 401 invalid_credentials", output, StringComparison.Ordinal);
        Assert.Contains("SMOKE_USER=smoker, which must be an existing account", error, StringComparison.Ordinal);
        Assert.Contains("azd env set SMOKE_USER \"\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeOn_TheSmokeTestAsksAppUrl_NeverTheStaticWebAppsLockedHost()
    {
        using var locked = new FileBridgeStandIn(Password, Code, "lockdown");
        _environment["DRYRUN_LOCKED_URL"] = locked.BaseUrl;
        SetEnv("FILEBRIDGE_EDGE", "true");
        MakeAccount("smoker", "none");
        SetEnv("SMOKE_USER", "smoker");

        var (exitCode, output, error) = AzdUp();

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("true", Deployments().Single()["edgeEnabled"].Text());
        Assert.Equal(locked.BaseUrl, Env("STATIC_WEB_APP_URL"));
        Assert.NotEqual(Env("STATIC_WEB_APP_URL"), Env("APP_URL"));
        AssertInOrder(output, "PASS health", "PASS ready", "PASS sign-in: signed in as smoker", "PASS sign-out");
        Assert.Empty(locked.Requests);
        Assert.Contains(_app.Requests, r => r.StartsWith("GET /api/health/ready", StringComparison.Ordinal));
    }

    [Fact]
    public void AfterAzdDownPurge_TheNextAzdUpRecoversTheSoftDeletedVault_AndKeepsItsSignInKeys()
    {
        var kept = new Dictionary<string, string> { ["login-secrets-key"] = "c2VjcmV0cyBrZXkga2VwdCBmcm9tIGJlZm9yZSAhIQ==", ["login-device-key"] = "ZGV2aWNlIGtleSBrZXB0IGZyb20gYmVmb3JlICEhIQ==" };
        _environment["DRYRUN_DELETED_VAULTS"] = new JsonArray(new JsonObject
        {
            ["name"] = "kv-dryrun01",
            ["tags"] = new JsonObject { ["azd-env-name"] = "dry" },
            ["secrets"] = new JsonObject(kept.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))),
        }).ToJsonString();

        var (exitCode, output, error) = AzdUp();

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("preprovision: Azure: recovering this environment's soft-deleted Key Vault kv-dryrun01", output, StringComparison.Ordinal);
        Assert.Equal("true", Deployments().Single()["keyVaultRecover"].Text());
        Assert.Equal(kept.OrderBy(k => k.Key), Secrets().OrderBy(k => k.Key));
        Assert.Contains("login-keys: login-secrets-key exists in kv-dryrun01: kept", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls(), c => c.StartsWith("az keyvault secret set", StringComparison.Ordinal));

        // Recovered once: the next run deploys the vault as it is.
        var again = AzdUp();
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal("false", Deployments()[^1]["keyVaultRecover"].Text());
    }

    [Fact]
    public void AccessKeyMode_FirstAzdUpMakesTheBrokersKeyIntoTheVault_AndTheSecondKeepsIt()
    {
        SetEnv("AWS_CREDENTIAL_SOURCE", "AccessKey");

        var (exitCode, output, error) = AzdUp();

        Assert.True(exitCode == 0, output + error);
        var calls = Calls();
        var azure = calls.FindIndex(c => c.StartsWith("az deployment sub create", StringComparison.Ordinal));
        var key = calls.FindIndex(c => c.StartsWith("aws iam create-access-key --user-name filebridge-broker-dry", StringComparison.Ordinal));
        var secret = calls.FindIndex(c => c.StartsWith("az keyvault secret set --vault-name kv-dryrun01 --name aws-secret-access-key", StringComparison.Ordinal));
        var setting = calls.FindIndex(c => c.StartsWith("az functionapp config appsettings set", StringComparison.Ordinal));
        Assert.True(azure >= 0 && azure < key && key < secret && secret < setting, string.Join('\n', calls));
        var made = Assert.Single(State()["access_keys"]!["filebridge-broker-dry"]!.AsArray())!;
        var keyId = made["AccessKeyId"].Text();
        Assert.Equal(made["SecretAccessKey"].Text(), Secrets()["aws-secret-access-key"]);
        Assert.DoesNotContain(made["SecretAccessKey"].Text(), output + error + string.Join('\n', calls), StringComparison.Ordinal);
        Assert.Equal(keyId, Env("AWS_BROKER_ACCESS_KEY_ID"));
        Assert.Equal(keyId, State()["app_settings"]!["func-dryrun01"]!["Aws__AccessKeyId"].Text());
        AssertInOrder(output, $"postprovision: AccessKey mode: made the broker user filebridge-broker-dry's access key {keyId}; its secret is only in Key Vault kv-dryrun01", "== deploy", "PASS ready");
        Assert.DoesNotContain(calls, c => c.Contains("ManagedIdentityPrincipalId", StringComparison.Ordinal));

        var callsAfterFirst = calls.Count;
        var second = AzdUp();

        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        var secondCalls = Calls().Skip(callsAfterFirst).ToList();
        Assert.DoesNotContain(secondCalls, c => c.StartsWith("aws iam create-access-key", StringComparison.Ordinal) || c.StartsWith("az keyvault secret set", StringComparison.Ordinal));
        Assert.Equal(keyId, Deployments()[^1]["awsAccessKeyId"].Text());
        Assert.Contains($"AccessKey mode: the broker's key {keyId}, its secret in Key Vault kv-dryrun01: kept", second.Output, StringComparison.Ordinal);
        Assert.Equal(made["SecretAccessKey"].Text(), Secrets()["aws-secret-access-key"]);
    }

    [Fact]
    public void SecondKeylessStackInTheAccount_ReusesTheTenantsIdentityProvider()
    {
        var provider = $"arn:aws:iam::123456789012:oidc-provider/sts.windows.net/{Tenant}/";
        _environment["DRYRUN_EXISTING_PROVIDERS"] = $$"""{"{{provider}}": ["another-environments-audience"]}""";

        var (exitCode, output, error) = AzdUp();

        Assert.True(exitCode == 0, output + error);
        var calls = Calls();
        var addClient = calls.FindIndex(c => c == $"aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn {provider} --client-id {Audience}");
        var stack = calls.FindIndex(c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal));
        Assert.True(addClient >= 0 && addClient < stack, string.Join('\n', calls));
        Assert.Contains($"ExistingOidcProviderArn={provider}", calls[stack], StringComparison.Ordinal);
        Assert.Equal(provider, Stack()["outputs"]!["IdentityProviderArn"].Text());
    }

    [Fact]
    public void ReadmesSecondBucketExample_LetsTheStacksRoleReadIt()
    {
        // README, Locations: a second bucket in the same AWS account, as typed there.
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        const string Command = "azd env set FILES_LOCATIONS '";
        var start = readme.IndexOf(Command, readme.IndexOf("**A second bucket, step by step.**", StringComparison.Ordinal), StringComparison.Ordinal) + Command.Length;
        var example = readme[start..readme.IndexOf("'\n", start, StringComparison.Ordinal)];
        SetEnv("FILES_BUCKET", "my-bucket");
        SetEnv("FILES_LOCATIONS", example);

        var (exitCode, output, error) = AzdUp();

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("my-logs", Stack()["parameters"]!["ExtraBucketNames"].Text());
        Assert.Equal(example, Deployments().Single()["filesLocations"]!.ToJsonString());
        Assert.Contains("preprovision: AWS: role arn:aws:iam::123456789012:role/filebridge-reader-dry (reads my-bucket and my-logs)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesLocationsThatAreNotJson_StopBeforeAnythingIsCreated()
    {
        SetEnv("FILES_LOCATIONS", "logs=my-logs");

        var (exitCode, _, error) = AzdUp();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FILES_LOCATIONS must be a JSON array", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls(), c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal) || c.StartsWith("az deployment", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ALERT_EMAIL_ADDRESS", "azd env set ALERT_EMAIL_ADDRESS")]
    [InlineData("FILES_BUCKET", "azd env set FILES_BUCKET")]
    public void MissingInput_StopsBeforeAnythingIsCreated(string name, string advice)
    {
        SetEnv(name, string.Empty);

        var (exitCode, _, error) = AzdUp();

        Assert.NotEqual(0, exitCode);
        Assert.Contains(advice, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls(), c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal) || c.StartsWith("az deployment", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTheRightToAssignRoles_StopsBeforeAnythingIsCreated()
    {
        _environment["DRYRUN_ROLE_SCOPES"] = $$"""[{"role":"Contributor","scope":"/subscriptions/{{Subscription}}"},{"role":"Owner","scope":"/subscriptions/{{Subscription}}/resourceGroups/someone-elses"}]""";

        var (exitCode, _, error) = AzdUp();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("needs Owner, User Access Administrator or Role Based Access Control Administrator", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls(), c => c.StartsWith("aws cloudformation deploy", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    /// <summary>An account in the deployed app, as <c>filebridge-admin users add</c> makes it; next: its step after the password.</summary>
    private void MakeAccount(string name, string next) => File.AppendAllText(_accounts, $"{name} {next}\n");

    /// <summary>The azd stand-in run from the repository's root, as a newcomer types it.</summary>
    private (int ExitCode, string Output, string Error) Azd(string[] arguments, string input) =>
        ScriptProcess.Run(Path.Combine(RepositoryPaths.InfrastructureTests, "DryRun", "stand-ins", "azd"), arguments, input,
            new Dictionary<string, string>(_environment) { ["PATH"] = $"{Path.Combine(RepositoryPaths.InfrastructureTests, "DryRun", "stand-ins")}:{Environment.GetEnvironmentVariable("PATH")}" },
            TimeSpan.FromMinutes(3));

    private (int ExitCode, string Output, string Error) AzdUp() =>
        ScriptProcess.Run("bash", [Path.Combine(RepositoryPaths.InfrastructureTests, "DryRun", "azd-up.sh"), RepositoryPaths.Root],
            $"{Password}\n{Code}\n", _environment, TimeSpan.FromMinutes(3));

    private void SetEnv(string name, string value)
    {
        var (exitCode, output, error) = ScriptProcess.Run(Path.Combine(RepositoryPaths.InfrastructureTests, "DryRun", "stand-ins", "azd"), ["env", "set", name, value], environment: _environment);
        Assert.True(exitCode == 0, output + error);
    }

    private JsonObject State() => JsonNode.Parse(File.ReadAllText(Path.Combine(_state, "state.json")))!.AsObject();

    private string Env(string name) => State()["env"]![name].Text();

    /// <summary>The secrets the stand-in vault holds, by name.</summary>
    private Dictionary<string, string> Secrets() =>
        State()["secrets"]?["kv-dryrun01"]?.AsObject().ToDictionary(p => p.Key, p => p.Value.Text()) ?? [];

    private JsonNode Stack() => State()["stacks"]!["filebridge-dry"]!.DeepClone();

    private List<JsonObject> Deployments() => State()["deployments"]?.AsArray().Select(d => d!.AsObject()).ToList() ?? [];

    /// <summary>Every recorded call as "tool arg arg ...", oldest first.</summary>
    private List<string> Calls() =>
        File.ReadAllLines(Path.Combine(_state, "calls.jsonl"))
            .Select(l => JsonNode.Parse(l)!)
            .Select(c => string.Join(' ', new[] { c["tool"].Text() }.Concat(c["args"]!.AsArray().Select(a => a.Text()))))
            .ToList();

    private static JsonNode AzdTemplate() => JsonNode.Parse(File.ReadAllText(RepositoryPaths.CompiledAzdTemplate))!;

    private static void AssertInOrder(string output, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var next = output.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{part}' not found after position {at}:\n{output}");
            at = next + part.Length;
        }
    }
}
