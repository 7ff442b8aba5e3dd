using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// The main README's deploy path and infra-bicep/README.md tell one story a newcomer can type as written: the smoke
/// account after the first <c>azd up</c>, a second bucket its role can read, access-key mode in the same order, the
/// vault every deployment has, and the smoke test's output as scripts/smoke.sh prints it.
/// </summary>
public sealed partial class DeployDocsTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepositoryPaths.InfraBicep, "README.md"));

    private static string Section(string heading)
    {
        var start = Readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no {heading}");
        var level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var end = Readme.IndexOf("\n" + level, start + heading.Length, StringComparison.Ordinal);
        return Readme[start..(end < 0 ? Readme.Length : end)];
    }

    [Fact]
    public void DeployBlock_SetsSmokeUserOnlyAfterTheFirstAzdUp_AndAfterMakingThatAccount()
    {
        var deploy = Section("### Deploy");

        var firstUp = deploy.IndexOf("\nazd up", StringComparison.Ordinal);
        var account = deploy.IndexOf("filebridge-admin users add smoker", StringComparison.Ordinal);
        var smokeUser = deploy.IndexOf("azd env set SMOKE_USER smoker", StringComparison.Ordinal);
        var rerun = deploy.IndexOf("azd hooks run postdeploy", StringComparison.Ordinal);

        Assert.True(firstUp >= 0 && firstUp < account && account < smokeUser && smokeUser < rerun, deploy);
        Assert.Equal(smokeUser + "azd env set ".Length, deploy.IndexOf("SMOKE_USER", StringComparison.Ordinal));
        // A script can finish only the second-factor step: the smoke account is a service account with a password of its own.
        var line = deploy[account..deploy.IndexOf('\n', account)];
        Assert.Contains("--permanent", line, StringComparison.Ordinal);
        Assert.Contains("--no-second-factor", line, StringComparison.Ordinal);
        Assert.Contains("--prefixes", line, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesLocationsExamples_AreLocationsTheDeploymentCanRead()
    {
        var examples = FilesLocationsExample().Matches(Readme).Select(m => m.Groups["json"].Value).ToList();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            // A role ARN spliced in by the shell ('"$ROLE"') stands for the other account's stack's RoleArn output.
            var locations = JsonNode.Parse(example.Replace("'\"$ROLE\"'", "arn:aws:iam::222222222222:role/filebridge-reader-dev-builds", StringComparison.Ordinal))!.AsArray();
            Assert.All(locations, l => Assert.False(string.IsNullOrEmpty(l!["name"].Text()) || string.IsNullOrEmpty(l["bucket"].Text()), example));
            Assert.Equal(locations.Count, locations.Select(l => l!["name"].Text()).Distinct().Count());
            // The first bucket stays a location: setting locations replaces the one bucket's namespace.
            Assert.Contains(locations, l => l!["bucket"].Text() == "my-bucket");
            // Another region means another account's bucket here: it names that account's role.
            Assert.All(locations.Where(l => l!["region"] is not null), l => Assert.StartsWith("arn:aws:iam::", l!["roleArn"].Text(), StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ExtraBucketNames")]
    [InlineData("ExistingOidcProviderArn")]
    public void SecondBucketPath_NamesParametersTheAwsTemplateHas_InBothReadmes(string parameter)
    {
        var locations = Section("## Locations");

        Assert.Contains(parameter, locations, StringComparison.Ordinal);
        Assert.True(CloudFormationTemplate.Load(RepositoryPaths.AwsTemplate).Parameters.ContainsKey(parameter));
        Assert.Contains($"{parameter}=", Guide, StringComparison.Ordinal);
    }

    [Fact]
    public void Teardown_SaysEveryDeploymentHasAVault()
    {
        var teardown = Section("### Teardown");

        Assert.DoesNotContain("no Key Vault", Readme, StringComparison.Ordinal);
        Assert.Contains("Every deployment has a Key Vault", teardown, StringComparison.Ordinal);
        Assert.Contains("KEY_VAULT_RECOVER", teardown, StringComparison.Ordinal);
        Assert.Contains("Key Vault (both modes)", Guide, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_AvailabilityTestAndAlerts_AreTheTemplatesAndTheMainReadmes()
    {
        Assert.Contains("availability test on `APP_URL/api/health/ready`", Guide, StringComparison.Ordinal);
        Assert.DoesNotContain("static web app's `/api/health/ready`", Guide, StringComparison.Ordinal);
        var alerts = Section("### Alerts");
        var names = AlertRow().Matches(alerts).Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(5, names.Count);
        Assert.Contains("five alerts", Guide, StringComparison.Ordinal);
        Assert.Contains("filebridge.lockouts", Guide, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyMode_BothReadmes_StackThenAzureThenTheKey()
    {
        var steps = new[] { "### 1. AWS: the broker user and the reader role", "### 2. Azure: the resources", "### 3. AWS and Azure: the broker's access key" }
            .Select(h => Guide.IndexOf(h, StringComparison.Ordinal)).ToList();
        var createKey = Guide.IndexOf("aws iam create-access-key", StringComparison.Ordinal);

        Assert.True(steps[0] >= 0 && steps[0] < steps[1] && steps[1] < steps[2] && steps[2] < createKey, string.Join(',', steps));
        Assert.DoesNotContain("then Azure, then the key", Guide[..steps[0]], StringComparison.Ordinal);
        Assert.Contains("the stack, then Azure, then the broker's key", Guide, StringComparison.Ordinal);
        Assert.Contains("`postprovision` makes its first access key", Section("### Deploy"), StringComparison.Ordinal);
        Assert.Contains("→ the\ntrust update (access-key mode: the broker's key) → publish", Readme, StringComparison.Ordinal);
    }

    /// <summary>The Verify example is what scripts/smoke.sh prints against scripts/run-local.sh, second factor included.</summary>
    [Fact]
    public void VerifyExample_IsSmokeShsOutputAgainstTheLocalRun()
    {
        var verify = Section("### Verify");
        var smoke = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "smoke.sh"));
        var runLocal = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "run-local.sh"));

        var example = verify[verify.IndexOf("```text", StringComparison.Ordinal)..];
        example = example[..example.IndexOf("```\n", 8, StringComparison.Ordinal)];
        var checks = Regex.Matches(example, @"^PASS (?<name>[a-z-]+): ", RegexOptions.Multiline).Select(m => m.Groups["name"].Value).ToList();
        var printed = Regex.Matches(smoke, @"^\s*pass (?<name>[a-z-]+) ", RegexOptions.Multiline).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(["health", "ready", "password", "sign-in", "list", "download", "sign-out"], checks);
        Assert.Equal(printed.Order(StringComparer.Ordinal), checks.Order(StringComparer.Ordinal));
        Assert.Contains("URL=\"${FILEBRIDGE_URL:-http://localhost:7071}\"", runLocal, StringComparison.Ordinal);
        Assert.Contains("scripts/smoke.sh http://localhost:7071 demo", example, StringComparison.Ordinal);
        Assert.Contains("DEMO_PASSWORD=\"${FILEBRIDGE_DEMO_PASSWORD:-harbor-lantern-2026}\"", runLocal, StringComparison.Ordinal);
        Assert.Contains("PASS password: accepted (202, next: second-factor)", example, StringComparison.Ordinal);
        Assert.Contains("PASS sign-in: signed in as demo with a second factor (totp)", example, StringComparison.Ordinal);
        // run-local.sh's two locations: the root lists them as folders, and readiness checks each.
        Assert.Contains("Files__Locations__0__Name=demo", runLocal, StringComparison.Ordinal);
        Assert.Contains("Files__Locations__1__Name=logs", runLocal, StringComparison.Ordinal);
        Assert.Contains("\"s3:demo\": \"ok\", \"s3:logs\": \"ok\"", example, StringComparison.Ordinal);
        Assert.Contains("(2 folders, 0 files at the root)", example, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"azd env set FILES_LOCATIONS '(?<json>\[.*?\])'(?:$|\s|`)", RegexOptions.Multiline)]
    private static partial Regex FilesLocationsExample();

    [GeneratedRegex(@"^\| `(?<name>[a-z-]+)` \(", RegexOptions.Multiline)]
    private static partial Regex AlertRow();
}
