using BenchmarkDotNet.Running;
using FileBridge.Benchmarks;

// dotnet run -c Release --project tests/FileBridge.Benchmarks -- hashing   password check cost per iteration count
// dotnet run -c Release --project tests/FileBridge.Benchmarks -- listing   STS calls and /api/files next to ListObjectsV2
switch (args.FirstOrDefault())
{
    case "hashing":
        BenchmarkRunner.Run<PasswordHashingBenchmarks>(args: args[1..]);
        break;
    case "listing":
        await ListingComparison.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: FileBridge.Benchmarks hashing|listing");
        return 2;
}

return 0;
