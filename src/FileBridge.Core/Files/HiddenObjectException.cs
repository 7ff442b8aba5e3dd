using Amazon.S3;

namespace FileBridge.Core.Files;

/// <summary>S3 would not say whether an object in the person's scope exists (a HEAD answered 403): to them, it does not.</summary>
internal sealed class HiddenObjectException(AmazonS3Exception inner)
    : Exception("S3 refused a HEAD request for an object in scope.", inner);
