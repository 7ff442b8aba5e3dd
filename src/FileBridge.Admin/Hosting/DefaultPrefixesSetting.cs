using FileBridge.Core.Files;
using Microsoft.Extensions.Configuration;

namespace FileBridge.Admin.Hosting;

/// <summary>
/// <c>Files:DefaultPrefixes</c> as the app reads it, so the tool can say what a user without prefixes of their own
/// will see. The tool does not need the rest of the <c>Files</c> section (no bucket), so it reads this one key.
/// </summary>
public sealed class DefaultPrefixesSetting(IConfiguration configuration)
{
    public string? Value { get; } = configuration[$"{FilesOptions.SectionName}:{nameof(FilesOptions.DefaultPrefixes)}"];

    /// <summary>The names of <c>Files:Locations</c>, when the app has locations: every grant then starts with one.</summary>
    public IReadOnlyList<string> LocationNames { get; } = configuration.GetSection($"{FilesOptions.SectionName}:{nameof(FilesOptions.Locations)}")
        .GetChildren()
        .Select(location => location[nameof(LocationOptions.Name)])
        .OfType<string>()
        .ToList();
}
