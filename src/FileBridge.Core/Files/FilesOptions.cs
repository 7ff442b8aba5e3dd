using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FileBridge.Core.Users;

namespace FileBridge.Core.Files;

/// <summary>The <c>Files</c> settings section: which bucket or locations, what people see by default, how long links live.</summary>
public sealed partial class FilesOptions : IValidatableObject
{
    public const string SectionName = "Files";

    public const int DefaultSearchScanLimit = 5000;

    /// <summary>The one bucket when <see cref="Locations"/> is empty.</summary>
    [RegularExpression(BucketPattern, ErrorMessage = "Files:Bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, '.' and '-').")]
    public string Bucket { get; set; } = "";

    /// <summary>Named locations; with them, the namespace people see starts with the location name.</summary>
    public List<LocationOptions> Locations { get; set; } = [];

    /// <summary>
    /// ';'-separated folder prefixes for users without their own list, or '*' alone for everything. Empty (the
    /// default) means such users see nothing: access fails closed.
    /// </summary>
    public string? DefaultPrefixes { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:15:00", ErrorMessage = "Files:DownloadUrlLifetime must be between 1 second and 15 minutes.")]
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most keys one search request reads; it bounds the work (and S3 calls) of every request.</summary>
    [Range(1, 100_000, ErrorMessage = "Files:SearchScanLimit must be between 1 and 100000.")]
    public int SearchScanLimit { get; set; } = DefaultSearchScanLimit;

    internal const string BucketPattern =
        @"^(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var defaults = PrefixList.Parse(DefaultPrefixes);
        if (PrefixGrant.FirstError(defaults) is { } error)
        {
            yield return new ValidationResult($"Files:DefaultPrefixes has an invalid prefix: {error}", [nameof(DefaultPrefixes)]);
        }

        if (Locations.Count == 0)
        {
            if (string.IsNullOrEmpty(Bucket))
            {
                yield return new ValidationResult("Files:Bucket is required. (Or list Files:Locations.)", [nameof(Bucket)]);
            }

            yield break;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Locations.Count; i++)
        {
            foreach (var problem in LocationProblems(Locations[i], $"Files:Locations:{i}", names))
            {
                yield return new ValidationResult(problem, [nameof(Locations)]);
            }
        }

        if (!PrefixGrant.IsEverything(defaults) && defaults.FirstOrDefault(d => !names.Contains(d.Split('/')[0])) is { } unknown)
        {
            yield return new ValidationResult($"Files:DefaultPrefixes grants '{unknown}', which names no location in Files:Locations.", [nameof(DefaultPrefixes)]);
        }
    }

    private static IEnumerable<string> LocationProblems(LocationOptions location, string path, HashSet<string> names)
    {
        if (!LocationName().IsMatch(location.Name ?? ""))
        {
            yield return $"{path}:Name must be 1-63 letters, digits, '.', '-' or '_' (it is the first folder people see).";
        }
        else if (!names.Add(location.Name!))
        {
            yield return $"{path}:Name '{location.Name}' is used by another location.";
        }

        if (!Regex.IsMatch(location.Bucket ?? "", BucketPattern))
        {
            yield return $"{path}:Bucket must be a valid S3 bucket name.";
        }

        if (!string.IsNullOrEmpty(location.Prefix) && PrefixGrant.Check(location.Prefix).Error is { } prefixError)
        {
            yield return $"{path}:Prefix is not valid: {prefixError}";
        }

        if (!string.IsNullOrEmpty(location.RoleArn) && !Regex.IsMatch(location.RoleArn, Aws.AwsOptions.RoleArnPattern))
        {
            yield return $"{path}:RoleArn must look like arn:aws:iam::<account>:role/<name>.";
        }

        if (!string.IsNullOrEmpty(location.Region) && !Regex.IsMatch(location.Region, Aws.AwsOptions.RegionPattern))
        {
            yield return $"{path}:Region must be a region name such as eu-west-1.";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex LocationName();
}
