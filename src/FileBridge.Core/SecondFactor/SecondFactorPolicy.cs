namespace FileBridge.Core.SecondFactor;

/// <summary><c>Login:SecondFactor</c>: whether sign-in asks for a second factor.</summary>
public enum SecondFactorPolicy
{
    /// <summary>Never asks, and enrolment is hidden.</summary>
    Off,

    /// <summary>Asks those who have a factor; nobody is made to enrol.</summary>
    Optional,

    /// <summary>Asks everyone; a person without a factor enrols before being signed in.</summary>
    Required,
}
