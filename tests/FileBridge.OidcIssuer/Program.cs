using FileBridge.OidcIssuer;
using Microsoft.Extensions.Options;

// A small OpenID Connect issuer for local runs and tests of keyless mode: discovery, a JWKS with one key, a token
// file kept fresh, and POST /token for tests that need a token with another audience, subject or expiry.
// Loopback only; it signs whatever it is asked to, which is exactly what makes it unfit for anything else.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddOptions<IssuerOptions>().BindConfiguration(IssuerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => new SigningKey(sp.GetRequiredService<IOptions<IssuerOptions>>().Value.Url.Authority));
builder.Services.AddSingleton<TokenMinter>();
builder.Services.AddSingleton<TokenFileWriter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<TokenFileWriter>());

var app = builder.Build();
var issuer = app.Services.GetRequiredService<IOptions<IssuerOptions>>().Value;
if (!string.IsNullOrWhiteSpace(issuer.TokenFile))
{
    await app.Services.GetRequiredService<TokenFileWriter>().WriteAsync(issuer.TokenFile, CancellationToken.None);
}

app.MapIssuerEndpoints(issuer);
await app.RunAsync();
