namespace FileBridge.Infrastructure.Tests;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string InfraBicep => Path.Combine(Root, "infra-bicep");

    public static string MainBicep => Path.Combine(InfraBicep, "main.bicep");

    public static string MainParameters => Path.Combine(InfraBicep, "main.parameters.json");

    public static string ProductionParameters => Path.Combine(InfraBicep, "main.parameters.prod.json");

    public static string CompiledMainTemplate => Path.Combine(Root, "artifacts", "infra", "main.json");

    public static string CompiledAzdTemplate => Path.Combine(Root, "artifacts", "infra", "azd-main.json");

    public static string BicepScript => Path.Combine(Root, "scripts", "bicep.sh");

    public static string AwsTemplate => Path.Combine(InfraBicep, "aws", "filebridge-aws.yaml");

    public static string TrustPolicy => Path.Combine(InfraBicep, "aws", "policies", "role-trust-policy.json");

    public static string WebIdentityTrustPolicy => Path.Combine(InfraBicep, "aws", "policies", "role-trust-policy-web-identity.json");

    public static string PermissionsPolicy => Path.Combine(InfraBicep, "aws", "policies", "role-permissions-policy.json");

    /// <summary>This project's folder in the repository: its stand-in scripts run from there, executable bits intact.</summary>
    public static string InfrastructureTests => Path.Combine(Root, "tests", "FileBridge.Infrastructure.Tests");

    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))
                && Directory.Exists(Path.Combine(dir.FullName, "infra-bicep")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }
}
