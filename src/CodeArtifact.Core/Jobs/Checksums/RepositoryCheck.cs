namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Tells a repository-level failure from a file-level one, once per repository: when a file's
/// look-up fails, the repository itself is asked for (<c>ShowRepositoryInfo</c>,
/// <c>GET /cloudartifact/v5/repositories/{repo_id}</c>). A repository that does not exist
/// (CART0306) or that the credentials may not read (CART0307), or credentials the service refuses
/// (CART0102), fail the whole job with one error naming the repository, instead of a verdict per
/// file; any other answer leaves the files their own verdicts.
/// </summary>
/// <remarks>
/// Asked only after a failed look-up, so a run whose files are all found costs no extra request;
/// and a repository in which any file was found is never reported as missing.
/// </remarks>
internal sealed class RepositoryCheck(CodeArtifactClient client, string repository)
{
    private readonly object _gate = new();
    private Task<CodeArtifactException?>? _check;
    private volatile bool _anyFileFound;

    public string Repository { get; } = repository;

    /// <summary>A file of this repository was found: the repository exists and can be read.</summary>
    public void FileFound() => _anyFileFound = true;

    /// <summary>The repository-level failure to fail the job with, or null when the files keep their own verdicts.</summary>
    public async Task<CodeArtifactException?> FailureAsync(CancellationToken cancellationToken)
    {
        if (_anyFileFound)
        {
            return null;
        }

        Task<CodeArtifactException?> check;
        lock (_gate)
        {
            check = _check ??= AskAsync(cancellationToken);
        }

        var failure = await check.ConfigureAwait(false);
        return _anyFileFound ? null : failure;
    }

    private async Task<CodeArtifactException?> AskAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.GetRepositoryAsync(Repository, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (CodeArtifactException ex) when (ex.Code == ErrorCodes.AuthenticationFailed)
        {
            return ex;
        }
        catch (CodeArtifactException ex) when (JobTasks.IsNotFound(ex))
        {
            return ex.Restated(
                ErrorCodes.RepositoryNotFound,
                $"Repository \"{Repository}\" does not exist, or these credentials cannot see it{Said(ex)}. Check Repository (and each file's Repository metadata): copy the id from the repository's general page, where it is the part of the repository URL between the last two slashes.");
        }
        catch (CodeArtifactException ex) when (ex.HttpStatus == 403 || ex.Code == ErrorCodes.PermissionDenied || ex.ServiceErrorCode?.EndsWith("CR.4102", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ex.Restated(
                ErrorCodes.RepositoryAccessDenied,
                $"No permission on repository \"{Repository}\"{Said(ex)}: the credentials in use may not read it. Ask for access to the repository (or its project), or use credentials that have it.");
        }
        catch (CodeArtifactException)
        {
            // Cannot tell (a service error, the network): each file keeps the verdict its own look-up gave.
            return null;
        }
    }

    private static string Said(CodeArtifactException ex)
    {
        var code = ex.ServiceErrorCode is null ? string.Empty : ex.ServiceErrorCode + " ";
        var message = string.IsNullOrWhiteSpace(ex.ServiceMessage) ? $"HTTP {ex.HttpStatus}" : ex.ServiceMessage;
        return $" (the service said: {code}{message})";
    }
}
