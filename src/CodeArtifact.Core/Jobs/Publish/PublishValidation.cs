using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Every check of a publish run that needs no request, done before the first one: each file
/// exists, has a repository path that names a file (no <c>..</c>), a non-Maven repository, and
/// no two files go to the same path; the client has credentials and the tenant and project the
/// file APIs need.
/// </summary>
internal static class PublishValidation
{
    public static (List<PublishItem> Items, string? Format, int Concurrency) Validate(PublishOptions options, CodeArtifactClient client)
    {
        var format = ValidFormat(options);
        if (options.MaxConcurrency is < 1 or > CodeArtifactClientOptions.MaxMaxConcurrency)
        {
            throw Argument.Invalid(nameof(PublishOptions.MaxConcurrency), Quantity.Number(options.MaxConcurrency.Value), $"MaxConcurrency is 1 to {CodeArtifactClientOptions.MaxMaxConcurrency}");
        }

        var files = options.Files ?? [];
        var items = new List<PublishItem>(files.Count);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var item = ValidFile(files[i], i, options, format);
            if (targets.TryGetValue(item.Target, out var first))
            {
                throw new CodeArtifactException(
                    ErrorCodes.PublishDuplicateRemotePath,
                    $"{item.ParameterPrefix}.RemotePath: {item.GivenLocalPath} and {first} both go to {item.Target}; a repository path holds one file. Give each file its own RemotePath.")
                {
                    ParameterName = item.ParameterPrefix + "." + nameof(PublishFileRequest.RemotePath),
                };
            }

            targets.Add(item.Target, item.GivenLocalPath);
            items.Add(item);
        }

        if (client.Options.Credentials is null)
        {
            throw new CodeArtifactException(ErrorCodes.NoCredentials, "No credentials were found: publishing reads each file's detail from the service before uploading it. " + CredentialChain.Routes);
        }

        client.EnsureFileApiSettings();
        return (items, format, options.MaxConcurrency ?? Math.Max(1, client.Options.MaxConcurrency));
    }

    private static string? ValidFormat(PublishOptions options)
    {
        if (options.Format is null)
        {
            return null;
        }

        if (RepositoryPaths.IsMaven(string.Empty, options.Format))
        {
            throw PublishJob.MavenRefusedBecause($"Format \"{options.Format}\" is a Maven format", nameof(PublishOptions.Format));
        }

        return Argument.OneOf(options.Format, nameof(PublishOptions.Format), KnownValues.FileFormats);
    }

    private static PublishItem ValidFile(PublishFileRequest? file, int index, PublishOptions options, string? format)
    {
        var prefix = $"Files[{Quantity.Number(index)}]";
        if (file is null)
        {
            throw CodeArtifactException.Invalid(prefix, $"Invalid {prefix}: the list holds a null file.");
        }

        if (string.IsNullOrWhiteSpace(file.LocalPath))
        {
            throw CodeArtifactException.Missing(prefix + ".LocalPath", $"{prefix}.LocalPath is required: the local file to publish.");
        }

        if (string.IsNullOrWhiteSpace(file.RemotePath))
        {
            throw CodeArtifactException.Missing(
                prefix + ".RemotePath",
                $"{prefix}.RemotePath is required for {file.LocalPath}: its path in the repository, such as /app/1.0/{Path.GetFileName(file.LocalPath)}.");
        }

        var remotePath = "/" + string.Join('/', CodeArtifactClient.FilePathSegments(file.RemotePath, prefix + ".RemotePath"));
        var repositoryName = file.Repository is null ? nameof(PublishOptions.Repository) : prefix + ".Repository";
        var repository = file.Repository ?? options.Repository;
        if (string.IsNullOrEmpty(repository))
        {
            throw CodeArtifactException.Missing(
                nameof(PublishOptions.Repository),
                $"Repository is required for {file.LocalPath}: set Repository, or the file's own Repository metadata, to the id of a non-Maven repository (such as cn-north-4_<domainId>_generic_1).");
        }

        Argument.RepositoryId(repository, repositoryName);
        if (RepositoryPaths.IsMaven(repository, format))
        {
            throw PublishJob.MavenRefused(repository, repositoryName);
        }

        var fullPath = Path.GetFullPath(file.LocalPath);
        if (!File.Exists(fullPath))
        {
            var what = Directory.Exists(fullPath) ? "is a folder, not a file" : "does not exist";
            throw new CodeArtifactException(
                ErrorCodes.PublishLocalFileMissing,
                $"{prefix}.LocalPath {Argument.Quote(file.LocalPath)} {what}: give a file to publish (build it first, or fix the path). Nothing was uploaded.")
            {
                ParameterName = prefix + ".LocalPath",
            };
        }

        return new PublishItem
        {
            GivenLocalPath = file.LocalPath,
            FullLocalPath = fullPath,
            RemotePath = remotePath,
            Repository = repository,
            ParameterPrefix = prefix,
        };
    }
}
