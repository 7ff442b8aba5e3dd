using System.ComponentModel.DataAnnotations;

namespace FileBridge.OidcIssuer;

/// <summary>The <c>Issuer</c> section: who the tokens are from, for and about, and where the token file goes.</summary>
public sealed class IssuerOptions
{
    public const string SectionName = "Issuer";

    /// <summary>The exact <c>iss</c>; the IAM OpenID Connect provider is registered under it (a trailing slash matters).</summary>
    [Required(ErrorMessage = "Issuer:Url is required.")]
    public Uri Url { get; set; } = null!;

    [Required(ErrorMessage = "Issuer:Audience is required.")]
    public string Audience { get; set; } = "";

    /// <summary>Stands in for the managed identity's object id.</summary>
    [Required(ErrorMessage = "Issuer:Subject is required.")]
    public string Subject { get; set; } = "";

    /// <summary>Stands in for the Entra tenant id.</summary>
    public string TenantId { get; set; } = "00000000-0000-4000-8000-00000000f11e";

    /// <summary>Where the current token is kept for the broker's <c>Aws:WebIdentityTokenFile</c>; empty writes none.</summary>
    public string? TokenFile { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "12:00:00", ErrorMessage = "Issuer:TokenLifetime must be between 1 minute and 12 hours.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Well inside the lifetime, so a reader never finds an expired token in the file.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "Issuer:RefreshInterval must be between 1 second and 6 hours.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);
}
