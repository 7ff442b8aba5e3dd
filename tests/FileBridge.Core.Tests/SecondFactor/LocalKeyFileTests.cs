using FileBridge.Core.Storage;

namespace FileBridge.Core.Tests.SecondFactor;

public sealed class LocalKeyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fb-keys").FullName;

    [Fact]
    public void ReadOrCreate_SecondStart_ReadsTheSameKey()
    {
        var path = Path.Combine(_folder, ".local", "test.key");

        var first = LocalKeyFile.ReadOrCreate(path, 32);
        var second = LocalKeyFile.ReadOrCreate(path, 32);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ReadOrCreate_ManyStartsAtOnce_AgreeOnOneKey()
    {
        var path = Path.Combine(_folder, "race.key");

        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => Convert.ToBase64String(LocalKeyFile.ReadOrCreate(path, 32))).ToList();

        Assert.Single(keys.Distinct());
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ReadOrCreate_OnlyTheOwnerMayRead()
    {
        var path = Path.Combine(_folder, "mode.key");

        LocalKeyFile.ReadOrCreate(path, 32);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void ReadOrCreate_DamagedFile_SaysHowToRecover()
    {
        var path = Path.Combine(_folder, "bad.key");
        File.WriteAllText(path, "not a key");

        var e = Assert.Throws<InvalidOperationException>(() => LocalKeyFile.ReadOrCreate(path, 32));

        Assert.Contains("delete it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalFolder_FromAProjectFolder_IsTheRepositorysLocalFolder()
    {
        File.WriteAllText(Path.Combine(_folder, "FileBridge.sln"), string.Empty);
        var project = Directory.CreateDirectory(Path.Combine(_folder, "src", "App", "bin")).FullName;

        Assert.Equal(Path.Combine(_folder, ".local"), LocalKeyFile.LocalFolder(project));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
