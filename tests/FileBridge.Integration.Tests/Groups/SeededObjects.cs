using Amazon.S3;
using Amazon.S3.Model;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Groups;

/// <summary>Objects a test writes into the first bucket with the endpoint's admin keys, and removes again.</summary>
public sealed class SeededObjects : IAsyncDisposable
{
    private readonly AmazonS3Client _admin = LocalS3Admin.CreateClient();

    private readonly List<string> _keys = [];

    public async Task PutAsync(IEnumerable<string> keys, string body)
    {
        var all = keys.ToList();
        lock (_keys)
        {
            _keys.AddRange(all);
        }

        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, ct) =>
            await _admin.PutObjectAsync(new PutObjectRequest { BucketName = TestEnvironment.Bucket, Key = key, ContentBody = body }, ct));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _keys.Chunk(500))
        {
            await _admin.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = TestEnvironment.Bucket,
                Objects = batch.Select(k => new KeyVersion { Key = k }).ToList(),
            });
        }

        _admin.Dispose();
    }
}
