namespace FileBridge.Core.Files;

/// <summary>One entry of <c>Files:Locations</c>, as configured; <see cref="FilesOptions"/> validates it.</summary>
public sealed class LocationOptions
{
    public string Name { get; set; } = "";

    public string Bucket { get; set; } = "";

    /// <summary>Optional subtree of the bucket; the location shows only what lies below it.</summary>
    public string? Prefix { get; set; }

    /// <summary>Optional; defaults to <c>Aws:RoleArn</c>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>Optional; defaults to <c>Aws:Region</c>.</summary>
    public string? Region { get; set; }
}
