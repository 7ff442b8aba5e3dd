namespace FileBridge.Core.Login;

public enum PasswordCheck
{
    Failed,
    Succeeded,
    /// <summary>Right password, but the stored hash is weaker than configured: store a new one.</summary>
    SucceededRehashNeeded,
}
