using System.Globalization;
using BenchmarkDotNet.Running;
using FileBridge.Benchmarks;

// dotnet run -c Release --project tests/FileBridge.Benchmarks -- hashing   password check cost per iteration count
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- listing   STS calls and /api/files next to ListObjectsV2
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- keyless   AccessKey vs WebIdentity; one hop vs two hops
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- flood     a listing alone and during a sign-in flood
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- audit     a listing with audit + telemetry off and on
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- cost      a warm request's cost beyond S3: ratios, Table transactions, throughput, audit partitions
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- cost-profile [seconds]   warm listings in a loop, to record with dotnet-trace
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- search    search keys/s next to a bare ListObjectsV2 walk; time to first results
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- groups    10,000 users, 1,000 groups: sign-in, listing, access explain for 50 groups vs one grant
switch (args.FirstOrDefault())
{
    case "hashing":
        BenchmarkRunner.Run<PasswordHashingBenchmarks>(args: args[1..]);
        break;
    case "listing":
        await ListingComparison.RunAsync();
        break;
    case "search":
        await SearchComparison.RunAsync();
        break;
    case "keyless":
        await KeylessComparison.RunAsync();
        break;
    case "flood":
        await FloodComparison.RunAsync();
        break;
    case "cost":
        await CostComparison.RunAsync();
        break;
    case "cost-profile":
        await CostComparison.ProfileAsync(TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20));
        break;
    case "groups":
        await GroupsComparison.RunAsync();
        break;
    case "audit":
        await AuditComparison.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: FileBridge.Benchmarks hashing|listing|search|keyless|flood|audit|cost|cost-profile|groups");
        return 2;
}

return 0;
