namespace FileBridge.Functions.Http;

public sealed record LoginRequest(string Username, string Password)
{
    // Keeps the password out of any log that prints the request.
    public override string ToString() => $"LoginRequest {{ Username = {Username} }}";
}
