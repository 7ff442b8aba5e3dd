using FileBridge.Admin.Hosting;

namespace FileBridge.Admin.Tests.Hosting;

public sealed class SettingsFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_AppSettingsShape_FlattensSections()
    {
        File.WriteAllText(_path, """{ "Users": { "TableName": "People", "ConnectionString": "x" }, "Login": { "PasswordHashIterations": 300000 } }""");

        var values = SettingsFile.Read(_path);

        Assert.Equal("People", values["Users:TableName"]);
        Assert.Equal("x", values["Users:ConnectionString"]);
        Assert.Equal("300000", values["Login:PasswordHashIterations"]);
    }

    [Fact]
    public void Read_LocalSettingsShape_ReadsValuesInBothKeyStyles()
    {
        File.WriteAllText(_path, """{ "IsEncrypted": false, "Values": { "Users:TableName": "People", "Sessions__TableName": "Visits", "Flag": true } }""");

        var values = SettingsFile.Read(_path);

        Assert.Equal("People", values["Users:TableName"]);
        Assert.Equal("Visits", values["Sessions:TableName"]);
        Assert.Equal("true", values["Flag"]);
        Assert.False(values.ContainsKey("IsEncrypted"));
    }

    [Fact]
    public void Read_InvalidJson_ThrowsSettingsException()
    {
        File.WriteAllText(_path, "{ not json");

        var error = Record.Exception(() => SettingsFile.Read(_path));

        Assert.IsType<SettingsException>(error);
    }
}
